import type { NodeExecutor } from "../node-definition";
import { lookupCustomerCompiledSchema } from "./compiled";
import { normalizePhoneNumber } from "./phone-number";

const asLookupText = (value: unknown): string => (typeof value === "string" ? value.trim() : typeof value === "number" && Number.isFinite(value) ? String(value) : "");

/**
 * Found: `customer` becomes the customer's profile (id, name, tier, tags, time zone, language,
 * attributes). Not found (no value, no customer, or the lookup failed): `customer` stays as it was,
 * so a declared default (tier "normal") still holds for later nodes.
 */
export const executeLookupCustomer: NodeExecutor = async (step, ctx) => {
  const config = lookupCustomerCompiledSchema.parse(step.config);
  const text = asLookupText(ctx.vars.get(config.source));
  if (text === "") return { port: "notFound", input: "" };
  let value = text;
  if (config.match.kind === "phone") {
    const phone = normalizePhoneNumber(text);
    if (!phone.ok) return { port: "notFound", input: text };
    value = phone.number;
  }
  const result = await ctx.effects.lookupCustomer(config.match.kind === "phone" ? { by: "phone", value } : { by: "attribute", key: config.match.key, value });
  if (result.kind === "pretended") return { port: "found", input: value };
  if (result.kind === "failed") return { port: "notFound", input: value, error: result.error };
  if (result.kind === "not-found") return { port: "notFound", input: value };
  ctx.vars.set("customer", { ...result.customer });
  return { port: "found", input: value };
};
