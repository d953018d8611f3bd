import type { NodeExecutor } from "../node-definition";
import { renderMedia } from "../shared/media-render";
import { anchoredPattern } from "../shared/pattern";
import { collectCompiledSchema, type CollectCompiled } from "./compiled";

const MAX_KEYS_WITH_TERMINATOR = 65;

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
      // With an end key, input ends on that key (or silence) whatever its length and is checked
      // here: stopping at maxLength would leave the "#" after a full or too long number buffered,
      // and it would cut off the next prompt.
      maxDigits: config.terminator === null ? config.maxLength : MAX_KEYS_WITH_TERMINATOR,
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
