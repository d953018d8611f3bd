import { z } from "zod";
import { graphEdgeSchema, graphNodeSchema, type GraphEdge, type GraphNode } from "@/flows-runtime/graph/schema";
import { uniqueId } from "./unique-id";

const CLIPBOARD_FORMAT = "cc-flows/nodes";

/** Copied nodes travel as domain JSON, so they paste into any flow, in any tab. */
export const clipboardSchema = z.object({
  format: z.literal(CLIPBOARD_FORMAT),
  version: z.literal(1),
  nodes: z.array(graphNodeSchema).max(5000),
  edges: z.array(graphEdgeSchema).max(20000),
});
export type ClipboardPayload = z.infer<typeof clipboardSchema>;

/** The selected nodes and the connections between them. */
export function copyPayload(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): ClipboardPayload {
  const ids = new Set(nodes.map((node) => node.id));
  return {
    format: CLIPBOARD_FORMAT,
    version: 1,
    nodes: [...nodes],
    edges: edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target)),
  };
}

export function parseClipboard(text: string): ClipboardPayload | null {
  try {
    const parsed = clipboardSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface PasteOptions {
  takenNodeIds: ReadonlySet<string>;
  takenEdgeIds: ReadonlySet<string>;
  /** Where the pasted group's top-left corner goes. */
  at: { x: number; y: number };
  /** Node types that may not be pasted (a second Start). */
  skipTypes: ReadonlySet<string>;
}

/** Fresh ids for every pasted node and connection, so pasting twice or into another flow never collides. */
export function remapPayload(payload: ClipboardPayload, options: PasteOptions): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const source = payload.nodes.filter((node) => !options.skipTypes.has(node.type));
  const takenNodes = new Set(options.takenNodeIds);
  const takenEdges = new Set(options.takenEdgeIds);
  const idMap = new Map<string, string>();
  for (const node of source) {
    const id = uniqueId(node.type, takenNodes);
    takenNodes.add(id);
    idMap.set(node.id, id);
  }
  const minX = Math.min(...source.map((node) => node.position.x));
  const minY = Math.min(...source.map((node) => node.position.y));
  const nodes = source.map((node) => ({
    ...node,
    id: idMap.get(node.id) ?? node.id,
    position: { x: node.position.x - minX + options.at.x, y: node.position.y - minY + options.at.y },
  }));
  const edges: GraphEdge[] = [];
  for (const edge of payload.edges) {
    const sourceId = idMap.get(edge.source);
    const targetId = idMap.get(edge.target);
    if (sourceId === undefined || targetId === undefined) continue;
    const id = uniqueId("e", takenEdges);
    takenEdges.add(id);
    edges.push({ id, source: sourceId, sourcePort: edge.sourcePort, target: targetId });
  }
  return { nodes, edges };
}
