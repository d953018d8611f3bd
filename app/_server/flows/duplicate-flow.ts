import { z } from "zod";
import { prisma, type PrismaClient } from "@/prisma/client";
import type { Session } from "@/app/_server/auth/session";
import { flowNameSchema } from "./flow-name";
import { flowSummarySelect, toFlowSummary, type FlowSummary } from "./flow-summary";
import { loadFlow } from "./load-flow";
import { toJsonObject } from "./to-json-object";
import { userNames } from "./user-names";

/** The client names the copy (in the user's language); without a name it is "<name> (copy)". */
export const duplicateFlowInputSchema = z.object({ name: flowNameSchema.optional() });
export type DuplicateFlowInput = z.infer<typeof duplicateFlowInputSchema>;

/** A new flow with the source's draft; versions, the live version and entry points stay with the source. */
export async function duplicateFlow(actor: Session, flowId: string, input: DuplicateFlowInput, db: PrismaClient = prisma()): Promise<FlowSummary> {
  const source = await loadFlow(db, actor, flowId, "flow.duplicate");
  const { draftGraph } = await db.flow.findUniqueOrThrow({ where: { id: flowId }, select: { draftGraph: true } });
  const row = await db.flow.create({
    data: {
      name: input.name ?? `${source.name} (copy)`.slice(0, 200),
      kind: source.kind,
      draftGraph: toJsonObject(draftGraph),
      createdById: actor.userId,
      updatedById: actor.userId,
      // The copy's draft is the duplicator's change as far as four eyes is concerned.
      draftEditorIds: [actor.userId],
    },
    select: flowSummarySelect,
  });
  return toFlowSummary(row, await userNames(db, [row.updatedById]));
}
