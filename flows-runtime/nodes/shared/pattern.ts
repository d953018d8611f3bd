/** Longest regular expression an admin may write for caller input. */
export const MAX_PATTERN_LENGTH = 200;

export type PatternCheck = { ok: true } | { ok: false; code: "bad-regex" | "unsafe-regex"; detail: string };

const isQuantifierAt = (source: string, i: number): boolean => {
  const ch = source[i];
  return ch === "*" || ch === "+" || (ch === "{" && /^\{\d+(,\d*)?\}/.test(source.slice(i)));
};

/**
 * A repeated group that itself contains a repetition, like (\d+)+: the catastrophic-backtracking
 * shape. Caller input is short, but 2^64 steps would still hang the workflow worker.
 */
function hasNestedQuantifier(source: string): boolean {
  const groups: boolean[] = [];
  let inner = false;
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i];
    if (ch === "\\") {
      i += 1;
    } else if (ch === "[") {
      i += 1;
      while (i < source.length && source[i] !== "]") i += source[i] === "\\" ? 2 : 1;
    } else if (ch === "(") {
      groups.push(inner);
      inner = false;
    } else if (ch === ")") {
      const groupRepeats: boolean = inner;
      inner = groups.pop() ?? false;
      if (isQuantifierAt(source, i + 1) && groupRepeats) return true;
      inner = inner || groupRepeats || isQuantifierAt(source, i + 1);
    } else if (isQuantifierAt(source, i)) {
      inner = true;
    }
  }
  return false;
}

export function checkPattern(source: string): PatternCheck {
  try {
    anchoredPattern(source);
  } catch (error) {
    return { ok: false, code: "bad-regex", detail: error instanceof Error ? error.message : String(error) };
  }
  if (hasNestedQuantifier(source)) return { ok: false, code: "unsafe-regex", detail: "nested repetition" };
  return { ok: true };
}

const cache = new Map<string, RegExp>();

/** The pattern must match the whole input, not a part of it. */
export function anchoredPattern(source: string): RegExp {
  const cached = cache.get(source);
  if (cached !== undefined) return cached;
  const regex = new RegExp(`^(?:${source})$`);
  if (cache.size > 500) cache.clear();
  cache.set(source, regex);
  return regex;
}
