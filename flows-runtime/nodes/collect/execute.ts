import type { NodeExecutor } from "../node-definition";
import { renderMedia } from "../shared/media-render";
import { anchoredPattern } from "../shared/pattern";
import { collectCompiledSchema, type CollectCompiled } from "./compiled";

function isAcceptable(digits: string, config: CollectCompiled): boolean {
  if (digits.length < config.minLength || digits.length > config.maxLength) return false;
  return config.pattern === null || anchoredPattern(config.pattern).test(digits);
}

export const executeCollect: NodeExecutor = async (step, ctx) => {
  const config = collectCompiledSchema.parse(step.config);
  let input = "";
  let lastFailure: "timeout" | "invalid" = "timeout";
  for (let attempt = 0; attempt <= config.maxRetries; attempt += 1) {
    if (attempt > 0 && lastFailure === "invalid" && config.invalidPrompt.length > 0) {
      await ctx.effects.play(renderMedia(config.invalidPrompt, ctx), { bargeIn: true });
    }
    if (config.prompt.length > 0) await ctx.effects.play(renderMedia(config.prompt, ctx), { bargeIn: true });
    const result = await ctx.effects.collectDigits({
      minDigits: config.minLength,
      maxDigits: config.maxLength,
      terminator: config.terminator,
      firstDigitTimeoutMs: config.firstDigitTimeoutMs,
      interDigitTimeoutMs: config.interDigitTimeoutMs,
      totalTimeoutMs: config.totalTimeoutMs,
    });
    input += result.digits;
    if (result.ended === "terminator" && config.terminator !== null) input += config.terminator;
    if (result.digits === "" && result.ended === "timeout") {
      lastFailure = "timeout";
      continue;
    }
    if (isAcceptable(result.digits, config)) {
      ctx.vars.set(config.variable, result.digits);
      return { port: "next", input };
    }
    lastFailure = "invalid";
  }
  return { port: lastFailure, input };
};
