import { compileLinearRegex, type LinearRegex, type LinearRegexResult } from "./linear-regex/linear-regex";
import { MAX_REGEX_SOURCE_LENGTH } from "./limits";

export type RegexResult = { ok: true; regex: LinearRegex } | { ok: false; code: string; message: string };

const cache = new Map<string, LinearRegexResult>();

/** matches() compiles its pattern on every evaluation; the program is kept instead. */
function compiledOnce(source: string): LinearRegexResult {
  const cached = cache.get(source);
  if (cached !== undefined) return cached;
  const compiled = compileLinearRegex(source);
  if (cache.size > 500) cache.clear();
  cache.set(source, compiled);
  return compiled;
}

/**
 * Compiles an admin-written pattern for matches(); never throws. Patterns run on a linear-time
 * engine (no backtracking), so (a|a)*$ on caller input cannot stall a workflow; constructs only a
 * backtracking engine can run (backreferences, lookaround) are refused as unsafe_regex.
 */
export function compileUserRegex(source: string): RegexResult {
  if (source.length > MAX_REGEX_SOURCE_LENGTH) {
    return {
      ok: false,
      code: "regex_too_long",
      message: `The pattern is ${source.length} characters long; the maximum is ${MAX_REGEX_SOURCE_LENGTH}`,
    };
  }
  const compiled = compiledOnce(source);
  if (compiled.ok) return compiled;
  const { kind, message, position } = compiled.error;
  if (kind === "unsupported") {
    return { ok: false, code: "unsafe_regex", message: `Unsupported in patterns: ${message} (at character ${position + 1})` };
  }
  return { ok: false, code: "invalid_regex", message: `Invalid pattern: ${message} (at character ${position + 1})` };
}
