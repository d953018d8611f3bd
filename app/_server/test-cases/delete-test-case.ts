import { prisma, type PrismaClient } from "@/prisma/client";
import type { Session } from "@/app/_server/auth/session";
import { writeAudit } from "@/app/_server/audit/write-audit";
import { loadTestCase } from "./load-test-case";
import type { TestCaseView } from "./test-case-view";

/** Deletes a case (audited with what it was); its past runs stay, so a review still shows what ran. */
export async function deleteTestCase(actor: Session, flowId: string, caseId: string, db: PrismaClient = prisma()): Promise<TestCaseView> {
  const existing = await loadTestCase(db, actor, flowId, caseId, "flow.editDraft");
  await db.$transaction(async (tx) => {
    await tx.testCase.delete({ where: { id: caseId } });
    const { id: _id, flowId: _flow, updatedAt: _at, ...deleted } = existing;
    await writeAudit(tx, actor, { action: "testCase.delete", targetType: "testCase", targetId: caseId, flowId, details: { deleted } });
  });
  return existing;
}
