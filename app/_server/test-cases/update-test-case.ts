import { prisma, type PrismaClient } from "@/prisma/client";
import type { Session } from "@/app/_server/auth/session";
import { writeAudit } from "@/app/_server/audit/write-audit";
import { toJsonObject } from "@/app/_server/flows/to-json-object";
import { toJsonValue } from "./to-json-value";
import { loadTestCase } from "./load-test-case";
import { testCaseNameTaken } from "./test-case-errors";
import type { TestCaseInput } from "./test-case-input";
import { toTestCaseView, type TestCaseView } from "./test-case-view";

/** Replaces a case's name, pretend settings, inputs and expectations (audited with before and after). */
export async function updateTestCase(actor: Session, flowId: string, caseId: string, input: TestCaseInput, db: PrismaClient = prisma()): Promise<TestCaseView> {
  const before = await loadTestCase(db, actor, flowId, caseId, "flow.editDraft");
  if (input.name !== before.name && (await db.testCase.count({ where: { flowId, name: input.name } })) > 0) throw testCaseNameTaken(input.name);
  const row = await db.$transaction(async (tx) => {
    const updated = await tx.testCase.update({
      where: { id: caseId },
      data: {
        name: input.name,
        pretend: toJsonObject(input.pretend),
        inputs: toJsonValue(input.inputs),
        expectations: toJsonObject(input.expectations),
        updatedById: actor.userId,
      },
    });
    const { id: _id, flowId: _flow, updatedAt: _at, ...previous } = before;
    await writeAudit(tx, actor, { action: "testCase.update", targetType: "testCase", targetId: caseId, flowId, details: { before: previous, after: input } });
    return updated;
  });
  return toTestCaseView(row);
}
