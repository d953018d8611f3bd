import { compileGraph, type CompileResult } from "@/flows-runtime/compiler/compile";
import type { PrismaClient } from "@/prisma/client";
import { readHttpPolicy } from "@/app/_server/http-allow-list/read-http-policy";
import { readKnownQueues } from "@/app/_server/queues/read-known-queues";

/**
 * Compiles a graph the way it will run: subflow nodes may only call flows that have a live version,
 * HTTP request nodes only allowed hosts, with secrets only where they are bound, and transfers only
 * queues that exist (once any queue is defined).
 */
export async function compileForPublish(db: PrismaClient, graph: unknown): Promise<CompileResult> {
  const [published, httpPolicy, knownQueues] = await Promise.all([
    db.flow.findMany({ where: { liveVersionId: { not: null }, deletedAt: null }, select: { id: true } }),
    readHttpPolicy(db),
    readKnownQueues(db),
  ]);
  return compileGraph(graph, { knownFlowIds: published.map((f) => f.id), httpPolicy, knownQueues });
}
