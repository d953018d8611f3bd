import { prisma, type PrismaClient } from "@/prisma/client";
import type { SimulatorControl } from "@/workers/ari-simulator/control/client";
import type { Session } from "@/app/_server/auth/session";
import { loadTestCall } from "./load-test-call";
import { simulatorControl } from "./simulator";
import { simulatorUnavailable } from "./test-call-errors";

/** The caller presses keys (or hangs up) on a test call. */
export async function pressKeys(actor: Session, flowId: string, callId: string, digits: string, deps: { db?: PrismaClient; control?: SimulatorControl } = {}): Promise<void> {
  await loadTestCall(deps.db ?? prisma(), actor, flowId, callId);
  try {
    await (deps.control ?? simulatorControl()).press(callId, digits);
  } catch (error) {
    throw simulatorUnavailable(error instanceof Error ? error.message : String(error));
  }
}

export async function hangUpTestCall(actor: Session, flowId: string, callId: string, deps: { db?: PrismaClient; control?: SimulatorControl } = {}): Promise<void> {
  await loadTestCall(deps.db ?? prisma(), actor, flowId, callId);
  try {
    await (deps.control ?? simulatorControl()).hangup(callId);
  } catch {
    // Already gone: hanging up is done either way.
  }
}
