import type { NodeCompiler } from "../node-definition";
import { compileExpression } from "../shared/compile-source";
import type { BranchCompiled } from "./compiled";
import type { BranchConfig } from "./schema";

export const compileBranch: NodeCompiler<BranchConfig, BranchCompiled> = (config) => ({
  conditions: config.conditions.map((condition) => compileExpression(condition.expression)),
});
