import type { NodeExecutor } from "../node-definition";
import { setOutcomeCompiledSchema } from "./compiled";

export const executeSetOutcome: NodeExecutor = async (step, ctx) => {
  const config = setOutcomeCompiledSchema.parse(step.config);
  if (ctx.effects.campaign === undefined) return { port: "next", error: "not a campaign call: no outcome was written" };
  await ctx.effects.campaign.setOutcome(config.outcome);
  return { port: "next" };
};
