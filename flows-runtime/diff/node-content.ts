import type { GraphNode } from "../graph/schema";
import { getNodeDefinition } from "../nodes/registry.definitions";
import { isPlainObject, ownValue } from "./plain-object";

/** Long enough to recognise a prompt, short enough for one summary line. */
const MAX_TEXT = 40;

export interface NodeContent {
  /** What the caller hears (the first prompt text) or the node's main setting (a queue, a URL). */
  text?: string;
  /** A menu's keys, in the order the admin put them. */
  menuKeys?: string[];
}

const clip = (text: string): string => {
  const chars = Array.from(text.replace(/\s+/g, " ").trim());
  return chars.length <= MAX_TEXT ? chars.join("") : `${chars.slice(0, MAX_TEXT - 1).join("")}…`;
};

function keysOf(data: Record<string, unknown>): string[] | undefined {
  const options = ownValue(data, "options");
  if (!Array.isArray(options)) return undefined;
  const keys = options.map((option) => (isPlainObject(option) ? ownValue(option, "key") : undefined)).filter((key): key is string => typeof key === "string" && key !== "");
  return keys.length === 0 ? undefined : keys;
}

/** A queue or number a transfer goes to: the one short text inside its target. */
function targetText(data: Record<string, unknown>): string | undefined {
  const target = ownValue(data, "target");
  if (!isPlainObject(target)) return undefined;
  for (const field of ["queue", "number", "endpoint"]) {
    const value = ownValue(target, field);
    if (typeof value === "string" && value.trim() !== "") return value;
  }
  return undefined;
}

/** Templates first (prompt texts), then expressions (a condition, a URL); the registry says where they are. */
function expressionText(node: GraphNode): string | undefined {
  const definition = getNodeDefinition(node.type);
  if (definition === undefined) return undefined;
  const parsed = definition.schema.safeParse(node.data);
  if (!parsed.success) return undefined;
  try {
    const refs = definition.expressions(parsed.data).filter((ref) => ref.source.trim() !== "");
    return (refs.find((ref) => ref.mode === "template") ?? refs[0])?.source;
  } catch {
    // A definition that cannot describe these settings leaves the node named by its id.
    return undefined;
  }
}

/** How a reviewer recognises a node that has no label: by what it says or where it goes. */
export function nodeContent(node: GraphNode): NodeContent | undefined {
  const text = targetText(node.data) ?? expressionText(node);
  const keys = keysOf(node.data);
  if (text === undefined && keys === undefined) return undefined;
  return { ...(text === undefined ? {} : { text: clip(text) }), ...(keys === undefined ? {} : { menuKeys: keys }) };
}
