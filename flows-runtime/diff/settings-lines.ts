import type { GraphNode } from "../graph/schema";
import { describeField, type FieldContext } from "./describe-field";
import { formatValue } from "./format-value";
import { takeEdge, type PendingEdges } from "./pending-edges";
import type { SummaryContext } from "./summary-context";
import type { FieldChange, PathSegment } from "./types";

/**
 * Ports named after a top-level list item: menu option "3" of `options` is port "option:3",
 * branch condition 0 of `conditions` is "condition:0". Only used to word a line well; a list
 * that follows no such naming just gets separate lines for the item and its edge.
 */
function itemPorts(path: readonly PathSegment[]): string[] {
  const [list, item] = path;
  if (path.length !== 2 || typeof list !== "string" || item === undefined || typeof item === "string") return [];
  const id = typeof item === "number" ? String(item) : String(item.value);
  return [...new Set([list, list.replace(/s$/, "")])].map((prefix) => `${prefix}:${id}`);
}

/** A list item that is an object (an option, a header): told as added or removed, not by its value. */
function isRecordItem(path: readonly PathSegment[], value: unknown): boolean {
  const last = path.at(-1);
  return last !== undefined && typeof last !== "string" && typeof value === "object" && value !== null;
}

interface Rekey {
  list: PathSegment[];
  by: string;
  from: string | number;
  to: string | number;
}

/** The changed key of an item matched by that key: options[key=3].key. */
function rekeyOf(change: FieldChange): Rekey | undefined {
  if (change.kind !== "changed") return undefined;
  const field = change.path.at(-1);
  const item = change.path.at(-2);
  const to = change.after;
  if (typeof field !== "string" || item === undefined || typeof item !== "object" || item.by !== field) return undefined;
  if (typeof to !== "string" && typeof to !== "number") return undefined;
  return { list: change.path.slice(0, -2), by: field, from: item.value, to };
}

function rekeyLine(rekey: Rekey, subject: string, fields: FieldContext, edges: PendingEdges, context: SummaryContext): string {
  const oldPath = [...rekey.list, { by: rekey.by, value: rekey.from }];
  const newPath = [...rekey.list, { by: rekey.by, value: rekey.to }];
  // The option's edge moved from port option:3 to option:4 along with it, to the same target: the line says it all.
  const oldEdge = edges.removed.find((edge) => itemPorts(oldPath).includes(edge.sourcePort));
  if (oldEdge !== undefined && takeEdge(edges.added, itemPorts(newPath), oldEdge.target) !== undefined) {
    edges.removed.splice(edges.removed.indexOf(oldEdge), 1);
  }
  return context.messages.itemRekeyed({ subject, item: describeField(oldPath, fields), newItem: describeField(newPath, fields) });
}

/** One line per settings change of a node, taking along the edges of items it adds or removes. */
export function settingsLines(
  node: { before: GraphNode; after: GraphNode },
  changes: readonly FieldChange[],
  edges: PendingEdges,
  context: SummaryContext,
): string[] {
  const { messages } = context;
  const info = context.info(node.after.type);
  const fields: FieldContext = { messages, fieldLabel: info.fieldLabel, before: node.before.data, after: node.after.data };
  const subject = context.subject(node.after);
  return changes.map((change) => {
    const field = describeField(change.path, fields);
    const value = (raw: unknown): string => formatValue(raw, messages);
    switch (change.kind) {
      case "reordered":
        return messages.listReordered({ subject, field });
      case "added": {
        if (!isRecordItem(change.path, change.after)) return messages.fieldSet({ subject, field, after: value(change.after) });
        const edge = takeEdge(edges.added, itemPorts(change.path));
        return edge === undefined
          ? messages.itemAdded({ subject, item: field })
          : messages.itemAddedGoesTo({ subject, item: field, target: context.referenceById(edge.target, "after") });
      }
      case "removed": {
        if (!isRecordItem(change.path, change.before)) return messages.fieldCleared({ subject, field, before: value(change.before) });
        const edge = takeEdge(edges.removed, itemPorts(change.path));
        return edge === undefined
          ? messages.itemRemoved({ subject, item: field })
          : messages.itemRemovedWentTo({ subject, item: field, target: context.referenceById(edge.target, "before") });
      }
      case "changed": {
        const rekey = rekeyOf(change);
        if (rekey !== undefined) return rekeyLine(rekey, subject, fields, edges, context);
        return messages.fieldChanged({ subject, field, before: value(change.before), after: value(change.after) });
      }
    }
  });
}
