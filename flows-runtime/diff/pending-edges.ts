import type { EdgeRef, EdgeRetarget, GraphDiff } from "./types";

/** Edge changes of one source node that no summary line has mentioned yet. */
export interface PendingEdges {
  added: EdgeRef[];
  removed: EdgeRef[];
  retargeted: EdgeRetarget[];
}

export function pendingEdgesBySource(diff: GraphDiff): Map<string, PendingEdges> {
  const bySource = new Map<string, PendingEdges>();
  const of = (source: string): PendingEdges => {
    const known = bySource.get(source);
    if (known !== undefined) return known;
    const created: PendingEdges = { added: [], removed: [], retargeted: [] };
    bySource.set(source, created);
    return created;
  };
  for (const edge of diff.edges.added) of(edge.source).added.push(edge);
  for (const edge of diff.edges.removed) of(edge.source).removed.push(edge);
  for (const edge of diff.edges.retargeted) of(edge.source).retargeted.push(edge);
  return bySource;
}

/** Removes and returns the first edge leaving through one of `ports`. */
export function takeEdge(edges: EdgeRef[], ports: readonly string[], target?: string): EdgeRef | undefined {
  const index = edges.findIndex((edge) => ports.includes(edge.sourcePort) && (target === undefined || edge.target === target));
  if (index === -1) return undefined;
  return edges.splice(index, 1)[0];
}
