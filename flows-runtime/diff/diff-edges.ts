import type { GraphEdge } from "../graph/schema";
import { compareStrings } from "./compare";
import type { EdgeRef, EdgesDiff } from "./types";

const byTargetThenId = (a: GraphEdge, b: GraphEdge): number => compareStrings(a.target, b.target) || compareStrings(a.id, b.id);

const byEndpoints = (a: { source: string; sourcePort: string }, b: { source: string; sourcePort: string }): number =>
  compareStrings(a.source, b.source) || compareStrings(a.sourcePort, b.sourcePort);

function refOf(edge: GraphEdge): EdgeRef {
  return { id: edge.id, source: edge.source, sourcePort: edge.sourcePort, target: edge.target };
}

function groupByOutlet(edges: readonly GraphEdge[]): Map<string, GraphEdge[]> {
  const groups = new Map<string, GraphEdge[]>();
  for (const edge of edges) {
    const key = JSON.stringify([edge.source, edge.sourcePort]);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [edge]);
    else group.push(edge);
  }
  return groups;
}

/**
 * Edges are identified by their outlet (source node, source port), not by id. A port normally has
 * one edge; duplicates (a draft) are matched by target first, the rest pairwise in target order.
 */
export function diffEdges(before: readonly GraphEdge[], after: readonly GraphEdge[]): EdgesDiff {
  const diff: EdgesDiff = { added: [], removed: [], retargeted: [], unchanged: [] };
  const beforeGroups = groupByOutlet(before);
  const afterGroups = groupByOutlet(after);
  for (const key of new Set([...beforeGroups.keys(), ...afterGroups.keys()])) {
    const olds = [...(beforeGroups.get(key) ?? [])].sort(byTargetThenId);
    const currents = [...(afterGroups.get(key) ?? [])].sort(byTargetThenId);
    const leftOld: GraphEdge[] = [];
    for (const old of olds) {
      const match = currents.findIndex((edge) => edge.target === old.target);
      const current = match === -1 ? undefined : currents[match];
      if (current === undefined) {
        leftOld.push(old);
        continue;
      }
      currents.splice(match, 1);
      diff.unchanged.push({ source: old.source, sourcePort: old.sourcePort, target: old.target, beforeId: old.id, afterId: current.id });
    }
    leftOld.forEach((old, index) => {
      const current = currents[index];
      if (current === undefined) diff.removed.push(refOf(old));
      else {
        diff.retargeted.push({
          source: old.source,
          sourcePort: old.sourcePort,
          before: { id: old.id, target: old.target },
          after: { id: current.id, target: current.target },
        });
      }
    });
    for (const current of currents.slice(leftOld.length)) diff.added.push(refOf(current));
  }
  const byRef = (a: EdgeRef, b: EdgeRef): number => byEndpoints(a, b) || compareStrings(a.target, b.target) || compareStrings(a.id, b.id);
  diff.added.sort(byRef);
  diff.removed.sort(byRef);
  diff.retargeted.sort((a, b) => byEndpoints(a, b) || compareStrings(a.before.target, b.before.target) || compareStrings(a.before.id, b.before.id));
  diff.unchanged.sort((a, b) => byEndpoints(a, b) || compareStrings(a.target, b.target) || compareStrings(a.beforeId, b.beforeId));
  return diff;
}
