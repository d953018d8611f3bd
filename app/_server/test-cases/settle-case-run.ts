import { z } from "zod";
import type { PrismaClient } from "@/prisma/client";
import type { SimulatorControl } from "@/workers/ari-simulator/control/client";
import { toJsonValue } from "./to-json-value";
import { simulatorControl } from "@/app/_server/test-calls/simulator";
import { CASE_CALL_LIMIT_S } from "./case-script";
import { checkExpectations } from "./check-expectations";
import { storedCaseSchema } from "./test-case-input";
import type { RunStatus } from "./test-case-view";

/** A run whose call has not ended this long after it started is given up (the engine lost it). */
const GIVE_UP_MS = (CASE_CALL_LIMIT_S + 60) * 1000;

const handoverSchema = z.union([z.object({ kind: z.literal("queue"), queue: z.string() }), z.object({ kind: z.string(), target: z.string() })]);

function transferTarget(handover: unknown): string | null {
  const parsed = handoverSchema.safeParse(handover);
  if (!parsed.success) return null;
  return "queue" in parsed.data ? parsed.data.queue : parsed.data.target;
}

async function simulatorSaysOver(control: SimulatorControl, callId: string | null): Promise<boolean> {
  if (callId === null) return true;
  try {
    return (await control.getCall(callId)).done;
  } catch {
    // The simulator forgot the call (restarted): it is over.
    return true;
  }
}

/**
 * Decides a running case run once its call has ended: the assertions against the stored trace, or
 * "error" when the engine never ran the call. Nothing lives in a process's memory: any request may
 * settle a run, and a conditional update makes two of them agree.
 */
export async function settleCaseRun(db: PrismaClient, runId: string, control: SimulatorControl = simulatorControl()): Promise<void> {
  const run = await db.testCaseRun.findUniqueOrThrow({ where: { id: runId }, include: { testCallPlan: { select: { callId: true } } } });
  if (run.status !== "running") return;
  const execution = await db.callExecution.findFirst({
    where: { testCallPlanId: run.testCallPlanId },
    include: { steps: { orderBy: { seq: "asc" }, select: { nodeId: true, label: true } } },
  });
  const age = Date.now() - run.startedAt.getTime();
  let outcome: { status: RunStatus; results?: unknown; error?: string } | null = null;
  if (execution?.endedAt != null) {
    const testCase = storedCaseSchema.parse(run.caseSnapshot);
    const results = checkExpectations(testCase.expectations, execution.steps, { outcome: execution.outcome, transferredTo: transferTarget(execution.handover) });
    outcome = { status: results.every((result) => result.ok) ? "passed" : "failed", results };
  } else if (execution === null && (await simulatorSaysOver(control, run.testCallPlan.callId))) {
    outcome = { status: "error", error: "not-run" };
  } else if (age > GIVE_UP_MS) {
    outcome = { status: "error", error: "no-end" };
  }
  if (outcome === null) return;
  await db.testCaseRun.updateMany({
    where: { id: runId, status: "running" },
    data: { status: outcome.status, results: outcome.results === undefined ? undefined : toJsonValue(outcome.results), error: outcome.error ?? null, finishedAt: new Date() },
  });
}
