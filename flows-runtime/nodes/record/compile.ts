import type { NodeCompiler } from "../node-definition";
import { compileMedia } from "../shared/media-compile";
import type { RecordCompiled } from "./compiled";
import type { RecordConfig } from "./schema";

export const compileRecord: NodeCompiler<RecordConfig, RecordCompiled> = (config) => ({
  prompt: compileMedia(config.prompt),
  maxDurationSeconds: config.maxDurationSeconds,
  beep: config.beep,
  maxSilenceSeconds: config.maxSilenceSeconds,
  terminateOn: config.terminateOn,
  variable: config.variable,
});
