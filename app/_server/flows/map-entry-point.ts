import { flowKindSchema } from "@/flows-runtime/graph/schema";
import { prisma, type PrismaClient } from "@/prisma/client";
import { flowNotFound } from "@/app/_server/http/app-error";
import { requireIvrFor } from "./callable-kind";
import type { EntryPointInput } from "./entry-point-input";

/**
 * Makes a DID or Stasis argument lead to `flowId`, taking it over from any other flow. For
 * provisioning (scripts, tests, the dev stack); the UI adds entry points with addEntryPoint, which
 * refuses one that is taken. Only an IVR flow can answer one.
 */
export async function mapEntryPoint(flowId: string, input: EntryPointInput, db: PrismaClient = prisma()): Promise<void> {
  const flow = await db.flow.findUnique({ where: { id: flowId }, select: { kind: true } });
  if (flow === null) throw flowNotFound(flowId);
  requireIvrFor("entry-point", flowKindSchema.parse(flow.kind));
  await db.entryPoint.upsert({
    where: { kind_value: { kind: input.kind, value: input.value } },
    update: { flowId },
    create: { flowId, kind: input.kind, value: input.value },
  });
}
