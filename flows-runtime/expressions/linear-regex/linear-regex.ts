import { compileProgram, ProgramTooLarge, type Program } from "./compile-program";
import { parseRegex, type RegexSyntaxError } from "./parse-regex";
import type { RegexNode } from "./regex-ast";
import { runProgram } from "./run-program";

export interface LinearRegex {
  readonly source: string;
  /** Like RegExp.prototype.test: true when the pattern matches anywhere in the text (or, whole, the whole text). */
  test(text: string): boolean;
}

export type LinearRegexResult = { ok: true; regex: LinearRegex } | { ok: false; error: RegexSyntaxError };

/**
 * Compiles a pattern to a matcher that runs in time linear in the input, so a pattern written in
 * the designer (say (a|a)*$) can never stall a workflow on caller input. `whole`: the pattern must
 * match the entire text, as if written ^(?:pattern)$, without the string splicing that would let a
 * ")" in the pattern escape the anchors.
 */
export function compileLinearRegex(source: string, options: { whole?: boolean } = {}): LinearRegexResult {
  const parsed = parseRegex(source);
  if (!parsed.ok) return parsed;
  const node: RegexNode = options.whole
    ? { kind: "concat", items: [{ kind: "assert", assert: "start" }, parsed.node, { kind: "assert", assert: "end" }] }
    : parsed.node;
  let program: Program;
  try {
    program = compileProgram(node);
  } catch (error) {
    if (error instanceof ProgramTooLarge) {
      return { ok: false, error: { kind: "unsupported", message: "the pattern is too large once its repetitions are expanded; use smaller counts", position: 0 } };
    }
    throw error;
  }
  const search = !options.whole;
  return { ok: true, regex: { source, test: (text) => runProgram(program, text, search) } };
}
