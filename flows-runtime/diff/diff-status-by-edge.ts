import type { GraphDiff } from "./types";

export type EdgeDiffStatus = "added" | "removed" | "changed" | "unchanged";

export interface EdgeStatusBySide {
  /** Ids of the old version's edges: "removed", "changed" (retargeted) or "unchanged". */
  before: Record<string, EdgeDiffStatus>;
  /** Ids of the new version's edges: "added", "changed" (retargeted) or "unchanged". */
  after: Record<string, EdgeDiffStatus>;
}

/**
 * Per side, because edge ids are regenerated on save: the same id can name unrelated edges in the
 * two versions, so one map keyed by id could not colour both.
 */
export function diffStatusByEdge(diff: GraphDiff): EdgeStatusBySide {
  const before: [string, EdgeDiffStatus][] = [];
  const after: [string, EdgeDiffStatus][] = [];
  for (const edge of diff.edges.unchanged) {
    before.push([edge.beforeId, "unchanged"]);
    after.push([edge.afterId, "unchanged"]);
  }
  for (const edge of diff.edges.retargeted) {
    before.push([edge.before.id, "changed"]);
    after.push([edge.after.id, "changed"]);
  }
  for (const edge of diff.edges.removed) before.push([edge.id, "removed"]);
  for (const edge of diff.edges.added) after.push([edge.id, "added"]);
  return { before: Object.fromEntries(before), after: Object.fromEntries(after) };
}
