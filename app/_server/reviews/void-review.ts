import type { Prisma, ReviewStatus } from "@/prisma/generated/client";
import type { Session } from "@/app/_server/auth/session";
import { writeAudit } from "@/app/_server/audit/write-audit";

interface OpenReview {
  id: string;
  status: ReviewStatus;
  version: { id: string; number: number };
}

/**
 * Voids one open review and audits why, unless another transaction has moved it on meanwhile (its
 * status no longer the one read): then nothing is written.
 */
export async function voidReview(tx: Prisma.TransactionClient, actor: Session, flowId: string, review: OpenReview, details: Record<string, string | number>): Promise<void> {
  const voided = await tx.flowReview.updateMany({ where: { id: review.id, status: review.status }, data: { status: "void", voidedAt: new Date() } });
  if (voided.count === 0) return;
  await writeAudit(tx, actor, {
    action: "review.void",
    targetType: "review",
    targetId: review.id,
    flowId,
    details: { ...details, versionId: review.version.id, number: review.version.number },
  });
}
