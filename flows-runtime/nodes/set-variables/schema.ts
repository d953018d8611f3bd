import { z } from "zod";
import { variablePathSchema } from "../shared/identifier";
import { expressionSourceSchema } from "../shared/sources";

export const assignmentSchema = z.object({
  /** A variable, or a dotted path inside an object variable ("customer.tier"). */
  name: variablePathSchema,
  value: expressionSourceSchema,
});

export const setVariablesSchema = z.object({
  /** Applied in order: later values see earlier ones. */
  assignments: z.array(assignmentSchema).min(1).max(50),
});
export type SetVariablesConfig = z.infer<typeof setVariablesSchema>;
