import type { NodeCompiler } from "../node-definition";
import { compileMedia } from "../shared/media-compile";
import type { MenuCompiled } from "./compiled";
import type { MenuConfig } from "./schema";

export const compileMenu: NodeCompiler<MenuConfig, MenuCompiled> = (config) => ({
  prompt: compileMedia(config.prompt),
  keys: config.options.map((option) => option.key),
  timeoutMs: config.timeoutSeconds * 1000,
  maxRetries: config.maxRetries,
  timeoutPrompt: compileMedia(config.timeoutPrompt),
  invalidPrompt: compileMedia(config.invalidPrompt),
  bargeIn: config.bargeIn,
  storeAs: config.storeAs ?? null,
});
