import { z } from "zod";
import { flowKindSchema } from "@/flows-runtime/graph/schema";
import { prisma, type PrismaClient } from "@/prisma/client";
import { ReviewStatus } from "@/prisma/generated/enums";
import { grantedKinds } from "@/app/_server/auth/permissions";
import type { Session } from "@/app/_server/auth/session";
import { loadFlow } from "@/app/_server/flows/load-flow";
import { userNames } from "@/app/_server/flows/user-names";
import { loadReview } from "./load-review";
import { reviewSummarySelect, reviewUserIds, toReviewSummary, type ReviewSummary } from "./review-summary";

export const reviewStatusSchema = z.enum(ReviewStatus);

export const listReviewsQuerySchema = z.object({
  /** Default: the queue of pending reviews. */
  status: reviewStatusSchema.default("pending"),
  flowId: z.string().min(1).max(100).optional(),
});
export type ListReviewsQuery = z.infer<typeof listReviewsQuerySchema>;

export const listReviewsLimit = 200;

/** Reviews on flows of the kinds the actor may view; the queue lists the oldest pending first. */
export async function listReviews(actor: Session, query: ListReviewsQuery, db: PrismaClient = prisma()): Promise<ReviewSummary[]> {
  if (query.flowId !== undefined) await loadFlow(db, actor, query.flowId, "flow.view", { allowDeleted: true });
  const kinds = grantedKinds(actor.role, "flow.view");
  const rows = await db.flowReview.findMany({
    where: {
      status: query.status,
      flowId: query.flowId,
      flow: { deletedAt: null, kind: kinds === null ? undefined : { in: kinds.map((kind) => flowKindSchema.parse(kind)) } },
    },
    orderBy: { submittedAt: query.status === "pending" ? "asc" : "desc" },
    take: listReviewsLimit,
    select: reviewSummarySelect,
  });
  const users = await userNames(db, rows.flatMap(reviewUserIds));
  return rows.map((row) => toReviewSummary(row, users));
}

export async function getReview(actor: Session, flowId: string, reviewId: string, db: PrismaClient = prisma()): Promise<ReviewSummary> {
  await loadFlow(db, actor, flowId, "flow.view", { allowDeleted: true });
  return loadReview(db, flowId, reviewId);
}
