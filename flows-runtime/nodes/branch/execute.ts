import { isTruthy } from "../../expressions";
import type { NodeExecutor } from "../node-definition";
import { branchCompiledSchema } from "./compiled";

export const executeBranch: NodeExecutor = async (step, ctx) => {
  const config = branchCompiledSchema.parse(step.config);
  const index = config.conditions.findIndex((condition) => isTruthy(ctx.evaluate(condition)));
  return { port: index === -1 ? "else" : `condition:${index}` };
};
