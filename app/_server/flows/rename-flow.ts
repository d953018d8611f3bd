import { z } from "zod";
import { prisma, type PrismaClient } from "@/prisma/client";
import type { Session } from "@/app/_server/auth/session";
import { flowNameSchema } from "./flow-name";
import { flowSummarySelect, toFlowSummary, type FlowSummary } from "./flow-summary";
import { loadFlow } from "./load-flow";
import { userNames } from "./user-names";

export const renameFlowInputSchema = z.object({ name: flowNameSchema });
export type RenameFlowInput = z.infer<typeof renameFlowInputSchema>;

export async function renameFlow(actor: Session, flowId: string, input: RenameFlowInput, db: PrismaClient = prisma()): Promise<FlowSummary> {
  await loadFlow(db, actor, flowId, "flow.rename");
  const row = await db.flow.update({
    where: { id: flowId },
    data: { name: input.name, updatedById: actor.userId },
    select: flowSummarySelect,
  });
  return toFlowSummary(row, await userNames(db, [row.updatedById]));
}
