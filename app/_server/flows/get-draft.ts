import { migrateGraph } from "@/flows-runtime/graph/migrations";
import type { FlowKind } from "@/flows-runtime/graph/schema";
import { prisma, type PrismaClient } from "@/prisma/client";
import { can } from "@/app/_server/auth/permissions";
import type { Session } from "@/app/_server/auth/session";
import { loadFlow } from "./load-flow";
import { userNames, type UserRef } from "./user-names";

export interface Draft {
  flowId: string;
  name: string;
  kind: FlowKind;
  /** Send back as `baseRevision` when saving. */
  revision: number;
  /** Upgraded to the current graph format; validated only on save, import and publish. */
  graph: unknown;
  updatedAt: string;
  updatedBy: UserRef | null;
  deletedAt: string | null;
  /** Whether this actor may save it (the canvas opens read-only otherwise). */
  editable: boolean;
}

export async function getDraft(actor: Session, flowId: string, db: PrismaClient = prisma()): Promise<Draft> {
  const flow = await loadFlow(db, actor, flowId, "flow.view", { allowDeleted: true });
  const row = await db.flow.findUniqueOrThrow({
    where: { id: flowId },
    select: { draftGraph: true, draftRevision: true, updatedAt: true, updatedById: true, deletedAt: true },
  });
  const users = await userNames(db, [row.updatedById]);
  return {
    flowId,
    name: flow.name,
    kind: flow.kind,
    revision: row.draftRevision,
    graph: migrateGraph(row.draftGraph),
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: (row.updatedById && users.get(row.updatedById)) || null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    editable: row.deletedAt === null && can(actor.role, "flow.editDraft", flow.kind),
  };
}
