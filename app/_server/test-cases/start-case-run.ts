import type { Plan } from "@/flows-runtime/plan/schema";
import type { PrismaClient } from "@/prisma/client";
import type { SimulatorControl } from "@/workers/ari-simulator/control/client";
import { toJsonObject } from "@/app/_server/flows/to-json-object";
import { AppError } from "@/app/_server/http/app-error";
import { createTestSnapshot, dialTestCall } from "@/app/_server/test-calls/place-test-call";
import { caseScript } from "./case-script";
import type { StoredCase } from "./test-case-input";
import { runInclude, toRunView, type TestCaseRunView } from "./test-case-view";

export interface CaseRunRequest {
  flowId: string;
  testCaseId: string;
  testCase: StoredCase;
  plan: Plan;
  graph: unknown;
  startedById: string;
  reviewId?: string;
}

/**
 * Places the case's call on a plan (the draft, or a review's candidate) and records the run. The
 * result is decided once the call has ended (settleCaseRun); a call that cannot be placed is a run
 * with status "error" and the reason, not a failure of whatever asked for it; so is one of a flow that
 * is not an IVR, never dialed.
 */
export async function startCaseRun(db: PrismaClient, request: CaseRunRequest, control?: SimulatorControl): Promise<TestCaseRunView> {
  const { testCase } = request;
  const testPlanId = await createTestSnapshot(db, { flowId: request.flowId, plan: request.plan, graph: request.graph, pretend: testCase.pretend, createdById: request.startedById });
  const run = await db.testCaseRun.create({
    data: {
      testCaseId: request.testCaseId,
      flowId: request.flowId,
      caseSnapshot: toJsonObject(testCase),
      reviewId: request.reviewId ?? null,
      testCallPlanId: testPlanId,
      startedById: request.startedById,
    },
    select: { id: true },
  });
  if (request.plan.kind !== "ivr") {
    // A review's candidate of a routing or campaign flow: its cases are shown as not runnable.
    await db.testCaseRun.update({ where: { id: run.id }, data: { status: "error", error: "not-ivr", finishedAt: new Date() } });
    return toRunView(await db.testCaseRun.findUniqueOrThrow({ where: { id: run.id }, include: runInclude }));
  }
  try {
    await dialTestCall(db, { testPlanId, pretend: testCase.pretend, script: caseScript(testCase.inputs) }, control);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await db.testCaseRun.update({ where: { id: run.id }, data: { status: "error", error: "unavailable", finishedAt: new Date() } });
  }
  return toRunView(await db.testCaseRun.findUniqueOrThrow({ where: { id: run.id }, include: runInclude }));
}
