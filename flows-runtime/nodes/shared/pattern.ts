import { compileLinearRegex, type LinearRegexResult, type LinearRegex } from "../../expressions/linear-regex/linear-regex";

/** Longest regular expression an admin may write for caller input. */
export const MAX_PATTERN_LENGTH = 200;

export type PatternCheck = { ok: true } | { ok: false; code: "bad-regex" | "unsafe-regex"; detail: string; position: number };

// The validator runs on every edit and the executor on every input: compile each pattern once.
const cache = new Map<string, LinearRegexResult>();

function compiledWhole(source: string): LinearRegexResult {
  const cached = cache.get(source);
  if (cached !== undefined) return cached;
  const compiled = compileLinearRegex(source, { whole: true });
  if (cache.size > 500) cache.clear();
  cache.set(source, compiled);
  return compiled;
}

/**
 * Patterns run on a linear-time engine: (1|1)*2 against 60 keys costs 60 steps, not 2^60.
 * Backreferences and lookaround need backtracking and are refused as unsafe-regex.
 */
export function checkPattern(source: string): PatternCheck {
  const compiled = compiledWhole(source);
  if (compiled.ok) return { ok: true };
  const { kind, message, position } = compiled.error;
  return { ok: false, code: kind === "unsupported" ? "unsafe-regex" : "bad-regex", detail: `${message} (at character ${position + 1})`, position };
}

/** The pattern must match the whole input, not a part of it. Throws on a pattern checkPattern refuses. */
export function anchoredPattern(source: string): LinearRegex {
  const compiled = compiledWhole(source);
  if (!compiled.ok) throw new Error(`invalid pattern: ${compiled.error.message}`);
  return compiled.regex;
}
