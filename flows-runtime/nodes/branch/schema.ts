import { z } from "zod";
import { expressionSourceSchema } from "../shared/sources";

export const branchConditionSchema = z.object({
  label: z.string().max(100).default(""),
  expression: expressionSourceSchema,
});

export const branchSchema = z.object({
  /** Checked in order; the first true one wins. */
  conditions: z.array(branchConditionSchema).min(1).max(20),
});
export type BranchConfig = z.infer<typeof branchSchema>;
