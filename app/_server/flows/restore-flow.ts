import { prisma, type PrismaClient } from "@/prisma/client";
import type { Session } from "@/app/_server/auth/session";
import { writeAudit } from "@/app/_server/audit/write-audit";
import { flowSummarySelect, toFlowSummary, type FlowSummary } from "./flow-summary";
import { loadFlow } from "./load-flow";
import { userNames } from "./user-names";

export async function restoreFlow(actor: Session, flowId: string, db: PrismaClient = prisma()): Promise<FlowSummary> {
  const flow = await loadFlow(db, actor, flowId, "flow.restore", { allowDeleted: true });
  await db.$transaction(async (tx) => {
    const restored = await tx.flow.updateMany({ where: { id: flowId, deletedAt: { not: null } }, data: { deletedAt: null, updatedById: actor.userId } });
    if (restored.count > 0) await writeAudit(tx, actor, { action: "flow.restore", targetType: "flow", targetId: flowId, flowId, details: { name: flow.name, kind: flow.kind } });
  });
  const row = await db.flow.findUniqueOrThrow({ where: { id: flowId }, select: flowSummarySelect });
  return toFlowSummary(row, await userNames(db, [row.updatedById]));
}
