import { canonicalJson } from "@/flows-runtime/compiler/canonical-json";
import type { Prisma } from "@/prisma/generated/client";
import type { Session } from "@/app/_server/auth/session";
import { voidReview } from "./void-review";

/**
 * Called by saveDraft in its transaction: an approval covers one exact graph, so once the draft is
 * saved different from an approved, unpublished candidate, that approval is void and the change must
 * be submitted again. A save that leaves the draft equal to the candidate keeps the approval.
 */
export async function voidStaleApprovals(tx: Prisma.TransactionClient, actor: Session, flowId: string, savedGraph: unknown, draftRevision: number): Promise<void> {
  const approved = await tx.flowReview.findMany({ where: { flowId, status: "approved" }, select: { id: true, version: { select: { id: true, number: true, graph: true } } } });
  const saved = canonicalJson(savedGraph);
  for (const review of approved) {
    if (canonicalJson(review.version.graph) === saved) continue;
    await voidReview(tx, actor, flowId, { ...review, status: "approved" }, { reason: "draft_edited", draftRevision });
  }
}
