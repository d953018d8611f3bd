import { parseExpression, parseTemplate, type Expr, type TemplateAst } from "../../expressions";

/* The compiler only runs on validated graphs, where every source parses; a failure here is a bug. */

export function compileExpression(source: string): Expr {
  const result = parseExpression(source);
  if (!result.ok) throw new Error(`expression did not parse after validation: ${result.error.message}`);
  return result.ast;
}

export function compileTemplate(source: string): TemplateAst {
  const result = parseTemplate(source);
  if (!result.ok) throw new Error(`template did not parse after validation: ${result.error.message}`);
  return result.ast;
}
