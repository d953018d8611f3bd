import { prisma, type PrismaClient } from "@/prisma/client";
import type { FlowKind } from "@/flows-runtime/graph/schema";
import type { Session } from "@/app/_server/auth/session";
import { loadFlow } from "@/app/_server/flows/load-flow";
import { userNames } from "@/app/_server/flows/user-names";
import { toVersionSummary, userIdsOf, versionSummarySelect, type VersionSummary } from "./version-summary";

export interface VersionHistory {
  flow: { id: string; name: string; kind: FlowKind; deleted: boolean; liveVersionId: string | null; draftRevision: number };
  versions: VersionSummary[];
}

/** Every version of a flow, newest first, with its review status and whether it is live. */
export async function listVersions(actor: Session, flowId: string, db: PrismaClient = prisma()): Promise<VersionHistory> {
  const flow = await loadFlow(db, actor, flowId, "flow.view", { allowDeleted: true });
  const { liveVersionId, draftRevision } = await db.flow.findUniqueOrThrow({ where: { id: flowId }, select: { liveVersionId: true, draftRevision: true } });
  const rows = await db.flowVersion.findMany({ where: { flowId }, orderBy: { number: "desc" }, select: versionSummarySelect });
  const users = await userNames(db, rows.flatMap(userIdsOf));
  return {
    flow: { id: flow.id, name: flow.name, kind: flow.kind, deleted: flow.deletedAt !== null, liveVersionId, draftRevision },
    versions: rows.map((row) => toVersionSummary(row, liveVersionId, users)),
  };
}
