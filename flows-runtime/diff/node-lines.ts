import { edgeLines } from "./edge-lines";
import type { PendingEdges } from "./pending-edges";
import { settingsLines } from "./settings-lines";
import type { SummaryContext } from "./summary-context";
import type { FieldChange } from "./types";

/** What the diff says about one node id. */
export interface NodeFacts {
  added: boolean;
  removed: boolean;
  renamed: boolean;
  changes: readonly FieldChange[];
}

/** Everything that happened to one node and its exits, in reading order. */
export function nodeLines(id: string, facts: NodeFacts, edges: PendingEdges, context: SummaryContext): string[] {
  const { messages } = context;
  const old = context.nodes.before.get(id);
  const current = context.nodes.after.get(id);
  const lines: string[] = [];

  if (facts.added && facts.removed && old !== undefined && current !== undefined) {
    const type = context.info(old.type).label;
    const newType = context.info(current.type).label;
    lines.push(messages.nodeReplaced({ name: context.name(old), type, newName: context.name(current), newType }));
  } else if (facts.added && current !== undefined) {
    lines.push(messages.nodeAdded({ name: context.name(current), type: context.info(current.type).label }));
  } else if (facts.removed && old !== undefined) {
    // Its edges went with it; listing each one would only repeat the removal.
    return [messages.nodeRemoved({ name: context.name(old), type: context.info(old.type).label })];
  }

  if (old !== undefined && current !== undefined) {
    if (facts.renamed) lines.push(messages.nodeRenamed({ subject: context.subject(old), newName: context.reference(current) }));
    lines.push(...settingsLines({ before: old, after: current }, facts.changes, edges, context));
  }
  lines.push(...edgeLines(id, edges, context));
  return lines;
}
