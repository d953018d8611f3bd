import { z } from "zod";
import { prisma, type PrismaClient } from "@/prisma/client";
import { Prisma } from "@/prisma/generated/client";
import type { Session } from "@/app/_server/auth/session";
import { writeAudit } from "@/app/_server/audit/write-audit";
import { loadFlow } from "@/app/_server/flows/load-flow";
import { AppError } from "@/app/_server/http/app-error";
import { applyEntryPoints } from "./apply-entry-points";
import { setLiveVersion } from "./set-live-version";
import { versionNotFound } from "./version-errors";
import { versionStatus } from "./version-status";

const idSchema = z.string().min(1).max(100);

export const publishVersionInputSchema = z.object({
  /** An approved version of this flow. */
  versionId: idSchema,
  /**
   * The live version the publisher was looking at (null: nothing was live). When someone else changed
   * it since, the publish is refused with 409. Omitted: whatever is live when the request arrives.
   */
  expectedLiveVersionId: idSchema.nullable().optional(),
});
export type PublishVersionInput = z.infer<typeof publishVersionInputSchema>;

export interface LiveChange {
  flowId: string;
  versionId: string;
  number: number;
  previousLiveVersionId: string | null;
}

const notApproved = (status: string) =>
  new AppError(409, "version_not_approved", `Only an approved version can be published; this one is ${status.replace("_", " ")}.`, { status });

/** Two flows publishing the same new number at once: the unique index refuses the second, told as a 409. */
async function publishInTransaction(db: PrismaClient, work: (tx: Prisma.TransactionClient) => Promise<void>): Promise<void> {
  try {
    await db.$transaction(work);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError(409, "entry_point_taken", "A phone number of this version was just given to another flow; free it there first.");
    }
    throw error;
  }
}

/**
 * Makes an approved version live for new calls (running calls finish on the version they started
 * with). The approval is consumed and the pointer moved in one transaction, each by a conditional
 * update, so two simultaneous publishes give one success and one 409. The entry points the version
 * was submitted with become the flow's in the same transaction.
 */
export async function publishVersion(actor: Session, flowId: string, input: PublishVersionInput, db: PrismaClient = prisma()): Promise<LiveChange> {
  await loadFlow(db, actor, flowId, "flow.publish");
  const version = await db.flowVersion.findFirst({ where: { id: input.versionId, flowId }, select: { id: true, number: true, entryPoints: true, review: { select: { id: true, status: true } } } });
  if (!version) throw versionNotFound(input.versionId);
  const review = version.review;
  if (review === null || review.status !== "approved") throw notApproved(versionStatus(review));
  const { liveVersionId } = await db.flow.findUniqueOrThrow({ where: { id: flowId }, select: { liveVersionId: true } });
  const expected = input.expectedLiveVersionId === undefined ? liveVersionId : input.expectedLiveVersionId;

  await publishInTransaction(db, async (tx) => {
    const consumed = await tx.flowReview.updateMany({ where: { id: review.id, status: "approved" }, data: { status: "published" } });
    if (consumed.count === 0) {
      const now = await tx.flowReview.findUniqueOrThrow({ where: { id: review.id }, select: { status: true } });
      throw notApproved(now.status);
    }
    await setLiveVersion(tx, flowId, expected, version.id, actor.userId);
    const numbers = await applyEntryPoints(tx, flowId, version.entryPoints);
    await tx.flowVersion.update({ where: { id: version.id }, data: { publishedAt: new Date(), publishedById: actor.userId } });
    await writeAudit(tx, actor, {
      action: "version.publish",
      targetType: "version",
      targetId: version.id,
      flowId,
      details: {
        number: version.number,
        reviewId: review.id,
        previousLiveVersionId: expected,
        ...(numbers.added.length > 0 ? { entryPointsAdded: numbers.added.map((ref) => ref.value) } : {}),
        ...(numbers.removed.length > 0 ? { entryPointsRemoved: numbers.removed.map((ref) => ref.value) } : {}),
      },
    });
  });
  return { flowId, versionId: version.id, number: version.number, previousLiveVersionId: expected };
}
