import { prisma, type PrismaClient } from "@/prisma/client";
import type { SimulatorControl } from "@/workers/ari-simulator/control/client";
import type { AppLocale } from "@/app/_i18n/locales";
import type { Session } from "@/app/_server/auth/session";
import { writeAudit } from "@/app/_server/audit/write-audit";
import { compileDraftForTest } from "@/app/_server/test-calls/compile-draft-for-test";
import { loadTestCase } from "./load-test-case";
import { startCaseRun } from "./start-case-run";
import type { TestCaseRunView } from "./test-case-view";

/**
 * Runs a saved case on the current draft; poll the run for its result (audited). Anyone who may see the
 * flow may rerun its cases: the call is simulated and reaches no real caller; changing cases needs editDraft.
 */
export async function runTestCase(
  actor: Session,
  flowId: string,
  caseId: string,
  locale: AppLocale,
  deps: { db?: PrismaClient; control?: SimulatorControl } = {},
): Promise<TestCaseRunView> {
  const db = deps.db ?? prisma();
  const { id, flowId: _flow, updatedAt: _at, ...testCase } = await loadTestCase(db, actor, flowId, caseId, "flow.view");
  const { plan, graph } = await compileDraftForTest(db, flowId, locale);
  const run = await startCaseRun(db, { flowId, testCaseId: id, testCase, plan, graph, startedById: actor.userId }, deps.control);
  if (run.callId !== null) {
    await writeAudit(db, actor, { action: "testCall.start", targetType: "testCall", targetId: run.callId, flowId, details: { testCaseId: id, testCaseRunId: run.id, name: testCase.name } });
  }
  return run;
}
