import { graphSchema } from "@/flows-runtime/graph/schema";
import { migrateGraph } from "@/flows-runtime/graph/migrations";
import { prisma, type PrismaClient } from "@/prisma/client";

export interface CallFilterOptions {
  flows: { id: string; name: string; deleted: boolean }[];
  /** Versions of the chosen flow, newest first (empty without a flow). */
  versions: { id: string; number: number }[];
  /** Nodes of the chosen version (else the flow's live or newest version). */
  nodes: { id: string; label: string; type: string }[];
}

/** Choices of the call log's filter form. */
export async function callFilterOptions(filters: { flowId?: string; versionId?: string }, db: PrismaClient = prisma()): Promise<CallFilterOptions> {
  const flows = await db.flow.findMany({ select: { id: true, name: true, deletedAt: true, liveVersionId: true }, orderBy: [{ name: "asc" }, { id: "asc" }], take: 1_000 });
  const flow = flows.find((candidate) => candidate.id === filters.flowId);
  const versions =
    flow === undefined ? [] : await db.flowVersion.findMany({ where: { flowId: flow.id, publishedAt: { not: null } }, select: { id: true, number: true }, orderBy: { number: "desc" } });
  const shownVersionId = versions.find((version) => version.id === filters.versionId)?.id ?? flow?.liveVersionId ?? versions[0]?.id;
  const shown = shownVersionId === undefined ? null : await db.flowVersion.findUnique({ where: { id: shownVersionId }, select: { graph: true } });
  const graph = graphSchema.safeParse(migrateGraph(shown?.graph));
  return {
    flows: flows.map((candidate) => ({ id: candidate.id, name: candidate.name, deleted: candidate.deletedAt !== null })),
    versions,
    nodes: graph.success ? graph.data.nodes.map((node) => ({ id: node.id, label: node.label ?? "", type: node.type })) : [],
  };
}
