import type { NodeExecutor } from "../node-definition";
import { languageSelectCompiledSchema } from "./compiled";

export const executeLanguageSelect: NodeExecutor = async (step, ctx) => {
  const config = languageSelectCompiledSchema.parse(step.config);
  ctx.vars.set("call.language", config.language);
  return { port: "next" };
};
