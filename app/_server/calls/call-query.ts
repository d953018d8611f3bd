import { z } from "zod";
import { Prisma } from "@/prisma/generated/client";
import { callOutcomeSchema } from "./call-outcomes";
import { zonedEnd, zonedInstant } from "./zoned-time";


/** A GET form sends every field, empty ones as "": those mean "no filter". */
const optional = <Schema extends z.ZodType>(schema: Schema) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const localTime = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, "must be a date (YYYY-MM-DD) or a time (YYYY-MM-DDTHH:mm)");
const id = z.string().min(1).max(100);
const number = z.string().max(64).regex(/^[0-9A-Za-z+*#._@:-]+$/, "must be a phone number or an extension");
const seconds = z.coerce.number({ error: "must be a number of seconds" }).int("must be whole seconds").min(0).max(86_400 * 7);
const cursorPattern = /^(\d{1,15})\.([A-Za-z0-9_-]{1,100})$/;

/** Filters of the call log page, its API and its CSV export. Times are wall-clock times in the contact center's zone. */
export const callQueryFields = z.object({
    from: optional(localTime),
    to: optional(localTime),
    flowId: optional(id),
    versionId: optional(id),
    caller: optional(number),
    dialed: optional(number),
    outcome: optional(callOutcomeSchema),
    /** Seconds from answer to end, both inclusive; running calls have no duration yet. */
    minDuration: optional(seconds),
    maxDuration: optional(seconds),
    /** A node the call went through: "<nodeId>", or "<subflowId>:<nodeId>" inside a subflow. */
    nodeId: optional(z.string().min(1).max(201)),
    voicemail: optional(z.enum(["yes", "no"])),
    /** Calls older than this one (the previous page's `nextAfter`). */
    after: optional(z.string().regex(cursorPattern, "must be a page cursor (nextAfter of the previous page)")),
    limit: z.coerce.number().int().min(1).max(200).default(50),
});

const durationsInOrder = (query: { minDuration?: number; maxDuration?: number }) =>
  query.minDuration === undefined || query.maxDuration === undefined || query.minDuration <= query.maxDuration;
const durationProblem = { path: ["maxDuration"], message: "must not be below minDuration" };

export const callQuerySchema = callQueryFields.refine(durationsInOrder, durationProblem);
/** The export takes every filter but no paging. */
export const callFiltersSchema = callQueryFields.omit({ after: true, limit: true }).refine(durationsInOrder, durationProblem);
export type CallQuery = z.infer<typeof callQuerySchema>;
export type CallFilters = z.infer<typeof callFiltersSchema>;

export interface CallCursor {
  startedAt: Date;
  id: string;
}

/** The page cursor: the last row's start (epoch ms) and id, the columns the log is ordered by. */
export function encodeCursor(cursor: CallCursor): string {
  return `${cursor.startedAt.getTime()}.${cursor.id}`;
}

export function decodeCursor(text: string): CallCursor {
  const match = cursorPattern.exec(text);
  if (match === null) throw new Error(`not a call log cursor: ${text}`);
  return { startedAt: new Date(Number(match[1])), id: match[2] ?? "" };
}

/**
 * The WHERE clause of the log (real calls only: designer test calls have their own panel). Every
 * filter is a bound parameter. The indexes of migration call_log_indexes end in (startedAt, id), so
 * with the ORDER BY below PostgreSQL walks one index backwards and stops after a page.
 */
export function callWhereSql(filters: CallFilters, timeZone: string, cursor: CallCursor | null = null): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`e."testCallPlanId" IS NULL`];
  if (filters.from !== undefined) conditions.push(Prisma.sql`e."startedAt" >= ${zonedInstant(filters.from, timeZone)}`);
  if (filters.to !== undefined) conditions.push(Prisma.sql`e."startedAt" < ${zonedEnd(filters.to, timeZone)}`);
  if (filters.flowId !== undefined) conditions.push(Prisma.sql`e."flowId" = ${filters.flowId}`);
  if (filters.versionId !== undefined) conditions.push(Prisma.sql`e."flowVersionId" = ${filters.versionId}`);
  if (filters.caller !== undefined) conditions.push(Prisma.sql`e."caller" = ${filters.caller}`);
  if (filters.dialed !== undefined) conditions.push(Prisma.sql`e."dialed" = ${filters.dialed}`);
  if (filters.outcome === "running") conditions.push(Prisma.sql`e."outcome" IS NULL AND e."endedAt" IS NULL`);
  else if (filters.outcome !== undefined) conditions.push(Prisma.sql`e."outcome" = ${filters.outcome}`);
  // Written as the expression of the index in prisma/sql/call-log-duration-index.sql, so PostgreSQL can use it.
  if (filters.minDuration !== undefined) conditions.push(Prisma.sql`(e."endedAt" - e."startedAt") >= make_interval(secs => ${filters.minDuration})`);
  // Inclusive of the whole last second: 30 s matches a call of 30.9 s.
  if (filters.maxDuration !== undefined) conditions.push(Prisma.sql`(e."endedAt" - e."startedAt") < make_interval(secs => ${filters.maxDuration + 1})`);
  if (filters.nodeId !== undefined) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "CallStep" s WHERE s."executionId" = e."id" AND s."nodeId" = ${filters.nodeId})`);
  }
  if (filters.voicemail === "yes") conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "CallRecording" r WHERE r."executionId" = e."id")`);
  if (filters.voicemail === "no") conditions.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM "CallRecording" r WHERE r."executionId" = e."id")`);
  if (cursor !== null) conditions.push(Prisma.sql`(e."startedAt", e."id") < (${cursor.startedAt}, ${cursor.id})`);
  return Prisma.join(conditions, " AND ");
}

/**
 * One page, newest first: the page is chosen on CallExecution alone (index only), then joined with
 * its flow, version and last step. `limit + 1` rows tell whether an older page exists; nothing is counted.
 */
export function callPageSql(filters: CallFilters, timeZone: string, cursor: CallCursor | null, limit: number): Prisma.Sql {
  return Prisma.sql`
    SELECT e."id", e."flowId", f."name" AS "flowName", e."flowVersionId", v."number" AS "versionNumber",
           e."caller", e."dialed", e."language", e."startedAt", e."endedAt", e."outcome", e."error", e."lastNodeId",
           last."label" AS "lastLabel", last."nodeType" AS "lastNodeType",
           EXISTS (SELECT 1 FROM "CallRecording" r WHERE r."executionId" = e."id") AS "hasRecording"
    FROM (
      SELECT * FROM "CallExecution" e
      WHERE ${callWhereSql(filters, timeZone, cursor)}
      ORDER BY e."startedAt" DESC, e."id" DESC
      LIMIT ${limit + 1}
    ) e
    LEFT JOIN "Flow" f ON f."id" = e."flowId"
    LEFT JOIN "FlowVersion" v ON v."id" = e."flowVersionId"
    LEFT JOIN LATERAL (
      SELECT s."label", s."nodeType" FROM "CallStep" s WHERE s."executionId" = e."id" ORDER BY s."seq" DESC LIMIT 1
    ) last ON true
    ORDER BY e."startedAt" DESC, e."id" DESC`;
}
