import type { NodeCompiler } from "../node-definition";
import type { HangupCompiled } from "./compiled";
import type { HangupConfig } from "./schema";

export const compileHangup: NodeCompiler<HangupConfig, HangupCompiled> = () => ({});
