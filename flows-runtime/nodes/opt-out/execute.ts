import type { NodeExecutor } from "../node-definition";
import { optOutCompiledSchema } from "./compiled";

export const executeOptOut: NodeExecutor = async (step, ctx) => {
  const config = optOutCompiledSchema.parse(step.config);
  if (ctx.effects.campaign === undefined) return { port: "next", error: "not a campaign call: no number was added to the do-not-call list" };
  await ctx.effects.campaign.optOut(config.scope);
  return { port: "next" };
};
