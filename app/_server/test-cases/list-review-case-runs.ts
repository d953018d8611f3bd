import { prisma, type PrismaClient } from "@/prisma/client";
import type { SimulatorControl } from "@/workers/ari-simulator/control/client";
import type { Session } from "@/app/_server/auth/session";
import { loadFlow } from "@/app/_server/flows/load-flow";
import { reviewNotFound } from "@/app/_server/versions/version-errors";
import { settleCaseRun } from "./settle-case-run";
import { runInclude, toRunView, type TestCaseRunView } from "./test-case-view";

/** The saved cases run on a review's candidate at submission, by case name; runs whose calls ended are decided on the way. */
export async function listReviewCaseRuns(actor: Session, flowId: string, reviewId: string, deps: { db?: PrismaClient; control?: SimulatorControl } = {}): Promise<TestCaseRunView[]> {
  const db = deps.db ?? prisma();
  await loadFlow(db, actor, flowId, "flow.view", { allowDeleted: true });
  const review = await db.flowReview.findUnique({ where: { id: reviewId }, select: { flowId: true } });
  if (review === null || review.flowId !== flowId) throw reviewNotFound(reviewId);
  const running = await db.testCaseRun.findMany({ where: { reviewId, status: "running" }, select: { id: true } });
  for (const run of running) await settleCaseRun(db, run.id, deps.control);
  const runs = await db.testCaseRun.findMany({ where: { reviewId }, include: runInclude });
  return runs.map(toRunView).sort((a, b) => a.testCase.name.localeCompare(b.testCase.name));
}
