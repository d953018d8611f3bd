import type { NodeExecutor } from "../node-definition";
import { startCompiledSchema } from "./compiled";

export const executeStart: NodeExecutor = async (step, ctx) => {
  const config = startCompiledSchema.parse(step.config);
  const language = ctx.vars.get("call.language");
  // A language chosen by the line (or kept across continue-as-new) wins over the flow's default.
  if (typeof language !== "string" || language === "") ctx.vars.set("call.language", config.defaultLanguage);
  return { port: "next" };
};
