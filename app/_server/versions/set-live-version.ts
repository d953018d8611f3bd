import type { Prisma } from "@/prisma/generated/client";
import { AppError } from "@/app/_server/http/app-error";

/**
 * Moves the live pointer only if it still points where the caller saw it (one conditional UPDATE):
 * of two publishes from the same view exactly one wins, the other gets a 409 and its transaction
 * rolls back, so the pointer never ends up between versions.
 */
export async function setLiveVersion(tx: Prisma.TransactionClient, flowId: string, expectedLiveVersionId: string | null, versionId: string, userId: string): Promise<void> {
  const moved = await tx.flow.updateMany({
    where: { id: flowId, liveVersionId: expectedLiveVersionId, deletedAt: null },
    data: { liveVersionId: versionId, updatedById: userId },
  });
  if (moved.count === 1) return;
  const current = await tx.flow.findUniqueOrThrow({ where: { id: flowId }, select: { deletedAt: true, name: true, liveVersion: { select: { id: true, number: true } } } });
  if (current.deletedAt !== null) throw new AppError(409, "flow_deleted", `Flow "${current.name}" is deleted: restore it first.`, { flowId });
  throw new AppError(409, "live_version_changed", "Someone else changed the live version meanwhile; reload and check before publishing.", {
    currentLiveVersionId: current.liveVersion?.id ?? null,
    currentLiveNumber: current.liveVersion?.number ?? null,
  });
}
