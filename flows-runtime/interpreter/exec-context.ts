import { evaluateExpression, renderTemplate } from "../expressions";
import type { ExecContext } from "../nodes/node-definition";
import { exprAstSchema, templateAstSchema } from "../nodes/shared/ast-schemas";
import type { CallEffects } from "./effects";
import type { RoutingEffects } from "./routing-effects";
import type { FlowVariables } from "./variables";

/**
 * What an executor sees: the effects, the variables, and evaluation against the current values.
 * `clock` maps the call's time to the time the flow reads (a test call's pretended clock); the step
 * trace keeps the call's own time.
 */
export function createExecContext(effects: CallEffects, vars: FlowVariables, clock?: (now: Date) => Date, routing: RoutingEffects | null = null): ExecContext {
  return {
    effects,
    routing,
    vars,
    now: () => (clock === undefined ? effects.now() : clock(effects.now())),
    evaluate: (ast) => evaluateExpression(exprAstSchema.parse(ast), vars.record()),
    // Secrets stay {{secret.NAME}} placeholders: only the HTTP activity may resolve them.
    render: (ast) => renderTemplate(templateAstSchema.parse(ast), vars.record(), { secrets: "placeholder" }),
  };
}
