import type { NodeCompiler } from "../node-definition";
import { compileExpression } from "../shared/compile-source";
import type { SubflowCompiled } from "./compiled";
import type { SubflowConfig } from "./schema";

export const compileSubflow: NodeCompiler<SubflowConfig, SubflowCompiled> = (config) => ({
  flowId: config.flowId,
  inputs: config.inputs.map((input) => ({ name: input.name, value: compileExpression(input.value) })),
  outputs: config.outputs.map((output) => ({ from: output.from, to: output.to })),
});
