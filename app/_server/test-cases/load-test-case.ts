import type { PrismaClient } from "@/prisma/client";
import type { FlowAction } from "@/app/_server/auth/permissions";
import type { Session } from "@/app/_server/auth/session";
import { loadFlow } from "@/app/_server/flows/load-flow";
import { testCaseNotFound } from "./test-case-errors";
import { toTestCaseView, type TestCaseView } from "./test-case-view";

/** The case, after checking it belongs to this flow and the actor may do `action` on the flow. */
export async function loadTestCase(db: PrismaClient, actor: Session, flowId: string, caseId: string, action: FlowAction): Promise<TestCaseView> {
  await loadFlow(db, actor, flowId, action);
  const row = await db.testCase.findUnique({ where: { id: caseId } });
  if (row === null || row.flowId !== flowId) throw testCaseNotFound(caseId);
  return toTestCaseView(row);
}
