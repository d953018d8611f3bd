import type { PathSegment } from "@/flows-runtime/diff";

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * A diff path as the designer form's field key ("options.1.label"): keyed list items become their
 * position in `data`. Stops at an item `data` does not have (a removed option): the list is shown.
 */
export function formFieldKey(path: readonly PathSegment[], data: unknown): string {
  const keys: (string | number)[] = [];
  let value = data;
  for (const segment of path) {
    if (typeof segment === "string") {
      keys.push(segment);
      value = isRecord(value) && Object.hasOwn(value, segment) ? value[segment] : undefined;
      continue;
    }
    if (!Array.isArray(value)) break;
    const list: unknown[] = value;
    const index = typeof segment === "number" ? segment : list.findIndex((item) => isRecord(item) && item[segment.by] === segment.value);
    if (index < 0 || index >= list.length) break;
    keys.push(index);
    value = list[index];
  }
  return keys.join(".");
}
