import type { NodeExecutor } from "../node-definition";
import { renderMedia } from "../shared/media-render";
import { menuCompiledSchema } from "./compiled";

export const executeMenu: NodeExecutor = async (step, ctx) => {
  const config = menuCompiledSchema.parse(step.config);
  let input = "";
  let lastFailure: "timeout" | "invalid" = "timeout";
  for (let attempt = 0; attempt <= config.maxRetries; attempt += 1) {
    if (attempt > 0) {
      const failurePrompt = lastFailure === "timeout" ? config.timeoutPrompt : config.invalidPrompt;
      if (failurePrompt.length > 0) await ctx.effects.play(renderMedia(failurePrompt, ctx), { bargeIn: config.bargeIn });
    }
    await ctx.effects.play(renderMedia(config.prompt, ctx), { bargeIn: config.bargeIn });
    const result = await ctx.effects.collectDigits({
      minDigits: 1,
      maxDigits: 1,
      terminator: null,
      firstDigitTimeoutMs: config.timeoutMs,
      interDigitTimeoutMs: config.timeoutMs,
      totalTimeoutMs: null,
    });
    if (result.digits === "") {
      lastFailure = "timeout";
      continue;
    }
    input += result.digits;
    if (config.keys.includes(result.digits)) {
      if (config.storeAs !== null) ctx.vars.set(config.storeAs, result.digits);
      return { port: `option:${result.digits}`, input };
    }
    lastFailure = "invalid";
  }
  // No failure prompt here: nothing is retried, the node behind the port speaks next.
  return { port: lastFailure, input };
};
