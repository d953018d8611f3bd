import type { Graph, GraphEdge, GraphNode } from "@/flows-runtime/graph/schema";
import type { CanvasEdge, CanvasNode } from "./canvas-types";
import type { GraphMeta } from "./graph-meta";

export function fromCanvasNode(node: CanvasNode): GraphNode {
  const label = node.data.label.trim();
  return {
    id: node.id,
    type: node.data.nodeType,
    ...(label === "" ? {} : { label: node.data.label }),
    position: { x: Math.round(node.position.x), y: Math.round(node.position.y) },
    data: node.data.config,
  };
}

/** Edges without a source port cannot be stored (the canvas never makes them; imported junk is dropped). */
export function fromCanvasEdge(edge: CanvasEdge): GraphEdge | null {
  if (edge.sourceHandle === null || edge.sourceHandle === undefined || edge.sourceHandle === "") return null;
  return { id: edge.id, source: edge.source, sourcePort: edge.sourceHandle, target: edge.target };
}

/** What @xyflow/react draws -> the domain graph that is saved, validated and compiled. */
export function fromCanvas(nodes: readonly CanvasNode[], edges: readonly CanvasEdge[], meta: GraphMeta): Graph {
  return {
    ...meta,
    nodes: nodes.map(fromCanvasNode),
    edges: edges.flatMap((edge) => {
      const converted = fromCanvasEdge(edge);
      return converted === null ? [] : [converted];
    }),
  };
}
