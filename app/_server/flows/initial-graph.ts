import { GRAPH_SCHEMA_VERSION, graphSchema, type FlowKind, type Graph } from "@/flows-runtime/graph/schema";
import { nodeDefinitions } from "@/flows-runtime/nodes/registry.definitions";

/** A new flow's draft: just the kind's entry node, so the canvas never opens empty and unstartable. */
export function initialGraph(kind: FlowKind, name: string): Graph {
  const entry = nodeDefinitions.find((definition) => definition.entry === true && definition.kinds.includes(kind));
  const nodes = entry ? [{ id: "start", type: entry.type, position: { x: 80, y: 160 }, data: entry.defaults() }] : [];
  return graphSchema.parse({ schemaVersion: GRAPH_SCHEMA_VERSION, kind, name, variables: [], nodes, edges: [] });
}
