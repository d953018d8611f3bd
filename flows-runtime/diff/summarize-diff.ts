import { compareStrings } from "./compare";
import type { DiffableGraph } from "./diff-graphs";
import { moveLines } from "./move-lines";
import { nodeLines } from "./node-lines";
import { pendingEdgesBySource } from "./pending-edges";
import { summaryContext } from "./summary-context";
import type { DiffLocale, GraphDiff } from "./types";
import { variableLines } from "./variable-lines";

/**
 * The diff as sentences for a reviewer, named by node labels and the registry's type and port
 * labels: node by node (id order), each with its settings and exits; then variables; moves last.
 * `before` and `after` must be the graphs the diff was made from.
 */
export function summarizeDiff(diff: GraphDiff, before: DiffableGraph, after: DiffableGraph, locale: DiffLocale): string[] {
  const context = summaryContext(before, after, locale);
  const edges = pendingEdgesBySource(diff);
  const added = new Set(diff.nodes.added.map((node) => node.id));
  const removed = new Set(diff.nodes.removed.map((node) => node.id));
  const renamed = new Set(diff.nodes.renamed.map((node) => node.id));
  const changes = new Map(diff.nodes.changed.map((node) => [node.id, node.changes]));
  const ids = new Set([...added, ...removed, ...renamed, ...changes.keys(), ...edges.keys()]);

  const lines: string[] = [];
  for (const id of [...ids].sort(compareStrings)) {
    const facts = { added: added.has(id), removed: removed.has(id), renamed: renamed.has(id), changes: changes.get(id) ?? [] };
    lines.push(...nodeLines(id, facts, edges.get(id) ?? { added: [], removed: [], retargeted: [] }, context));
  }
  lines.push(...variableLines(diff.variables, context));
  lines.push(...moveLines(diff.nodes.moved, context));
  return lines;
}
