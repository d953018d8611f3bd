import { z } from "zod";
import { identifierSchema } from "../shared/identifier";

const fieldKeySchema = identifierSchema;

/**
 * Whom to look up: by the caller's number (default), or by a variable the flow collected, matched
 * against the customers' phone numbers or one of their attribute fields (an order number).
 */
export const lookupCustomerSchema = z.object({
  by: z.enum(["caller", "variable"]).default("caller"),
  /** With by = variable: the variable holding the number or the value (e.g. orderNumber). */
  variable: identifierSchema.optional(),
  /** With by = variable: compare with the phone numbers, or with this attribute field. */
  match: z.enum(["phone", "attribute"]).default("phone"),
  attribute: fieldKeySchema.optional(),
});
export type LookupCustomerConfig = z.infer<typeof lookupCustomerSchema>;
