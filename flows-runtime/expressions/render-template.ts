import type { TemplateAst } from "./ast";
import { toDisplayString } from "./display";
import { evaluateExpression } from "./evaluate";
import { ExpressionRuntimeError } from "./runtime-error";

const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PLACEHOLDER_LIKE = /\{\{\s*secret\s*\./g;

export interface RenderOptions {
  /** "placeholder" (default) keeps `{{secret.NAME}}` for an activity to substitute; "blank" renders "". */
  secrets?: "placeholder" | "blank";
}

export function renderTemplate(ast: TemplateAst, vars: Record<string, unknown>, options: RenderOptions = {}): string {
  const mode = options.secrets ?? "placeholder";
  let output = "";
  const placeholderOffsets = new Set<number>();
  for (const part of ast.parts) {
    if (part.kind === "text") {
      output += part.text;
    } else if (part.kind === "expr") {
      output += toDisplayString(evaluateExpression(part.expr, vars));
    } else {
      if (!SECRET_NAME.test(part.name)) {
        throw new ExpressionRuntimeError("invalid_ast", `Invalid secret name "${part.name}"`);
      }
      if (mode === "placeholder") {
        placeholderOffsets.add(output.length);
        output += `{{secret.${part.name}}}`;
      }
    }
  }
  if (mode === "placeholder") {
    // The activity substitutes every placeholder it finds, so a variable (caller input, an API
    // response) that renders as "{{secret.X}}" would leak secret X. Only our own parts may produce one.
    for (const match of output.matchAll(PLACEHOLDER_LIKE)) {
      if (!placeholderOffsets.has(match.index)) {
        throw new ExpressionRuntimeError(
          "forged_secret_placeholder",
          'A value in this template contains "{{secret." and was refused: it could expose a secret',
          match.index,
          match[0].length,
        );
      }
    }
  }
  return output;
}
