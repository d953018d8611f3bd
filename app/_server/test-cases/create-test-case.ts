import { prisma, type PrismaClient } from "@/prisma/client";
import type { Session } from "@/app/_server/auth/session";
import { writeAudit } from "@/app/_server/audit/write-audit";
import { loadFlow } from "@/app/_server/flows/load-flow";
import { toJsonObject } from "@/app/_server/flows/to-json-object";
import { toJsonValue } from "./to-json-value";
import { testCaseNameTaken } from "./test-case-errors";
import type { TestCaseInput } from "./test-case-input";
import { toTestCaseView, type TestCaseView } from "./test-case-view";

/** Saves a named test case with the flow (audited); names are unique per flow. */
export async function createTestCase(actor: Session, flowId: string, input: TestCaseInput, db: PrismaClient = prisma()): Promise<TestCaseView> {
  await loadFlow(db, actor, flowId, "flow.editDraft");
  if ((await db.testCase.count({ where: { flowId, name: input.name } })) > 0) throw testCaseNameTaken(input.name);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.testCase.create({
      data: {
        flowId,
        name: input.name,
        pretend: toJsonObject(input.pretend),
        inputs: toJsonValue(input.inputs),
        expectations: toJsonObject(input.expectations),
        createdById: actor.userId,
        updatedById: actor.userId,
      },
    });
    await writeAudit(tx, actor, { action: "testCase.create", targetType: "testCase", targetId: created.id, flowId, details: { ...input } });
    return created;
  });
  return toTestCaseView(row);
}
