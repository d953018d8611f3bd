import type { DiffMessages } from "./messages/catalog";
import { isPlainObject, ownValue } from "./plain-object";
import type { PathSegment } from "./types";

export interface FieldContext {
  messages: DiffMessages;
  /** Label of a settings field by dotted key path ("options.label"), if the node type has one. */
  fieldLabel(dottedPath: string): string | undefined;
  /** The two settings objects the path points into, to tell one-item lists from longer ones. */
  before: unknown;
  after: unknown;
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let value = root;
  for (const segment of path) {
    if (typeof segment === "string") value = isPlainObject(value) ? ownValue(value, segment) : undefined;
    else if (typeof segment === "number") value = Array.isArray(value) ? value[segment] : undefined;
    else {
      const wanted = segment;
      value = Array.isArray(value)
        ? value.find((item) => isPlainObject(item) && ownValue(item, wanted.by) === wanted.value)
        : undefined;
    }
  }
  return value;
}

function lengthAt(root: unknown, path: readonly PathSegment[]): number {
  const value = valueAt(root, path);
  return Array.isArray(value) ? value.length : 0;
}

/** Bare for menu keys and numbers ("option 3", "option #"), quoted for names ("header "Accept""). */
function identityText(value: string | number, messages: DiffMessages): string {
  return typeof value === "number" || /^[0-9*#]+$/.test(value) ? String(value) : messages.quote(value);
}

/**
 * A settings path in words: ["options", {key 3}, "label"] -> "option 3 meaning",
 * ["target", "priority"] -> "priority", ["prompt", 0, "text"] -> "prompt text" (one-item list).
 */
export function describeField(path: readonly PathSegment[], context: FieldContext): string {
  const { messages } = context;
  const parts: string[] = [];
  const keys: string[] = [];
  let sinceItem: string[] = [];
  const label = (): string => messages.fieldName(context.fieldLabel(keys.join(".")) ?? sinceItem.join("."));

  path.forEach((segment, index) => {
    if (typeof segment === "string") {
      keys.push(segment);
      sinceItem.push(segment);
      return;
    }
    const list = path.slice(0, index);
    const noun = messages.itemNouns[keys.join(".")] ?? (sinceItem.length > 0 ? label() : (parts.pop() ?? ""));
    const alone =
      typeof segment === "number" &&
      index < path.length - 1 &&
      lengthAt(context.before, list) <= 1 &&
      lengthAt(context.after, list) <= 1;
    const id = typeof segment === "number" ? String(segment + 1) : identityText(segment.value, messages);
    parts.push(alone ? noun : messages.item(noun, id));
    sinceItem = [];
  });
  if (sinceItem.length > 0) parts.push(label());
  const [first, ...rest] = parts;
  return rest.reduce((whole, part) => messages.fieldOf(whole, part), first ?? "");
}
