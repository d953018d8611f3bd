import { prisma, type PrismaClient } from "@/prisma/client";
import type { Session } from "@/app/_server/auth/session";
import { loadFlow } from "@/app/_server/flows/load-flow";
import { runInclude, toRunView, toTestCaseView, type TestCaseRunView, type TestCaseView } from "./test-case-view";

export interface ListedTestCase extends TestCaseView {
  lastRun: TestCaseRunView | null;
}

/** The flow's saved test cases by name, each with its latest run (anyone who may see the flow). */
export async function listTestCases(actor: Session, flowId: string, db: PrismaClient = prisma()): Promise<ListedTestCase[]> {
  await loadFlow(db, actor, flowId, "flow.view", { allowDeleted: true });
  const rows = await db.testCase.findMany({
    where: { flowId },
    orderBy: { name: "asc" },
    include: { runs: { orderBy: { startedAt: "desc" }, take: 1, include: runInclude } },
  });
  return rows.map((row) => {
    const [last] = row.runs;
    return { ...toTestCaseView(row), lastRun: last === undefined ? null : toRunView(last) };
  });
}
