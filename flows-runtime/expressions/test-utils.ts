import type { Expr, TemplateAst } from "./ast";
import { parseExpression } from "./parse-expression";
import { parseTemplate } from "./parse-template";

/** Parses or fails the test with the parser's own message. */
export function expr(source: string): Expr {
  const result = parseExpression(source);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(source)} to parse: ${result.error.message}`);
  return result.ast;
}

export function template(source: string): TemplateAst {
  const result = parseTemplate(source);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(source)} to parse: ${result.error.message}`);
  return result.ast;
}

/** Same tree without source offsets, to compare structure across different spellings. */
export function withoutPositions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutPositions);
  if (typeof node !== "object" || node === null) return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => key !== "start" && key !== "end")
      .map(([key, value]) => [key, withoutPositions(value)]),
  );
}
