import { z } from "zod";
import { pretendSchema } from "@/flows-runtime/pretend/pretend-schema";

export const caseOutcomeKinds = ["completed", "transferred", "caller-hangup", "failed"] as const;

/** After the n-th prompt the caller heard has finished, they press these keys. */
export const caseInputSchema = z.object({
  afterPrompt: z.number().int("must be a whole number of at least 1").min(1, "must be a whole number of at least 1").max(100, "must be at most 100"),
  keys: z.string().regex(/^[0-9*#]{1,32}$/, "must be keypad keys: 0-9, * and #"),
});
export type CaseInput = z.infer<typeof caseInputSchema>;

const nodeRefSchema = z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters");

/** "exact": the call visits these nodes and no others, in this order; "passes-through": it visits them in this order, others between. */
export const pathExpectationSchema = z.object({
  mode: z.enum(["exact", "passes-through"], { error: 'must be "exact" or "passes-through"' }),
  /** Node ids or labels. */
  nodes: z.array(nodeRefSchema).min(1, "name at least one node").max(100, "must be at most 100 entries"),
});
export type PathExpectation = z.infer<typeof pathExpectationSchema>;

export const outcomeExpectationSchema = z.object({
  kind: z.enum(caseOutcomeKinds, { error: 'must be "completed", "transferred", "caller-hangup" or "failed"' }),
  /** For "transferred": the queue, number or endpoint the call went to (any when absent). */
  target: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters").optional(),
});
export type OutcomeExpectation = z.infer<typeof outcomeExpectationSchema>;

export const expectationsSchema = z
  .object({ path: pathExpectationSchema.nullable().default(null), outcome: outcomeExpectationSchema.nullable().default(null) })
  .refine((value) => value.path !== null || value.outcome !== null, { message: "expect a path or an outcome", path: ["path"] });
export type Expectations = z.infer<typeof expectationsSchema>;

export const testCaseInputSchema = z.object({
  name: z.string().trim().min(1, "must not be empty").max(120, "must be at most 120 characters"),
  pretend: pretendSchema.default({}),
  inputs: z.array(caseInputSchema).max(50, "must be at most 50 entries").default([]),
  expectations: expectationsSchema,
});
export type TestCaseInput = z.infer<typeof testCaseInputSchema>;

/** A case as stored and as a run keeps it. */
export const storedCaseSchema = z.object({
  name: z.string(),
  pretend: pretendSchema,
  inputs: z.array(caseInputSchema),
  expectations: expectationsSchema,
});
export type StoredCase = z.infer<typeof storedCaseSchema>;

export const testCaseParamsSchema = z.object({ flowId: z.string().min(1).max(100), caseId: z.string().min(1, "is required").max(100) });

export const reviewCaseParamsSchema = z.object({ flowId: z.string().min(1).max(100), reviewId: z.string().min(1, "is required").max(100) });

/** Canned HTTP bodies make a case larger than a name or a locale. */
export const testCaseBodyLimit = 256 * 1024;
