import type { NodeExecutor } from "../node-definition";

export const executeHangup: NodeExecutor = async (_step, ctx) => {
  await ctx.effects.hangup();
  return { end: "completed" };
};
