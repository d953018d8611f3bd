import { migrateGraph } from "@/flows-runtime/graph/migrations";
import { graphSchema, type Graph } from "@/flows-runtime/graph/schema";
import { flowFileFormat, flowFileFormatVersion, flowFileSchema, type FlowFile } from "@/app/_server/flows/flow-file";

/** The same file the flow list's export produces, from what is on the canvas now. */
export function toFlowFile(graph: Graph, flowName: string): FlowFile {
  return {
    format: flowFileFormat,
    formatVersion: flowFileFormatVersion,
    exportedAt: new Date().toISOString(),
    flow: { name: flowName, kind: graph.kind },
    graph,
  };
}

export type ReadFlowFile = { ok: true; graph: Graph } | { ok: false; reason: "not-json" | "not-a-flow" | "wrong-kind" };

/** A flow file (or a bare graph) to a graph of the given kind. */
export function readFlowFile(text: string, kind: Graph["kind"]): ReadFlowFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: "not-json" };
  }
  const file = flowFileSchema.safeParse(json);
  const graph = graphSchema.safeParse(migrateGraph(file.success ? file.data.graph : json));
  if (!graph.success) return { ok: false, reason: "not-a-flow" };
  if (graph.data.kind !== kind) return { ok: false, reason: "wrong-kind" };
  return { ok: true, graph: graph.data };
}
