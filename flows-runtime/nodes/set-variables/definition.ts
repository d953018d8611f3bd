import type { NodeDefinition } from "../node-definition";
import { portLabel } from "../shared/port-label";
import { setVariablesSchema, type SetVariablesConfig } from "./schema";

export const setVariablesDefinition: NodeDefinition<SetVariablesConfig> = {
  type: "set-variables",
  kinds: ["ivr", "routing", "campaign"],
  category: "logic",
  label: { en: "Set variables", zh: "设置变量" },
  description: {
    en: "Computes values and stores them in variables, in order (e.g. count attempts: attempts = attempts + 1).",
    zh: "计算表达式并按顺序保存到变量（例如计数：attempts = attempts + 1）。",
  },
  icon: "variable",
  schema: setVariablesSchema,
  defaults: () => ({ assignments: [{ name: "", value: "" }] }),
  ports: () => [{ id: "next", label: portLabel("next"), required: false }],
  expressions: (config) =>
    config.assignments.map((assignment, index) => ({
      path: ["assignments", index, "value"],
      source: assignment.value,
      mode: "expression",
      assignsTo: assignment.name,
    })),
  writes: (config) => config.assignments.map((assignment, index) => ({ name: assignment.name, type: "any", path: ["assignments", index, "name"] })),
  formHints: {
    assignments: { widget: "list", label: { en: "Assignments", zh: "赋值" } },
    "assignments.name": { widget: "text", label: { en: "Variable", zh: "变量" } },
    "assignments.value": { widget: "expression", label: { en: "Value", zh: "值" } },
  },
};
