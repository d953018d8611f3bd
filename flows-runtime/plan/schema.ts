import { z } from "zod";
import { flowKindSchema, variableDeclarationSchema } from "../graph/schema";

/** Bumped whenever the plan layout changes in a way older workers cannot run. */
export const PLAN_FORMAT = 1;

export const planStepSchema = z.object({
  id: z.string(),
  type: z.string(),
  label: z.string().optional(),
  /** Compiled settings: defaults filled in, expressions and templates parsed to ASTs. */
  config: z.unknown(),
  /** Port name → id of the next step, or null where the flow ends on that port. */
  next: z.record(z.string(), z.string().nullable()),
});
export type PlanStep = z.infer<typeof planStepSchema>;

export const planSchema = z.object({
  planFormat: z.literal(PLAN_FORMAT),
  kind: flowKindSchema,
  graphSchemaVersion: z.number().int(),
  entry: z.string(),
  variables: z.array(variableDeclarationSchema),
  steps: z.record(z.string(), planStepSchema),
});
export type Plan = z.infer<typeof planSchema>;
