import type { NodeCompiler } from "../node-definition";
import type { LookupCustomerCompiled } from "./compiled";
import type { LookupCustomerConfig } from "./schema";

export const compileLookupCustomer: NodeCompiler<LookupCustomerConfig, LookupCustomerCompiled> = (config) => {
  if (config.by === "caller") return { source: "call.caller", match: { kind: "phone" } };
  const source = config.variable ?? "";
  return config.match === "attribute" ? { source, match: { kind: "attribute", key: config.attribute ?? "" } } : { source, match: { kind: "phone" } };
};
