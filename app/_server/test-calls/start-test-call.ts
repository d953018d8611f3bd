import { compileGraph } from "@/flows-runtime/compiler/compile";
import { readKnownQueues } from "@/app/_server/queues/read-known-queues";
import { prisma, type PrismaClient } from "@/prisma/client";
import type { SimulatorControl } from "@/workers/ari-simulator/control/client";
import type { AppLocale } from "@/app/_i18n/locales";
import type { Session } from "@/app/_server/auth/session";
import { writeAudit } from "@/app/_server/audit/write-audit";
import { invalidGraph } from "@/app/_server/flows/graph-issues";
import { readHttpPolicy } from "@/app/_server/http-allow-list/read-http-policy";
import { loadFlow } from "@/app/_server/flows/load-flow";
import { toJsonObject } from "@/app/_server/flows/to-json-object";
import { simulatorControl, stasisApp, TEST_CALL_ARG, TEST_CALL_MAX, TEST_CALLER, TEST_DIALED } from "./simulator";
import { simulatorUnavailable } from "./test-call-errors";

export interface StartedTestCall {
  callId: string;
  testPlanId: string;
}

/**
 * Compiles the flow's current draft (refused with every issue when invalid), keeps the plan as a
 * test snapshot and places an interactive simulated call that runs it through the real engine.
 */
export async function startTestCall(
  actor: Session,
  flowId: string,
  locale: AppLocale,
  deps: { db?: PrismaClient; control?: SimulatorControl } = {},
): Promise<StartedTestCall> {
  const db = deps.db ?? prisma();
  await loadFlow(db, actor, flowId, "flow.editDraft");
  const { draftGraph } = await db.flow.findUniqueOrThrow({ where: { id: flowId }, select: { draftGraph: true } });
  const published = await db.flow.findMany({ where: { liveVersionId: { not: null }, deletedAt: null }, select: { id: true } });
  // A test call runs the unreviewed draft with the real activities: the same HTTP allow-list applies.
  const compiled = compileGraph(draftGraph, { knownFlowIds: published.map((flow) => flow.id), httpPolicy: await readHttpPolicy(db), knownQueues: await readKnownQueues(db) });
  if (!compiled.ok) throw invalidGraph(compiled.issues, locale, "The draft cannot be test-called until its problems are fixed.");

  const snapshot = await db.testCallPlan.create({
    data: { flowId, plan: toJsonObject(compiled.plan), graph: toJsonObject(draftGraph), createdById: actor.userId },
    select: { id: true },
  });
  const control = deps.control ?? simulatorControl();
  let placed: { callId: string; rejected: boolean };
  try {
    placed = await control.placeCall({
      to: TEST_DIALED,
      from: TEST_CALLER,
      app: stasisApp(),
      args: [TEST_CALL_ARG, snapshot.id],
      script: `hangup after ${TEST_CALL_MAX}`,
    });
  } catch (error) {
    throw simulatorUnavailable(error instanceof Error ? error.message : String(error));
  }
  if (placed.rejected) throw simulatorUnavailable(`the Stasis application "${stasisApp()}" is not connected`);
  await db.$transaction(async (tx) => {
    await tx.testCallPlan.update({ where: { id: snapshot.id }, data: { callId: placed.callId } });
    // Audited: a test call runs unreviewed draft logic (its HTTP requests included) through the real engine.
    await writeAudit(tx, actor, { action: "testCall.start", targetType: "testCall", targetId: placed.callId, flowId, details: { testPlanId: snapshot.id } });
  });
  return { callId: placed.callId, testPlanId: snapshot.id };
}
