import { prisma, type PrismaClient } from "@/prisma/client";
import type { CallSummary } from "./call-row";
import { listCalls } from "./list-calls";

/** The latest calls of a flow, for its history page and the flow list. Permission (call.view) is checked by the page. */
export async function recentCalls(flowId: string, limit = 5, db: PrismaClient = prisma()): Promise<CallSummary[]> {
  const { calls } = await listCalls({ flowId, limit }, db);
  return calls;
}
