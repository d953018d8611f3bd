import { z } from "zod";
import { pretendSchema } from "@/flows-runtime/pretend/pretend-schema";

// What the test-case routes answer, checked at the browser's boundary.
const caseSchema = z.object({
  name: z.string(),
  pretend: pretendSchema,
  inputs: z.array(z.object({ afterPrompt: z.number(), keys: z.string() })),
  expectations: z.object({
    path: z.object({ mode: z.enum(["exact", "passes-through"]), nodes: z.array(z.string()) }).nullable(),
    outcome: z.object({ kind: z.enum(["completed", "transferred", "caller-hangup", "failed"]), target: z.string().optional() }).nullable(),
  }),
});
export type CaseContent = z.infer<typeof caseSchema>;

export const resultSchema = z.union([
  z.object({ kind: z.literal("path"), ok: z.boolean(), mode: z.enum(["exact", "passes-through"]), expected: z.array(z.string()), actual: z.array(z.string()), mismatchAt: z.number().nullable() }),
  z.object({
    kind: z.literal("outcome"),
    ok: z.boolean(),
    expected: z.object({ kind: z.string(), target: z.string().optional() }),
    actual: z.object({ kind: z.string().nullable(), target: z.string().nullable() }),
  }),
]);
export type CaseResult = z.infer<typeof resultSchema>;

export const runSchema = z.object({
  id: z.string(),
  testCaseId: z.string().nullable(),
  testCase: caseSchema,
  status: z.enum(["running", "passed", "failed", "error"]),
  results: z.array(resultSchema),
  error: z.enum(["unavailable", "not-run", "no-end", "not-ivr"]).nullable(),
  callId: z.string().nullable(),
  startedAt: z.string(),
});
export type CaseRun = z.infer<typeof runSchema>;

export const testCaseSchema = caseSchema.extend({ id: z.string(), updatedAt: z.string(), lastRun: runSchema.nullable().optional() });
export type SavedTestCase = z.infer<typeof testCaseSchema>;

export const listResponseSchema = z.object({ testCases: z.array(testCaseSchema) });
export const runResponseSchema = z.object({ run: runSchema });
export const reviewRunsResponseSchema = z.object({ runs: z.array(runSchema) });
