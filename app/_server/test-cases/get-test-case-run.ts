import { prisma, type PrismaClient } from "@/prisma/client";
import type { SimulatorControl } from "@/workers/ari-simulator/control/client";
import type { Session } from "@/app/_server/auth/session";
import { loadFlow } from "@/app/_server/flows/load-flow";
import { settleCaseRun } from "./settle-case-run";
import { testCaseRunNotFound } from "./test-case-errors";
import { runInclude, toRunView, type TestCaseRunView } from "./test-case-view";

/** One run of the flow's cases; a run whose call has ended is decided on the way. */
export async function getTestCaseRun(actor: Session, flowId: string, runId: string, deps: { db?: PrismaClient; control?: SimulatorControl } = {}): Promise<TestCaseRunView> {
  const db = deps.db ?? prisma();
  await loadFlow(db, actor, flowId, "flow.view", { allowDeleted: true });
  const found = await db.testCaseRun.findUnique({ where: { id: runId }, select: { flowId: true } });
  if (found === null || found.flowId !== flowId) throw testCaseRunNotFound(runId);
  await settleCaseRun(db, runId, deps.control);
  return toRunView(await db.testCaseRun.findUniqueOrThrow({ where: { id: runId }, include: runInclude }));
}
