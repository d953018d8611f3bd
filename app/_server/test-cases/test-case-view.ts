import { z } from "zod";
import { storedCaseSchema, type StoredCase } from "./test-case-input";
import type { ExpectationResult } from "./check-expectations";

export const runStatuses = ["running", "passed", "failed", "error"] as const;
export type RunStatus = (typeof runStatuses)[number];
const runStatusSchema = z.enum(runStatuses);

/**
 * Why a run has no result: the simulator or engine was not there, the engine never ran the call, the
 * call never ended, or the flow is not an IVR (no call starts in a routing or campaign flow).
 */
export const runErrors = ["unavailable", "not-run", "no-end", "not-ivr"] as const;
export type RunError = (typeof runErrors)[number];

export interface TestCaseView extends StoredCase {
  id: string;
  flowId: string;
  updatedAt: string;
}

export interface TestCaseRunView {
  id: string;
  testCaseId: string | null;
  /** The case as it ran. */
  testCase: StoredCase;
  reviewId: string | null;
  status: RunStatus;
  results: ExpectationResult[];
  error: RunError | null;
  callId: string | null;
  startedAt: string;
  finishedAt: string | null;
}

const resultsSchema = z.array(
  z.union([
    z.object({ kind: z.literal("path"), ok: z.boolean(), mode: z.enum(["exact", "passes-through"]), expected: z.array(z.string()), actual: z.array(z.string()), mismatchAt: z.number().nullable() }),
    z.object({
      kind: z.literal("outcome"),
      ok: z.boolean(),
      expected: z.object({ kind: z.enum(["completed", "transferred", "caller-hangup", "failed"]), target: z.string().optional() }),
      actual: z.object({ kind: z.string().nullable(), target: z.string().nullable() }),
    }),
  ]),
);

export function toTestCaseView(row: { id: string; flowId: string; name: string; pretend: unknown; inputs: unknown; expectations: unknown; updatedAt: Date }): TestCaseView {
  const stored = storedCaseSchema.parse({ name: row.name, pretend: row.pretend, inputs: row.inputs, expectations: row.expectations });
  return { id: row.id, flowId: row.flowId, updatedAt: row.updatedAt.toISOString(), ...stored };
}

export function toRunView(row: {
  id: string;
  testCaseId: string | null;
  caseSnapshot: unknown;
  reviewId: string | null;
  status: string;
  results: unknown;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  testCallPlan: { callId: string | null };
}): TestCaseRunView {
  return {
    id: row.id,
    testCaseId: row.testCaseId,
    testCase: storedCaseSchema.parse(row.caseSnapshot),
    reviewId: row.reviewId,
    status: runStatusSchema.parse(row.status),
    results: row.results === null ? [] : resultsSchema.parse(row.results),
    error: row.error === null ? null : z.enum(runErrors).catch("not-run").parse(row.error),
    callId: row.testCallPlan.callId,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export const runInclude = { testCallPlan: { select: { callId: true } } } as const;
