import type { NodeDefinition } from "../node-definition";
import { portLabel } from "../shared/port-label";
import { subflowSchema, type SubflowConfig } from "./schema";

export const subflowDefinition: NodeDefinition<SubflowConfig> = {
  type: "subflow",
  kinds: ["ivr"],
  category: "logic",
  label: { en: "Run subflow", zh: "子流程" },
  description: {
    en: "Runs another published flow with its own variables, then continues here. A failing subflow takes the error path.",
    zh: "运行另一个已发布的流程（独立变量），结束后回到这里继续。子流程失败时走“出错”分支。",
  },
  icon: "stack",
  schema: subflowSchema,
  defaults: () => ({ flowId: "", inputs: [], outputs: [] }),
  ports: () => [
    { id: "next", label: portLabel("next"), required: false },
    { id: "error", label: portLabel("error"), required: false, silent: true },
  ],
  expressions: (config) =>
    config.inputs.map((input, index) => ({ path: ["inputs", index, "value"], source: input.value, mode: "expression" })),
  writes: (config) => config.outputs.map((output, index) => ({ name: output.to, type: "any", path: ["outputs", index, "to"] })),
  lint: (config, context) =>
    context.knownFlowIds === null || context.knownFlowIds.includes(config.flowId)
      ? []
      : [{ severity: "error", code: "unknown-subflow", path: ["flowId"], params: { flowId: config.flowId } }],
  formHints: {
    flowId: { widget: "select", label: { en: "Flow", zh: "流程" } },
    inputs: { widget: "list", label: { en: "Inputs", zh: "输入" } },
    "inputs.name": { widget: "text", label: { en: "Subflow variable", zh: "子流程变量" } },
    "inputs.value": { widget: "expression", label: { en: "Value", zh: "值" } },
    outputs: { widget: "list", label: { en: "Outputs", zh: "输出" } },
    "outputs.from": { widget: "text", label: { en: "Subflow variable", zh: "子流程变量" } },
    "outputs.to": { widget: "text", label: { en: "Store in variable", zh: "保存到变量" } },
  },
};
