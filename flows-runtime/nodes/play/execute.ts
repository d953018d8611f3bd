import type { NodeExecutor } from "../node-definition";
import { renderMedia } from "../shared/media-render";
import { playCompiledSchema } from "./compiled";

export const executePlay: NodeExecutor = async (step, ctx) => {
  const config = playCompiledSchema.parse(step.config);
  await ctx.effects.play(renderMedia(config.media, ctx), { bargeIn: config.bargeIn });
  return { port: "next" };
};
