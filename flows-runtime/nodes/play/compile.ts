import type { NodeCompiler } from "../node-definition";
import { compileMedia } from "../shared/media-compile";
import type { PlayCompiled } from "./compiled";
import type { PlayConfig } from "./schema";

export const compilePlay: NodeCompiler<PlayConfig, PlayCompiled> = (config) => ({
  media: compileMedia(config.media),
  bargeIn: config.bargeIn,
});
