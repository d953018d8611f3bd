import dagre from "@dagrejs/dagre";

export interface LayoutBox {
  id: string;
  width: number;
  height: number;
}

/** Left-to-right layered layout (dagre); returns each node's top-left corner. */
export function autoLayout(boxes: readonly LayoutBox[], links: readonly { source: string; target: string }[]): Map<string, { x: number; y: number }> {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: "LR", nodesep: 36, ranksep: 90, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const box of boxes) graph.setNode(box.id, { width: box.width, height: box.height });
  links.forEach((link, index) => {
    if (graph.hasNode(link.source) && graph.hasNode(link.target)) graph.setEdge(link.source, link.target, {}, `e${index}`);
  });
  dagre.layout(graph);
  const positions = new Map<string, { x: number; y: number }>();
  for (const box of boxes) {
    const laid = graph.node(box.id);
    positions.set(box.id, { x: Math.round(laid.x - box.width / 2), y: Math.round(laid.y - box.height / 2) });
  }
  return positions;
}
