import type { PrismaClient } from "@/prisma/client";
import { userNames } from "@/app/_server/flows/user-names";
import { reviewNotFound } from "@/app/_server/versions/version-errors";
import { reviewSummarySelect, reviewUserIds, toReviewSummary, type ReviewSummary } from "./review-summary";

/** A review of this flow (a review id under another flow's path is not found). */
export async function loadReview(db: PrismaClient, flowId: string, reviewId: string): Promise<ReviewSummary> {
  const row = await db.flowReview.findFirst({ where: { id: reviewId, flowId }, select: reviewSummarySelect });
  if (!row) throw reviewNotFound(reviewId);
  return toReviewSummary(row, await userNames(db, reviewUserIds(row)));
}
