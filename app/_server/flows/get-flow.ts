import { prisma, type PrismaClient } from "@/prisma/client";
import type { Session } from "@/app/_server/auth/session";
import { flowSummarySelect, toFlowSummary, type FlowSummary } from "./flow-summary";
import { loadFlow } from "./load-flow";
import { userNames } from "./user-names";

export async function getFlow(actor: Session, flowId: string, db: PrismaClient = prisma()): Promise<FlowSummary> {
  await loadFlow(db, actor, flowId, "flow.view", { allowDeleted: true });
  const row = await db.flow.findUniqueOrThrow({ where: { id: flowId }, select: flowSummarySelect });
  return toFlowSummary(row, await userNames(db, [row.updatedById]));
}
