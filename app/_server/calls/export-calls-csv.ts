import { prisma, type PrismaClient } from "@/prisma/client";
import { timeZone } from "@/app/_i18n/time-zone";
import { csvLine } from "@/app/_server/audit/csv";
import type { CallCursor, CallFilters } from "./call-query";
import { toCallSummary } from "./call-row";
import { readCallPage } from "./list-calls";
import { zonedText } from "./zoned-time";

export const callExportLimit = 50_000;
const batchSize = 1_000;

/**
 * The filtered log as CSV, newest first (at most callExportLimit rows), read a page at a time. Cells
 * go through the audit export's csvLine (quoted, formula-safe); a UTF-8 byte order mark lets
 * spreadsheet programs show Chinese flow names.
 */
export async function exportCallsCsv(filters: CallFilters, db: PrismaClient = prisma()): Promise<string> {
  const zone = timeZone();
  const header = [`started_at (${zone})`, `ended_at (${zone})`, "duration_s", "flow", "flow_id", "version", "caller", "dialed", "outcome", "last_node", "voicemail", "error", "call_id"];
  const lines = ["\uFEFF", csvLine(header)];
  let cursor: CallCursor | null = null;
  for (let total = 0; total < callExportLimit; ) {
    const { rows, next } = await readCallPage(db, filters, cursor, Math.min(batchSize, callExportLimit - total));
    for (const row of rows) {
      const call = toCallSummary(row);
      lines.push(
        csvLine([
          zonedText(row.startedAt, zone),
          row.endedAt === null ? "" : zonedText(row.endedAt, zone),
          call.durationSeconds === null ? "" : String(call.durationSeconds),
          call.flowName,
          call.flowId,
          call.versionNumber === null ? "" : String(call.versionNumber),
          call.caller,
          call.dialed,
          call.outcome ?? "running",
          call.lastNodeLabel ?? call.lastNodeId,
          call.hasRecording ? "yes" : "no",
          call.error,
          call.id,
        ]),
      );
    }
    total += rows.length;
    if (next === null) break;
    cursor = next;
  }
  return lines.join("");
}
