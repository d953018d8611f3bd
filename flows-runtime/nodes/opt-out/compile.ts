import type { NodeCompiler } from "../node-definition";
import type { OptOutCompiled } from "./compiled";
import type { OptOutConfig } from "./schema";

export const compileOptOut: NodeCompiler<OptOutConfig, OptOutCompiled> = (config) => ({ scope: config.scope });
