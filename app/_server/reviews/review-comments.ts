import { z } from "zod";
import { prisma, type PrismaClient } from "@/prisma/client";
import type { Session } from "@/app/_server/auth/session";
import { writeAudit } from "@/app/_server/audit/write-audit";
import { loadFlow } from "@/app/_server/flows/load-flow";
import { userNames, type UserRef } from "@/app/_server/flows/user-names";
import { AppError } from "@/app/_server/http/app-error";
import { graphSchema } from "@/flows-runtime/graph/schema";
import { loadReview } from "./load-review";

export const addReviewCommentInputSchema = z.object({
  /** The node the comment is about (in the candidate or the version it replaces); null: the whole change. */
  nodeId: z.string().min(1).max(100).nullable().default(null),
  body: z.string().trim().min(1, "must not be empty").max(2000, "must be at most 2000 characters"),
});
export type AddReviewCommentInput = z.infer<typeof addReviewCommentInputSchema>;

export interface ReviewComment {
  id: string;
  reviewId: string;
  nodeId: string | null;
  body: string;
  author: UserRef | null;
  createdAt: string;
}

export interface ReviewComments {
  comments: ReviewComment[];
  /** Node id → its comments, oldest first (what the canvas pins to nodes). */
  byNode: Record<string, ReviewComment[]>;
  /** Comments on the whole change. */
  general: ReviewComment[];
}

const nodeIdsSchema = graphSchema.pick({ nodes: true });

async function nodeIdsOf(db: PrismaClient, versionIds: (string | null)[]): Promise<Set<string>> {
  const ids = versionIds.filter((id): id is string => id !== null);
  const versions = await db.flowVersion.findMany({ where: { id: { in: ids } }, select: { graph: true } });
  return new Set(versions.flatMap((version) => {
    const parsed = nodeIdsSchema.safeParse(version.graph);
    return parsed.success ? parsed.data.nodes.map((node) => node.id) : [];
  }));
}

export async function addReviewComment(actor: Session, flowId: string, reviewId: string, input: AddReviewCommentInput, db: PrismaClient = prisma()): Promise<ReviewComment> {
  await loadFlow(db, actor, flowId, "flow.review");
  const review = await loadReview(db, flowId, reviewId);
  if (input.nodeId !== null && !(await nodeIdsOf(db, [review.versionId, review.baseVersionId])).has(input.nodeId)) {
    throw new AppError(422, "node_not_in_review", `Node ${input.nodeId} is not part of this change.`, { nodeId: input.nodeId });
  }
  const created = await db.$transaction(async (tx) => {
    const comment = await tx.reviewComment.create({ data: { reviewId, nodeId: input.nodeId, body: input.body, authorId: actor.userId } });
    await writeAudit(tx, actor, {
      action: "review.comment",
      targetType: "review",
      targetId: reviewId,
      flowId,
      details: { commentId: comment.id, nodeId: input.nodeId, body: input.body },
    });
    return comment;
  });
  return { id: created.id, reviewId, nodeId: created.nodeId, body: created.body, author: { id: actor.userId, name: actor.name }, createdAt: created.createdAt.toISOString() };
}

export async function listReviewComments(actor: Session, flowId: string, reviewId: string, db: PrismaClient = prisma()): Promise<ReviewComments> {
  await loadFlow(db, actor, flowId, "flow.view", { allowDeleted: true });
  await loadReview(db, flowId, reviewId);
  const rows = await db.reviewComment.findMany({ where: { reviewId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const users = await userNames(db, rows.map((row) => row.authorId));
  const comments = rows.map((row) => ({
    id: row.id,
    reviewId,
    nodeId: row.nodeId,
    body: row.body,
    author: users.get(row.authorId) ?? null,
    createdAt: row.createdAt.toISOString(),
  }));
  const byNode = new Map<string, ReviewComment[]>();
  for (const comment of comments) {
    if (comment.nodeId === null) continue;
    byNode.set(comment.nodeId, [...(byNode.get(comment.nodeId) ?? []), comment]);
  }
  // fromEntries: a node id like "__proto__" stays an ordinary key.
  return { comments, byNode: Object.fromEntries(byNode), general: comments.filter((comment) => comment.nodeId === null) };
}
