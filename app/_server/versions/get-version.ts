import { migrateGraph } from "@/flows-runtime/graph/migrations";
import { prisma, type PrismaClient } from "@/prisma/client";
import type { Session } from "@/app/_server/auth/session";
import { loadFlow } from "@/app/_server/flows/load-flow";
import { userNames } from "@/app/_server/flows/user-names";
import { versionNotFound } from "./version-errors";
import { toVersionSummary, userIdsOf, versionSummarySelect, type VersionSummary } from "./version-summary";

export interface VersionDetail extends VersionSummary {
  flowId: string;
  graph: unknown;
}

export async function getVersion(actor: Session, flowId: string, versionId: string, db: PrismaClient = prisma()): Promise<VersionDetail> {
  await loadFlow(db, actor, flowId, "flow.view", { allowDeleted: true });
  const row = await db.flowVersion.findFirst({ where: { id: versionId, flowId }, select: { ...versionSummarySelect, graph: true, flow: { select: { liveVersionId: true } } } });
  if (!row) throw versionNotFound(versionId);
  const users = await userNames(db, userIdsOf(row));
  return { ...toVersionSummary(row, row.flow.liveVersionId, users), flowId, graph: migrateGraph(row.graph) };
}
