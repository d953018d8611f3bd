import { z } from "zod";
import { prisma, type PrismaClient } from "@/prisma/client";
import type { Prisma } from "@/prisma/generated/client";
import { timeZone } from "@/app/_i18n/time-zone";
import { auditActionSchema } from "./audit-actions";
import { nextDay, startOfDay } from "./zoned-day";

const daySchema = z.iso.date({ error: "must be a date (YYYY-MM-DD)" });

/** Filters of the audit page and its CSV export; days are calendar days in the contact center's zone, both inclusive. */
export const auditQuerySchema = z.object({
  actorId: z.string().min(1).max(100).optional(),
  action: auditActionSchema.optional(),
  flowId: z.string().min(1).max(100).optional(),
  /** Part of a flow's name, any case: entries about every flow whose name contains it. */
  flowName: z.string().trim().min(1).max(200).optional(),
  from: daySchema.optional(),
  to: daySchema.optional(),
  /** Entries older than this id (the previous page's `nextBefore`). */
  before: z.string().regex(/^\d{1,19}$/, "must be an entry id").optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export interface AuditEntryView {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string;
  actorRole: string | null;
  apiTokenId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  flowId: string | null;
  details: unknown;
  ip: string | null;
}

/** The flows a name filter means (null: no name filter); entries keep flow ids, names change. */
export async function flowIdsNamed(query: Pick<AuditQuery, "flowName">, db: PrismaClient): Promise<string[] | null> {
  if (query.flowName === undefined) return null;
  const flows = await db.flow.findMany({ where: { name: { contains: query.flowName, mode: "insensitive" } }, select: { id: true } });
  return flows.map((flow) => flow.id);
}

export function auditWhere(query: Omit<AuditQuery, "limit" | "before">, namedFlowIds: string[] | null = null): Prisma.AuditEntryWhereInput {
  const zone = timeZone();
  const named = namedFlowIds === null ? undefined : { flowId: { in: namedFlowIds } };
  return {
    ...(named === undefined ? {} : { AND: [named] }),
    actorId: query.actorId,
    action: query.action,
    flowId: query.flowId,
    at: {
      gte: query.from === undefined ? undefined : startOfDay(query.from, zone),
      lt: query.to === undefined ? undefined : startOfDay(nextDay(query.to), zone),
    },
  };
}

type AuditRow = Prisma.AuditEntryGetPayload<object>;

export function toAuditEntryView(row: AuditRow): AuditEntryView {
  return { ...row, id: row.id.toString(), at: row.at.toISOString() };
}

/** Newest first, a page at a time. Permission (audit.view) is checked by the route or page. */
export async function listAudit(query: AuditQuery, db: PrismaClient = prisma()): Promise<{ entries: AuditEntryView[]; nextBefore: string | null }> {
  const where = auditWhere(query, await flowIdsNamed(query, db));
  const rows = await db.auditEntry.findMany({
    where: query.before === undefined ? where : { AND: [where, { id: { lt: BigInt(query.before) } }] },
    orderBy: { id: "desc" },
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { entries: page.map(toAuditEntryView), nextBefore: rows.length > query.limit && last ? last.id.toString() : null };
}
