import { IDENTIFIER_PATTERN, rootOf } from "../../nodes/shared/identifier";
import type { NodeInfo } from "./settings";

const MAX_DEPTH = 6;
const MAX_NAMES = 2000;

/**
 * Variables that nodes with invalid settings probably write: what the salvaged settings say, else
 * every variable-like string in them. Treating those names as known keeps one broken node from
 * turning every later use of its variable into a second error.
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
  for (const info of infos) {
    if (info.salvaged !== null) {
      for (const write of info.salvaged.definition.writes(info.salvaged.config)) names.add(rootOf(write.name));
    } else if (info.definition !== null && info.valid === null) {
      visit(info.node.data, 0);
    }
  }
  return names;
}
