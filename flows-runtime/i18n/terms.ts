import type { LocalizedText } from "../nodes/node-definition";

/** Words for parameter values that appear inside messages ({expected}, {actual}, {what}). */
export const TERMS: Record<string, LocalizedText> = {
  string: { en: "text", zh: "文本" },
  number: { en: "a number", zh: "数字" },
  int: { en: "a whole number", zh: "整数" },
  boolean: { en: "true or false", zh: "布尔值（true/false）" },
  array: { en: "a list", zh: "列表" },
  object: { en: "an object", zh: "对象" },
  null: { en: "empty (null)", zh: "空值（null）" },
  any: { en: "any value", zh: "任意值" },
  nodes: { en: "nodes", zh: "节点" },
  edges: { en: "connections", zh: "连线" },
  variables: { en: "variables", zh: "变量" },
  ivr: { en: "IVR", zh: "IVR" },
  routing: { en: "routing", zh: "路由" },
  ticket: { en: "ticket", zh: "工单" },
  campaign: { en: "campaign", zh: "外呼活动" },
  script: { en: "agent script", zh: "坐席话术" },
};

/** {kinds}: a comma-separated list of terms. */
export const TERM_PARAMS = new Set(["expected", "actual", "what", "kind", "kinds"]);
