import type { NodeCompiler } from "../node-definition";
import type { SetOutcomeCompiled } from "./compiled";
import type { SetOutcomeConfig } from "./schema";

export const compileSetOutcome: NodeCompiler<SetOutcomeConfig, SetOutcomeCompiled> = (config) => ({ outcome: config.outcome });
