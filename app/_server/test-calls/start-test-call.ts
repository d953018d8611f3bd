import type { Pretend } from "@/flows-runtime/pretend/pretend-schema";
import { prisma, type PrismaClient } from "@/prisma/client";
import type { SimulatorControl } from "@/workers/ari-simulator/control/client";
import type { AppLocale } from "@/app/_i18n/locales";
import type { Session } from "@/app/_server/auth/session";
import { writeAudit } from "@/app/_server/audit/write-audit";
import { loadFlow } from "@/app/_server/flows/load-flow";
import { compileDraftForTest } from "./compile-draft-for-test";
import { createTestSnapshot, dialTestCall } from "./place-test-call";

export interface StartedTestCall {
  callId: string;
  testPlanId: string;
}

/**
 * Compiles the flow's current draft (refused with every issue when invalid), keeps the plan as a
 * test snapshot and places an interactive simulated call that runs it through the real engine,
 * pretending what `pretend` says (time, caller, dialed number, language, variables, HTTP answers).
 */
export async function startTestCall(
  actor: Session,
  flowId: string,
  locale: AppLocale,
  pretend: Pretend = {},
  deps: { db?: PrismaClient; control?: SimulatorControl } = {},
): Promise<StartedTestCall> {
  const db = deps.db ?? prisma();
  await loadFlow(db, actor, flowId, "flow.editDraft");
  const { plan, graph } = await compileDraftForTest(db, flowId, locale);
  const testPlanId = await createTestSnapshot(db, { flowId, plan, graph, pretend, createdById: actor.userId });
  const callId = await dialTestCall(db, { testPlanId, pretend }, deps.control);
  // Audited: a test call runs unreviewed draft logic (its HTTP requests included) through the real engine.
  await writeAudit(db, actor, { action: "testCall.start", targetType: "testCall", targetId: callId, flowId, details: { testPlanId, ...(Object.keys(pretend).length > 0 ? { pretend } : {}) } });
  return { callId, testPlanId };
}
