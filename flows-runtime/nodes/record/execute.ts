import { CallHangupError } from "../../interpreter/effects";
import type { NodeExecutor } from "../node-definition";
import { renderMedia } from "../shared/media-render";
import { recordCompiledSchema } from "./compiled";

export const executeRecord: NodeExecutor = async (step, ctx) => {
  const config = recordCompiledSchema.parse(step.config);
  if (config.prompt.length > 0) await ctx.effects.play(renderMedia(config.prompt, ctx), { bargeIn: false });
  const result = await ctx.effects.record({
    maxDurationSeconds: config.maxDurationSeconds,
    beep: config.beep,
    maxSilenceSeconds: config.maxSilenceSeconds,
    terminateOn: config.terminateOn,
  });
  ctx.vars.set(config.variable, result.recordingName);
  ctx.vars.set(`${config.variable}_duration`, result.durationSeconds);
  // Callers usually hang up to finish a voicemail: the message is kept, then the call ends.
  if (result.ended === "hangup") throw new CallHangupError("record");
  return { port: "next" };
};
