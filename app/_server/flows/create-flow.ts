import { z } from "zod";
import { flowKindSchema } from "@/flows-runtime/graph/schema";
import { prisma, type PrismaClient } from "@/prisma/client";
import { can } from "@/app/_server/auth/permissions";
import type { Session } from "@/app/_server/auth/session";
import { AppError, forbidden } from "@/app/_server/http/app-error";
import { isFlowKindEnabled } from "./flow-kinds";
import { flowNameSchema } from "./flow-name";
import { flowSummarySelect, toFlowSummary, type FlowSummary } from "./flow-summary";
import { initialGraph } from "./initial-graph";
import { toJsonObject } from "./to-json-object";
import { userNames } from "./user-names";

export const createFlowInputSchema = z.object({
  name: flowNameSchema,
  kind: flowKindSchema,
});
export type CreateFlowInput = z.infer<typeof createFlowInputSchema>;

export function assertKindAvailable(kind: CreateFlowInput["kind"]): void {
  if (!isFlowKindEnabled(kind)) {
    throw new AppError(422, "kind_unavailable", `${kind} flows are not available yet.`, { kind });
  }
}

export async function createFlow(actor: Session, input: CreateFlowInput, db: PrismaClient = prisma()): Promise<FlowSummary> {
  if (!can(actor.role, "flow.create", input.kind)) throw forbidden(`Your role may not create ${input.kind} flows.`);
  assertKindAvailable(input.kind);
  const row = await db.flow.create({
    data: {
      name: input.name,
      kind: input.kind,
      draftGraph: toJsonObject(initialGraph(input.kind, input.name)),
      createdById: actor.userId,
      updatedById: actor.userId,
    },
    select: flowSummarySelect,
  });
  return toFlowSummary(row, await userNames(db, [row.updatedById]));
}
