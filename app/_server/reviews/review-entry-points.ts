import { prisma, type PrismaClient } from "@/prisma/client";
import type { Session } from "@/app/_server/auth/session";
import { liveEntryPoints } from "@/app/_server/flows/change-entry-point-draft";
import { entryPointChanges, parseEntryPointSet, type EntryPointChanges, type EntryPointRef } from "@/app/_server/flows/entry-point-set";
import { loadFlow } from "@/app/_server/flows/load-flow";

export interface ReviewEntryPoints {
  /** Callers reach the flow on these once the candidate is published. */
  afterPublish: EntryPointRef[];
  /** Against what is live now. */
  changes: EntryPointChanges;
}

/** The numbers a candidate brings with it (a version without a set keeps today's numbers). */
export async function reviewEntryPoints(actor: Session, flowId: string, versionId: string, db: PrismaClient = prisma()): Promise<ReviewEntryPoints> {
  await loadFlow(db, actor, flowId, "flow.view", { allowDeleted: true });
  const version = await db.flowVersion.findFirstOrThrow({ where: { id: versionId, flowId }, select: { entryPoints: true } });
  const live = await liveEntryPoints(db, flowId);
  const afterPublish = parseEntryPointSet(version.entryPoints) ?? live;
  return { afterPublish, changes: entryPointChanges(live, afterPublish) };
}
