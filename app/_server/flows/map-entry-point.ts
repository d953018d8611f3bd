import { prisma, type PrismaClient } from "@/prisma/client";
import type { EntryPointInput } from "./entry-point-input";

/**
 * Makes a DID or Stasis argument lead to `flowId`, taking it over from any other flow. For
 * provisioning (scripts, tests, the dev stack); the UI adds entry points with addEntryPoint, which
 * refuses one that is taken.
 */
export async function mapEntryPoint(flowId: string, input: EntryPointInput, db: PrismaClient = prisma()): Promise<void> {
  await db.entryPoint.upsert({
    where: { kind_value: { kind: input.kind, value: input.value } },
    update: { flowId },
    create: { flowId, kind: input.kind, value: input.value },
  });
}
