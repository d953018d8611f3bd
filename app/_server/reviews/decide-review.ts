import { z } from "zod";
import { prisma, type PrismaClient } from "@/prisma/client";
import type { Session } from "@/app/_server/auth/session";
import { writeAudit } from "@/app/_server/audit/write-audit";
import { loadFlow } from "@/app/_server/flows/load-flow";
import { AppError } from "@/app/_server/http/app-error";
import { loadReview } from "./load-review";
import type { ReviewSummary } from "./review-summary";

export const approveReviewInputSchema = z.object({
  note: z.string().trim().max(1000, "must be at most 1000 characters").optional(),
});
export const requestChangesInputSchema = z.object({
  /** What the author has to change. */
  note: z.string().trim().min(1, "say what has to change").max(1000, "must be at most 1000 characters"),
});

export type Decision = "approved" | "changes_requested";

/**
 * Four eyes, enforced here whatever the role: the submitter and everyone who edited the draft since
 * the last approved candidate (ReviewSummary.authorIds) may not approve. Both decisions only apply to a pending review (a conditional update: of two reviewers
 * deciding at once, one wins and the other gets a 409).
 */
export async function decideReview(actor: Session, flowId: string, reviewId: string, decision: Decision, note: string | undefined, db: PrismaClient = prisma()): Promise<ReviewSummary> {
  await loadFlow(db, actor, flowId, "flow.review");
  const review = await loadReview(db, flowId, reviewId);
  if (decision === "approved" && review.authorIds.includes(actor.userId)) {
    throw new AppError(403, "four_eyes", "You cannot approve a change you submitted or edited: another reviewer has to approve it.");
  }
  await db.$transaction(async (tx) => {
    const decided = await tx.flowReview.updateMany({
      where: { id: reviewId, status: "pending" },
      data: { status: decision, decidedById: actor.userId, decidedAt: new Date(), decisionNote: note ?? null },
    });
    if (decided.count === 0) {
      const current = await tx.flowReview.findUniqueOrThrow({ where: { id: reviewId }, select: { status: true } });
      throw new AppError(409, "review_not_pending", `This review is no longer pending (it is ${current.status.replace("_", " ")}).`, { status: current.status });
    }
    if (decision === "approved") {
      // The approved candidate accounts for its authors' edits. Only when the draft is still the one
      // frozen for it: a save since then may hold any of them again (too many authors is safe).
      const frozen = await tx.flowReview.findUniqueOrThrow({ where: { id: reviewId }, select: { draftRevision: true } });
      await tx.flow.updateMany({ where: { id: flowId, draftRevision: frozen.draftRevision }, data: { draftEditorIds: [] } });
    }
    await writeAudit(tx, actor, {
      action: decision === "approved" ? "review.approve" : "review.requestChanges",
      targetType: "review",
      targetId: reviewId,
      flowId,
      details: { versionId: review.versionId, number: review.versionNumber, note: note ?? null },
    });
  });
  return loadReview(db, flowId, reviewId);
}
