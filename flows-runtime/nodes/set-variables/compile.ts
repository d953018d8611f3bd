import type { NodeCompiler } from "../node-definition";
import { compileExpression } from "../shared/compile-source";
import type { SetVariablesCompiled } from "./compiled";
import type { SetVariablesConfig } from "./schema";

export const compileSetVariables: NodeCompiler<SetVariablesConfig, SetVariablesCompiled> = (config) => ({
  assignments: config.assignments.map((assignment) => ({ name: assignment.name, value: compileExpression(assignment.value) })),
});
