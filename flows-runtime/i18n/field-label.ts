import { getNodeDefinition } from "../nodes/registry.definitions";
import { pick, type Locale } from "./locales";

const humanize = (segment: string): string => segment.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();

/** Generic rendering of a path: nodes #4 › position. */
export function pathLabel(path: readonly (string | number)[]): string {
  return path
    .map((segment) => (typeof segment === "number" ? `#${segment + 1}` : humanize(segment)))
    .join(" › ")
    .replace(/ › #/g, " #");
}

/**
 * Human name of a setting from its path inside node data: ["options", 2, "key"] on a menu gives
 * "Options #3 › Key" (labels from the node type's form hints).
 */
export function fieldLabel(nodeType: string, path: readonly (string | number)[], locale: Locale): string {
  const hints = getNodeDefinition(nodeType)?.formHints ?? {};
  const names: string[] = [];
  const parts: string[] = [];
  for (const segment of path) {
    if (typeof segment === "number") {
      parts.push(`#${segment + 1}`);
      continue;
    }
    names.push(segment);
    const hint = Object.hasOwn(hints, names.join(".")) ? hints[names.join(".")] : undefined;
    parts.push(hint?.label === undefined ? humanize(segment) : pick(hint.label, locale));
  }
  if (parts.length === 0) return locale === "en" ? "settings" : "设置";
  return parts.join(" › ").replace(/ › #/g, " #");
}
