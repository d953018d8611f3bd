import { IDENTIFIER_PATTERN } from "../../nodes/shared/identifier";
import type { NodeInfo } from "./settings";

const MAX_DEPTH = 6;
const MAX_NAMES = 2000;

/**
 * Variable-like strings in the settings of nodes whose settings are invalid. Such a node cannot
 * say what it writes, but its "variable" field probably names one: treating those names as known
 * keeps one broken node from turning every later use of its variable into a second error.
 */
export function salvageNames(infos: readonly NodeInfo[]): Set<string> {
  const names = new Set<string>();
  const visit = (value: unknown, depth: number): void => {
    if (names.size >= MAX_NAMES || depth > MAX_DEPTH) return;
    if (typeof value === "string") {
      if (value.length <= 64 && IDENTIFIER_PATTERN.test(value)) names.add(value);
      return;
    }
    if (typeof value !== "object" || value === null) return;
    for (const item of Array.isArray(value) ? value : Object.values(value)) visit(item, depth + 1);
  };
  for (const info of infos) if (info.definition !== null && info.valid === null) visit(info.node.data, 0);
  return names;
}
