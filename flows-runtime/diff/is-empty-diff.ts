import type { GraphDiff } from "./types";

/** True when nothing differs; the `unchanged` lists do not count. */
export function isEmptyDiff(diff: GraphDiff): boolean {
  const { nodes, edges, variables } = diff;
  return (
    nodes.added.length + nodes.removed.length + nodes.changed.length + nodes.renamed.length + nodes.moved.length === 0 &&
    edges.added.length + edges.removed.length + edges.retargeted.length === 0 &&
    variables.added.length + variables.removed.length + variables.changed.length === 0
  );
}
