import type { Graph } from "@/flows-runtime/graph/schema";

/** The parts of a graph that are not drawn on the canvas. */
export type GraphMeta = Pick<Graph, "schemaVersion" | "kind" | "name" | "variables">;

export function graphMetaOf(graph: Graph): GraphMeta {
  return { schemaVersion: graph.schemaVersion, kind: graph.kind, name: graph.name, variables: graph.variables };
}
