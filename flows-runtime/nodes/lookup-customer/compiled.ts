import { z } from "zod";

export const lookupCustomerCompiledSchema = z.object({
  /** The variable whose value is looked up: "call.caller" by default. */
  source: z.string(),
  match: z.discriminatedUnion("kind", [z.object({ kind: z.literal("phone") }), z.object({ kind: z.literal("attribute"), key: z.string() })]),
});
export type LookupCustomerCompiled = z.infer<typeof lookupCustomerCompiledSchema>;
