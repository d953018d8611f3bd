import type { NodeExecutor } from "../node-definition";
import { setVariablesCompiledSchema } from "./compiled";

export const executeSetVariables: NodeExecutor = async (step, ctx) => {
  const config = setVariablesCompiledSchema.parse(step.config);
  for (const assignment of config.assignments) ctx.vars.set(assignment.name, ctx.evaluate(assignment.value));
  return { port: "next" };
};
