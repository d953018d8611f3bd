import { prisma, type PrismaClient } from "@/prisma/client";
import { csvLine } from "./csv";
import { auditWhere, flowIdsNamed, toAuditEntryView, type AuditQuery } from "./list-audit";

export const auditExportLimit = 50_000;
const batchSize = 1_000;
const header = ["time", "actor", "actor_id", "role", "api_token_id", "action", "target_type", "target_id", "flow_id", "ip", "details"];

/**
 * The filtered log as CSV, newest first (at most auditExportLimit rows), read in batches. Starts with a
 * UTF-8 byte order mark so that spreadsheet programs show Chinese names correctly.
 */
export async function exportAuditCsv(query: Omit<AuditQuery, "limit" | "before">, db: PrismaClient = prisma()): Promise<string> {
  const where = auditWhere(query, await flowIdsNamed(query, db));
  const lines = ["\uFEFF", csvLine(header)];
  let before: bigint | undefined;
  for (let total = 0; total < auditExportLimit; ) {
    const rows = await db.auditEntry.findMany({
      where: before === undefined ? where : { AND: [where, { id: { lt: before } }] },
      orderBy: { id: "desc" },
      take: Math.min(batchSize, auditExportLimit - total),
    });
    for (const row of rows) {
      const entry = toAuditEntryView(row);
      lines.push(
        csvLine([entry.at, entry.actorName, entry.actorId, entry.actorRole, entry.apiTokenId, entry.action, entry.targetType, entry.targetId, entry.flowId, entry.ip, JSON.stringify(entry.details)]),
      );
    }
    total += rows.length;
    const last = rows.at(-1);
    if (last === undefined || rows.length < batchSize) break;
    before = last.id;
  }
  return lines.join("");
}
