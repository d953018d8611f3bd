import { prisma, type PrismaClient } from "@/prisma/client";
import type { Session } from "@/app/_server/auth/session";
import { writeAudit } from "@/app/_server/audit/write-audit";
import { AppError } from "@/app/_server/http/app-error";
import { flowSummarySelect, toFlowSummary, type FlowSummary } from "./flow-summary";
import { loadFlow } from "./load-flow";
import { userNames } from "./user-names";

/**
 * Soft delete (restorable). A flow that still answers a DID or Stasis argument is refused: deleting it
 * would silently drop live calls, so its entry points must be moved or removed first.
 */
export async function deleteFlow(actor: Session, flowId: string, db: PrismaClient = prisma()): Promise<FlowSummary> {
  const flow = await loadFlow(db, actor, flowId, "flow.delete", { allowDeleted: true });
  const entryPoints = await db.entryPoint.findMany({ where: { flowId }, select: { kind: true, value: true } });
  if (entryPoints.length > 0) {
    throw new AppError(409, "flow_has_entry_points", "Remove this flow's entry points before deleting it.", { entryPoints });
  }
  // updateMany keeps the first deletion time when the flow is deleted twice (audited once).
  await db.$transaction(async (tx) => {
    const deleted = await tx.flow.updateMany({ where: { id: flowId, deletedAt: null }, data: { deletedAt: new Date(), updatedById: actor.userId } });
    if (deleted.count > 0) await writeAudit(tx, actor, { action: "flow.delete", targetType: "flow", targetId: flowId, flowId, details: { name: flow.name, kind: flow.kind } });
  });
  const row = await db.flow.findUniqueOrThrow({ where: { id: flowId }, select: flowSummarySelect });
  return toFlowSummary(row, await userNames(db, [row.updatedById]));
}
