import { evaluateExpression, renderTemplate } from "../expressions";
import type { ExecContext } from "../nodes/node-definition";
import { exprAstSchema, templateAstSchema } from "../nodes/shared/ast-schemas";
import type { CallEffects } from "./effects";
import type { FlowVariables } from "./variables";

/** What an executor sees: the effects, the variables, and evaluation against the current values. */
export function createExecContext(effects: CallEffects, vars: FlowVariables): ExecContext {
  return {
    effects,
    vars,
    evaluate: (ast) => evaluateExpression(exprAstSchema.parse(ast), vars.record()),
    // Secrets stay {{secret.NAME}} placeholders: only the HTTP activity may resolve them.
    render: (ast) => renderTemplate(templateAstSchema.parse(ast), vars.record(), { secrets: "placeholder" }),
  };
}
