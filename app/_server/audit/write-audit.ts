import type { Prisma } from "@/prisma/generated/client";
import type { Session } from "@/app/_server/auth/session";
import { toJsonObject } from "@/app/_server/flows/to-json-object";
import type { AuditAction, AuditTargetType } from "./audit-actions";

export interface AuditRecord {
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string;
  flowId?: string | null;
  details?: Record<string, unknown>;
}

/**
 * Appends one entry. Call it with the transaction client of the change it records, so that a change
 * is never stored without its entry (nor an entry without its change).
 */
export async function writeAudit(db: Prisma.TransactionClient, actor: Session, record: AuditRecord): Promise<void> {
  await db.auditEntry.create({
    data: {
      actorId: actor.userId,
      actorName: actor.name,
      actorRole: actor.role,
      apiTokenId: actor.apiToken?.id ?? null,
      action: record.action,
      targetType: record.targetType,
      targetId: record.targetId,
      flowId: record.flowId ?? null,
      details: toJsonObject(record.details ?? {}),
      ip: actor.ip ?? null,
    },
  });
}
