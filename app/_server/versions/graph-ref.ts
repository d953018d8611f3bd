import { z } from "zod";
import { migrateGraph } from "@/flows-runtime/graph/migrations";
import { flowKindSchema, graphSchema, type FlowKind, type Graph } from "@/flows-runtime/graph/schema";
import type { PrismaClient } from "@/prisma/client";
import { AppError } from "@/app/_server/http/app-error";
import { versionNotFound } from "./version-errors";

/** What a diff compares: the draft, whatever is live now, or a version by id. */
export const graphRefSchema = z.union([z.literal("draft"), z.literal("live"), z.string().min(1).max(100)]);
export type GraphRef = z.infer<typeof graphRefSchema>;

export interface DiffSide {
  ref: "draft" | "live" | "version";
  /** null for the draft, and for "live" while nothing is live. */
  versionId: string | null;
  number: number | null;
  live: boolean;
}

export interface ResolvedGraph {
  side: DiffSide;
  graph: Graph;
}

function parseStored(raw: unknown): Graph {
  const parsed = graphSchema.safeParse(migrateGraph(raw));
  if (!parsed.success) throw new AppError(422, "graph_unreadable", "A stored graph of this flow cannot be read; open and save it in the designer first.");
  return parsed.data;
}

function emptyGraph(kind: FlowKind): Graph {
  return graphSchema.parse({ schemaVersion: 1, kind, nodes: [], edges: [] });
}

/** The graph a ref names in this flow; "live" with nothing live is the empty graph (everything is new). */
export async function resolveGraph(db: PrismaClient, flowId: string, ref: GraphRef): Promise<ResolvedGraph> {
  const flow = await db.flow.findUniqueOrThrow({ where: { id: flowId }, select: { kind: true, liveVersionId: true } });
  if (ref === "draft") {
    const { draftGraph } = await db.flow.findUniqueOrThrow({ where: { id: flowId }, select: { draftGraph: true } });
    return { side: { ref: "draft", versionId: null, number: null, live: false }, graph: parseStored(draftGraph) };
  }
  if (ref === "live" && flow.liveVersionId === null) {
    return { side: { ref: "live", versionId: null, number: null, live: true }, graph: emptyGraph(flowKindSchema.parse(flow.kind)) };
  }
  const versionId = ref === "live" ? flow.liveVersionId : ref;
  const version = versionId === null ? null : await db.flowVersion.findFirst({ where: { id: versionId, flowId }, select: { id: true, number: true, graph: true } });
  if (!version) throw versionNotFound(ref);
  return {
    side: { ref: ref === "live" ? "live" : "version", versionId: version.id, number: version.number, live: version.id === flow.liveVersionId },
    graph: parseStored(version.graph),
  };
}
