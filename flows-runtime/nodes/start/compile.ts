import type { NodeCompiler } from "../node-definition";
import type { StartCompiled } from "./compiled";
import type { StartConfig } from "./schema";

export const compileStart: NodeCompiler<StartConfig, StartCompiled> = (config) => ({ defaultLanguage: config.defaultLanguage });
