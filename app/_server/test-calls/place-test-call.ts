import type { Pretend } from "@/flows-runtime/pretend/pretend-schema";
import type { Plan } from "@/flows-runtime/plan/schema";
import type { PrismaClient } from "@/prisma/client";
import type { SimulatorControl } from "@/workers/ari-simulator/control/client";
import { toJsonObject } from "@/app/_server/flows/to-json-object";
import { simulatorControl, stasisApp, TEST_CALL_ARG, TEST_CALL_MAX, TEST_CALLER, TEST_DIALED } from "./simulator";
import { simulatorUnavailable } from "./test-call-errors";

export interface TestSnapshot {
  flowId: string;
  plan: Plan;
  graph: unknown;
  pretend: Pretend;
  createdById: string;
}

/** Keeps a compiled plan as a test snapshot with what the call pretends; the ARI bridge hands both to the workflow. */
export async function createTestSnapshot(db: PrismaClient, snapshot: TestSnapshot): Promise<string> {
  const pretends = Object.keys(snapshot.pretend).length > 0;
  const created = await db.testCallPlan.create({
    data: {
      flowId: snapshot.flowId,
      plan: toJsonObject(snapshot.plan),
      graph: toJsonObject(snapshot.graph),
      createdById: snapshot.createdById,
      ...(pretends ? { pretend: toJsonObject(snapshot.pretend) } : {}),
    },
    select: { id: true },
  });
  return created.id;
}

/**
 * Places a simulated call into our Stasis app that runs the snapshot. The pretended caller and dialed
 * number are the simulated channel's own: what the bridge and the flow see on a real call.
 */
export async function dialTestCall(
  db: PrismaClient,
  call: { testPlanId: string; pretend: Pretend; script?: string },
  control: SimulatorControl = simulatorControl(),
): Promise<string> {
  let placed: { callId: string; rejected: boolean };
  try {
    placed = await control.placeCall({
      to: call.pretend.dialed ?? TEST_DIALED,
      from: call.pretend.caller ?? TEST_CALLER,
      app: stasisApp(),
      args: [TEST_CALL_ARG, call.testPlanId],
      script: call.script ?? `hangup after ${TEST_CALL_MAX}`,
    });
  } catch (error) {
    throw simulatorUnavailable(error instanceof Error ? error.message : String(error));
  }
  if (placed.rejected) throw simulatorUnavailable(`the Stasis application "${stasisApp()}" is not connected`);
  await db.testCallPlan.update({ where: { id: call.testPlanId }, data: { callId: placed.callId } });
  return placed.callId;
}
