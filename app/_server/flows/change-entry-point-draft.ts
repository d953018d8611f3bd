import { Prisma } from "@/prisma/generated/client";
import type { Session } from "@/app/_server/auth/session";
import { writeAudit } from "@/app/_server/audit/write-audit";
import { AppError } from "@/app/_server/http/app-error";
import { voidReview } from "@/app/_server/reviews/void-review";
import { entryPointRefId, hasEntryPoint, parseEntryPointSet, sameEntryPoints, sortedEntryPoints, type EntryPointRef } from "./entry-point-set";

export type EntryPointDraftChange = { op: "add" | "remove"; ref: EntryPointRef };

/** The entry points that lead to the flow now (rows), in the stored sets' order. */
export async function liveEntryPoints(tx: Prisma.TransactionClient, flowId: string): Promise<EntryPointRef[]> {
  const rows = await tx.entryPoint.findMany({ where: { flowId }, select: { kind: true, value: true } });
  return parseEntryPointSet(rows) ?? [];
}

/** An open candidate stays only if publishing it would give the flow the numbers now proposed. */
async function voidOtherCandidates(tx: Prisma.TransactionClient, actor: Session, flowId: string, proposed: readonly EntryPointRef[], live: readonly EntryPointRef[]): Promise<void> {
  const open = await tx.flowReview.findMany({ where: { flowId, status: { in: ["pending", "approved"] } }, select: { id: true, status: true, version: { select: { id: true, number: true, entryPoints: true } } } });
  for (const review of open) {
    if (sameEntryPoints(parseEntryPointSet(review.version.entryPoints) ?? live, proposed)) continue;
    await voidReview(tx, actor, flowId, review, { reason: "entry_points_changed" });
  }
}

/**
 * Proposes one more or one less entry point for the flow (Flow.entryPointDraft). Nothing changes for
 * callers: the proposal goes live with the next version submitted, approved and published. The
 * proposer joins the draft's editors (four eyes), and an open candidate with other numbers is voided,
 * so that what a reviewer approves is exactly what will be published.
 */
export async function changeEntryPointDraft(tx: Prisma.TransactionClient, actor: Session, flowId: string, change: EntryPointDraftChange): Promise<EntryPointRef[]> {
  await tx.$queryRaw`SELECT "id" FROM "Flow" WHERE "id" = ${flowId} FOR UPDATE`;
  const flow = await tx.flow.findUniqueOrThrow({ where: { id: flowId }, select: { entryPointDraft: true, draftEditorIds: true } });
  const live = await liveEntryPoints(tx, flowId);
  const current = parseEntryPointSet(flow.entryPointDraft) ?? live;
  const { ref } = change;
  if (change.op === "add" && hasEntryPoint(current, ref)) {
    throw new AppError(409, "entry_point_exists", `${ref.value} is already an entry point of this flow.`, { kind: ref.kind, value: ref.value });
  }
  if (change.op === "remove" && !hasEntryPoint(current, ref)) {
    throw new AppError(404, "entry_point_not_found", `Entry point ${ref.value} does not belong to this flow.`, { entryPointId: entryPointRefId(ref) });
  }
  const proposed = sortedEntryPoints(change.op === "add" ? [...current, ref] : current.filter((item) => entryPointRefId(item) !== entryPointRefId(ref)));
  // Back to what is live: no change is proposed any more.
  const draft = sameEntryPoints(proposed, live) ? Prisma.DbNull : proposed;
  const editors = flow.draftEditorIds.includes(actor.userId) ? flow.draftEditorIds : [...flow.draftEditorIds, actor.userId];
  await tx.flow.update({ where: { id: flowId }, data: { entryPointDraft: draft, draftEditorIds: editors } });
  await voidOtherCandidates(tx, actor, flowId, proposed, live);
  await writeAudit(tx, actor, {
    action: change.op === "add" ? "entryPoint.add" : "entryPoint.remove",
    targetType: "entryPoint",
    targetId: entryPointRefId(ref),
    flowId,
    details: { kind: ref.kind, value: ref.value, proposed: true },
  });
  return proposed;
}
