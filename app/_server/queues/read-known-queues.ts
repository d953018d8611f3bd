import { prisma, type PrismaClient } from "@/prisma/client";

/**
 * The queue names transfer nodes may target, for the validator. Undefined (no check) while no queue
 * is defined at all: until then transfers continue to the dialplan's cc-queues context by name, as
 * before queues existed here.
 */
export async function readKnownQueues(db: PrismaClient = prisma()): Promise<string[] | undefined> {
  const names = (await db.queue.findMany({ select: { name: true } })).map((q) => q.name);
  return names.length === 0 ? undefined : names;
}
