import { planSchema } from "@/flows-runtime/plan/schema";
import type { PrismaClient } from "@/prisma/client";
import type { SimulatorControl } from "@/workers/ari-simulator/control/client";
import type { Session } from "@/app/_server/auth/session";
import { startCaseRun } from "./start-case-run";
import { toTestCaseView } from "./test-case-view";

/**
 * Runs every saved case of the flow against a review's candidate version; the runs are stored with
 * the review, so the reviewer sees the same results. A failing (or unrunnable) case never blocks the
 * submission: it is shown on the review page.
 */
export async function runReviewCases(db: PrismaClient, actor: Session, review: { flowId: string; reviewId: string; versionId: string }, control?: SimulatorControl): Promise<number> {
  const cases = await db.testCase.findMany({ where: { flowId: review.flowId }, orderBy: { name: "asc" } });
  if (cases.length === 0) return 0;
  const version = await db.flowVersion.findUniqueOrThrow({ where: { id: review.versionId }, select: { plan: true, graph: true } });
  const plan = planSchema.parse(version.plan);
  for (const row of cases) {
    const { id, flowId: _flow, updatedAt: _at, ...testCase } = toTestCaseView(row);
    await startCaseRun(db, { flowId: review.flowId, testCaseId: id, testCase, plan, graph: version.graph, startedById: actor.userId, reviewId: review.reviewId }, control);
  }
  return cases.length;
}
