import type { NodeDefinition } from "../node-definition";
import { portLabel } from "../shared/port-label";
import { branchSchema, type BranchConfig } from "./schema";

export const branchDefinition: NodeDefinition<BranchConfig> = {
  type: "branch",
  kinds: ["ivr", "routing", "campaign"],
  category: "logic",
  label: { en: "Branch", zh: "条件分支" },
  description: {
    en: "Checks conditions in order and follows the first one that is true, or \"else\".",
    zh: "按顺序判断条件，走第一个成立的分支；都不成立时走“否则”。",
  },
  icon: "git-branch",
  schema: branchSchema,
  canExitLoop: true,
  defaults: () => ({ conditions: [{ label: "", expression: "" }] }),
  ports: (config) => [
    ...config.conditions.map((condition, index) => {
      const base = portLabel(`condition:${index}`);
      const label = condition.label === "" ? base : { en: `${base.en}: ${condition.label}`, zh: `${base.zh}:${condition.label}` };
      return { id: `condition:${index}`, label, required: true };
    }),
    { id: "else", label: portLabel("else"), required: true },
  ],
  expressions: (config) =>
    config.conditions.map((condition, index) => ({ path: ["conditions", index, "expression"], source: condition.expression, mode: "expression" })),
  writes: () => [],
  formHints: {
    conditions: { widget: "list", label: { en: "Conditions", zh: "条件" } },
    "conditions.label": { widget: "text", label: { en: "Name", zh: "名称" } },
    "conditions.expression": {
      widget: "expression",
      label: { en: "Condition", zh: "条件表达式" },
      help: { en: 'For example: card.status == "active"', zh: '例如：card.status == "active"' },
    },
  },
};
