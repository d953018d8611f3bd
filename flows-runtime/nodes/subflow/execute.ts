import { CallHangupError } from "../../interpreter/effects";
import type { NodeExecutor } from "../node-definition";
import { subflowCompiledSchema } from "./compiled";

export const executeSubflow: NodeExecutor = async (step, ctx) => {
  const config = subflowCompiledSchema.parse(step.config);
  const inputs: Record<string, unknown> = {};
  for (const input of config.inputs) inputs[input.name] = ctx.evaluate(input.value);
  const result = await ctx.effects.runSubflow(config.flowId, inputs);
  if (result.outcome === "caller-hangup") throw new CallHangupError("subflow");
  if (result.outcome !== "completed" && result.outcome !== "transferred") {
    // Thrown, not returned: the interpreter takes the "error" port when connected, else fails the call.
    throw new Error(`subflow "${config.flowId}" ended with outcome "${result.outcome}"`);
  }
  for (const output of config.outputs) {
    const value = Object.hasOwn(result.outputs, output.from) ? result.outputs[output.from] : null;
    ctx.vars.set(output.to, value ?? null);
  }
  return result.outcome === "transferred" ? { end: "transferred" } : { port: "next" };
};
