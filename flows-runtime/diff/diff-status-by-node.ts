import type { GraphDiff } from "./types";

export type NodeDiffStatus = "added" | "removed" | "changed" | "moved" | "unchanged";

/**
 * Colour of every node id of either side, for the canvas that draws the union of both graphs.
 * A node whose type changed is one box on that canvas, so it is "changed" although the diff
 * lists it as removed and added.
 */
export function diffStatusByNode(diff: GraphDiff): Record<string, NodeDiffStatus> {
  const status = new Map<string, NodeDiffStatus>();
  for (const id of diff.nodes.unchanged) status.set(id, "unchanged");
  for (const move of diff.nodes.moved) status.set(move.id, "moved");
  for (const node of diff.nodes.removed) status.set(node.id, "removed");
  for (const node of diff.nodes.added) status.set(node.id, status.get(node.id) === "removed" ? "changed" : "added");
  for (const node of [...diff.nodes.changed, ...diff.nodes.renamed]) status.set(node.id, "changed");
  // fromEntries defines own properties, so an id like "__proto__" stays an ordinary key.
  return Object.fromEntries(status);
}
