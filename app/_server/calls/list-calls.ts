import { z } from "zod";
import { prisma, type PrismaClient } from "@/prisma/client";
import { timeZone } from "@/app/_i18n/time-zone";
import { callPageSql, decodeCursor, encodeCursor, type CallCursor, type CallFilters, type CallQuery } from "./call-query";
import { callRowSchema, toCallSummary, type CallRow, type CallSummary } from "./call-row";

const rowsSchema = z.array(callRowSchema);

/** One page of rows and the cursor of the next, for the list and the CSV export. */
export async function readCallPage(db: PrismaClient, filters: CallFilters, cursor: CallCursor | null, limit: number): Promise<{ rows: CallRow[]; next: CallCursor | null }> {
  const rows = rowsSchema.parse(await db.$queryRaw(callPageSql(filters, timeZone(), cursor, limit)));
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, next: rows.length > limit && last !== undefined ? { startedAt: last.startedAt, id: last.id } : null };
}

/** Newest first, a page at a time (keyset: `nextAfter` names the last call shown). Permission (call.view) is checked by the route or page. */
export async function listCalls(query: CallQuery, db: PrismaClient = prisma()): Promise<{ calls: CallSummary[]; nextAfter: string | null }> {
  const { after, limit, ...filters } = query;
  const { rows, next } = await readCallPage(db, filters, after === undefined ? null : decodeCursor(after), limit);
  return { calls: rows.map(toCallSummary), nextAfter: next === null ? null : encodeCursor(next) };
}
