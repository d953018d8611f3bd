import type { ExpressionRef, NodeDefinition, NodeLintIssue } from "../node-definition";
import { lookupCustomerSchema, type LookupCustomerConfig } from "./schema";

function lintLookup(config: LookupCustomerConfig): NodeLintIssue[] {
  if (config.by === "caller") return [];
  const issues: NodeLintIssue[] = [];
  if (config.variable === undefined) issues.push({ severity: "error", code: "setting-required", path: ["variable"], params: {} });
  if (config.match === "attribute" && config.attribute === undefined) issues.push({ severity: "error", code: "setting-required", path: ["attribute"], params: {} });
  return issues;
}

export const lookupCustomerDefinition: NodeDefinition<LookupCustomerConfig> = {
  type: "lookup-customer",
  // In a routing flow it runs on the call's own effects (CallEffects.lookupCustomer), as in the IVR.
  kinds: ["ivr", "routing"],
  category: "integration",
  label: { en: "Look up customer", zh: "查找客户" },
  description: {
    en: "Finds the customer by the caller's number, or by a variable the caller typed (a phone number, or an attribute such as the order number). Found: customer.name, customer.tier (member level), customer.tags and customer.attributes are available to every later node.",
    zh: "按来电号码查找客户，或按来电者输入的变量查找（电话号码，或订单号等客户字段）。找到后，后续节点都可以使用 customer.name、customer.tier（会员等级）、customer.tags 和 customer.attributes。",
  },
  icon: "user-search",
  schema: lookupCustomerSchema,
  defaults: () => ({ by: "caller", match: "phone" }),
  ports: () => [
    { id: "found", label: { en: "found", zh: "找到" }, required: true, silent: true },
    { id: "notFound", label: { en: "not found", zh: "未找到" }, required: true, silent: true },
  ],
  // The variable is read: named as an expression, the validator reports it when no node writes it.
  expressions: (config): ExpressionRef[] => (config.by === "variable" && config.variable !== undefined ? [{ path: ["variable"], source: config.variable, mode: "expression" }] : []),
  writes: () => [{ name: "customer", type: "object" }],
  lint: lintLookup,
  formHints: {
    by: { widget: "select", label: { en: "Look up by", zh: "查找依据" }, optionLabels: { caller: { en: "Caller number", zh: "来电号码" }, variable: { en: "A variable", zh: "变量的值" } } },
    variable: { widget: "text", label: { en: "Variable", zh: "变量" } },
    match: { widget: "select", label: { en: "Compare with", zh: "比对" }, optionLabels: { phone: { en: "Phone numbers", zh: "电话号码" }, attribute: { en: "A customer field", zh: "客户字段" } } },
    attribute: { widget: "text", label: { en: "Customer field", zh: "客户字段" } },
  },
};
