import type { NodeExecutor } from "../node-definition";
import { campaignStartCompiledSchema } from "./compiled";

export const executeCampaignStart: NodeExecutor = async (step, ctx) => {
  const config = campaignStartCompiledSchema.parse(step.config);
  const language = ctx.vars.get("call.language");
  if (typeof language !== "string" || language === "") ctx.vars.set("call.language", config.defaultLanguage);
  return { port: "answered" };
};
