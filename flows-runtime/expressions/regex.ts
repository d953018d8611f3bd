import { MAX_REGEX_SOURCE_LENGTH } from "./limits";

export type RegexResult = { ok: true; regex: RegExp } | { ok: false; code: string; message: string };

/** Any repetition of what precedes position i: *, +, {n}, {n,}, {n,m}. */
const isQuantifierAt = (source: string, i: number): boolean => {
  const ch = source[i];
  return ch === "*" || ch === "+" || (ch === "{" && /^\{\d+(,\d*)?\}/.test(source.slice(i, i + 24)));
};

/** Repetition without an upper bound: *, +, {n,}. A bounded {n} or {n,m} inside a group stays cheap. */
const isUnboundedQuantifierAt = (source: string, i: number): boolean => {
  const ch = source[i];
  return ch === "*" || ch === "+" || (ch === "{" && /^\{\d+,\}/.test(source.slice(i, i + 24)));
};

/**
 * Rejects a repeated group that itself contains an unbounded repetition, like (a+)+ or (\w*)*: the classic
 * catastrophic-backtracking shape. The input length cap alone does not help there (2^1000 steps),
 * and a hung regex would block a workflow worker.
 */
function hasNestedQuantifier(source: string): boolean {
  const groups: boolean[] = [];
  let containsQuantifier = false;
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i];
    if (ch === "\\") {
      i += 1;
      continue;
    }
    if (ch === "[") {
      i += 1;
      while (i < source.length && source[i] !== "]") {
        if (source[i] === "\\") i += 1;
        i += 1;
      }
      continue;
    }
    if (ch === "(") {
      groups.push(containsQuantifier);
      containsQuantifier = false;
      continue;
    }
    if (ch === ")") {
      const inner = containsQuantifier;
      containsQuantifier = groups.pop() ?? false;
      if (isQuantifierAt(source, i + 1) && inner) return true;
      if (inner || isUnboundedQuantifierAt(source, i + 1)) containsQuantifier = true;
      continue;
    }
    if (isUnboundedQuantifierAt(source, i)) containsQuantifier = true;
  }
  return false;
}

/** Compiles an admin-written pattern for matches(); never throws. */
export function compileUserRegex(source: string): RegexResult {
  if (source.length > MAX_REGEX_SOURCE_LENGTH) {
    return {
      ok: false,
      code: "regex_too_long",
      message: `The pattern is ${source.length} characters long; the maximum is ${MAX_REGEX_SOURCE_LENGTH}`,
    };
  }
  if (hasNestedQuantifier(source)) {
    return {
      ok: false,
      code: "unsafe_regex",
      message: "The pattern repeats a group that already repeats (like (a+)+), which can take too long to match; simplify it",
    };
  }
  try {
    return { ok: true, regex: new RegExp(source) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, code: "invalid_regex", message: `Invalid pattern: ${detail}` };
  }
}
