import type { Graph, GraphEdge, GraphNode } from "@/flows-runtime/graph/schema";
import { FLOW_NODE, INPUT_HANDLE, type CanvasEdge, type CanvasNode } from "./canvas-types";

export function toCanvasNode(node: GraphNode): CanvasNode {
  return {
    id: node.id,
    type: FLOW_NODE,
    position: { x: node.position.x, y: node.position.y },
    data: { nodeType: node.type, label: node.label ?? "", config: node.data },
  };
}

export function toCanvasEdge(edge: GraphEdge): CanvasEdge {
  return { id: edge.id, source: edge.source, sourceHandle: edge.sourcePort, target: edge.target, targetHandle: INPUT_HANDLE };
}

/** Domain graph -> what @xyflow/react draws. */
export function toCanvas(graph: Pick<Graph, "nodes" | "edges">): { nodes: CanvasNode[]; edges: CanvasEdge[] } {
  return { nodes: graph.nodes.map(toCanvasNode), edges: graph.edges.map(toCanvasEdge) };
}
