import type { NodeCompiler } from "../node-definition";
import { compileMedia } from "../shared/media-compile";
import type { CollectCompiled } from "./compiled";
import type { CollectConfig } from "./schema";

export const compileCollect: NodeCompiler<CollectConfig, CollectCompiled> = (config) => ({
  prompt: compileMedia(config.prompt),
  minLength: config.minLength,
  maxLength: config.maxLength,
  terminator: config.terminator,
  firstDigitTimeoutMs: config.firstDigitTimeoutSeconds * 1000,
  interDigitTimeoutMs: config.interDigitTimeoutSeconds * 1000,
  totalTimeoutMs: config.totalTimeoutSeconds === null ? null : config.totalTimeoutSeconds * 1000,
  pattern: config.pattern ?? null,
  variable: config.variable,
  maxRetries: config.maxRetries,
  invalidPrompt: compileMedia(config.invalidPrompt),
});
