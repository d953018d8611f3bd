import { z } from "zod";
import { prisma, type PrismaClient } from "@/prisma/client";
import type { Session } from "@/app/_server/auth/session";
import { writeAudit } from "@/app/_server/audit/write-audit";
import { loadFlow } from "@/app/_server/flows/load-flow";
import { AppError } from "@/app/_server/http/app-error";
import type { LiveChange } from "./publish-version";
import { setLiveVersion } from "./set-live-version";
import { versionNotFound } from "./version-errors";

const idSchema = z.string().min(1).max(100);

export const rollbackInputSchema = z.object({
  /** A version of this flow that has been live before. */
  versionId: idSchema,
  /** As for publishing: the live version the user saw; a change since then is refused with 409. */
  expectedLiveVersionId: idSchema.nullable().optional(),
  /** Why (kept in the audit log): required, as a rollback skips review. */
  note: z.string("give a reason for the rollback").trim().min(1, "give a reason for the rollback").max(500, "must be at most 500 characters"),
});
export type RollbackInput = z.infer<typeof rollbackInputSchema>;

/**
 * Makes an earlier version live again for new calls. No new review: the version was reviewed (or
 * published by a developer tool) and has been live before, and a rollback must be quick in an
 * incident; it needs the flow.rollback permission and is audited. A version that never went live must
 * be published through review instead.
 */
export async function rollbackFlow(actor: Session, flowId: string, input: RollbackInput, db: PrismaClient = prisma()): Promise<LiveChange> {
  await loadFlow(db, actor, flowId, "flow.rollback");
  const version = await db.flowVersion.findFirst({ where: { id: input.versionId, flowId }, select: { id: true, number: true, publishedAt: true } });
  if (!version) throw versionNotFound(input.versionId);
  if (version.publishedAt === null) {
    throw new AppError(409, "version_never_live", `Version ${version.number} has never been live: publish it through review instead.`, { number: version.number });
  }
  const { liveVersionId } = await db.flow.findUniqueOrThrow({ where: { id: flowId }, select: { liveVersionId: true } });
  if (liveVersionId === version.id) throw new AppError(409, "version_already_live", `Version ${version.number} is already live.`, { number: version.number });
  const expected = input.expectedLiveVersionId === undefined ? liveVersionId : input.expectedLiveVersionId;

  await db.$transaction(async (tx) => {
    await setLiveVersion(tx, flowId, expected, version.id, actor.userId);
    await writeAudit(tx, actor, {
      action: "version.rollback",
      targetType: "version",
      targetId: version.id,
      flowId,
      details: { number: version.number, previousLiveVersionId: expected, note: input.note },
    });
  });
  return { flowId, versionId: version.id, number: version.number, previousLiveVersionId: expected };
}
