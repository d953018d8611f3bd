import { compileGraph, type CompileResult } from "@/flows-runtime/compiler/compile";
import type { PrismaClient } from "@/prisma/client";

/** Compiles a graph the way it will run: subflow nodes may only call flows that have a live version. */
export async function compileForPublish(db: PrismaClient, graph: unknown): Promise<CompileResult> {
  const published = await db.flow.findMany({ where: { liveVersionId: { not: null }, deletedAt: null }, select: { id: true } });
  return compileGraph(graph, { knownFlowIds: published.map((f) => f.id) });
}
