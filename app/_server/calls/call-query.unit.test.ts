import { describe, expect, it } from "vitest";
import { callPageSql, callQuerySchema, callWhereSql, decodeCursor, encodeCursor } from "./call-query";
import { zonedEnd, zonedInstant, zonedText } from "./zoned-time";

const zone = "Asia/Shanghai";
const where = (raw: Record<string, string>, cursor: string | null = null) => {
  const { after: _after, limit: _limit, ...filters } = callQuerySchema.parse(raw);
  return callWhereSql(filters, zone, cursor === null ? null : decodeCursor(cursor));
};

describe("call log query", () => {
  it("lists only real calls when no filter is set", () => {
    const sql = where({});
    expect(sql.text).toBe('e."testCallPlanId" IS NULL');
    expect(sql.values).toEqual([]);
  });

  it("binds every filter as a parameter, never as SQL text", () => {
    const sql = where({ flowId: "flow'; DROP TABLE x; --", caller: "13800000000", dialed: "4001", outcome: "transferred", nodeId: "main_menu", versionId: "v1" });
    expect(sql.text).not.toContain("DROP");
    expect(sql.text).toContain('e."flowId" = $1');
    expect(sql.values).toEqual(["flow'; DROP TABLE x; --", "v1", "13800000000", "4001", "transferred", "main_menu"]);
    expect(sql.text).toContain('EXISTS (SELECT 1 FROM "CallStep" s WHERE s."executionId" = e."id" AND s."nodeId" = $6)');
  });

  it("reads times as wall-clock times in the contact center's zone; a day includes all of it, a minute that minute", () => {
    const sql = where({ from: "2026-03-10", to: "2026-03-10" });
    expect(sql.values).toEqual([new Date("2026-03-09T16:00:00.000Z"), new Date("2026-03-10T16:00:00.000Z")]);
    expect(sql.text).toContain('e."startedAt" >= $1 AND e."startedAt" < $2');
    expect(where({ from: "2026-03-10T08:30", to: "2026-03-10T09:00" }).values).toEqual([new Date("2026-03-10T00:30:00.000Z"), new Date("2026-03-10T01:01:00.000Z")]);
  });

  it("filters durations on end minus start, inclusive of the whole last second; running calls have none", () => {
    const sql = where({ minDuration: "10", maxDuration: "30" });
    expect(sql.text).toContain('(e."endedAt" - e."startedAt") >= make_interval(secs => $1)');
    expect(sql.text).toContain('(e."endedAt" - e."startedAt") < make_interval(secs => $2)');
    expect(sql.values).toEqual([10, 31]);
    expect(where({ outcome: "running" }).text).toContain('e."outcome" IS NULL AND e."endedAt" IS NULL');
  });

  it("filters on voicemail with or without a recording", () => {
    expect(where({ voicemail: "yes" }).text).toContain('AND EXISTS (SELECT 1 FROM "CallRecording" r WHERE r."executionId" = e."id")');
    expect(where({ voicemail: "no" }).text).toContain('AND NOT EXISTS (SELECT 1 FROM "CallRecording" r');
  });

  it("pages by (startedAt, id) below the cursor, which round-trips", () => {
    const cursor = encodeCursor({ startedAt: new Date("2026-12-01T10:00:00.123Z"), id: "cm0abc" });
    expect(cursor).toBe(`${Date.parse("2026-12-01T10:00:00.123Z")}.cm0abc`);
    const sql = where({ outcome: "failed" }, cursor);
    expect(sql.text).toContain('(e."startedAt", e."id") < ($2, $3)');
    expect(sql.values).toEqual(["failed", new Date("2026-12-01T10:00:00.123Z"), "cm0abc"]);
  });

  it("orders newest first on the indexed columns, fetches one row more than a page and counts nothing", () => {
    const sql = callPageSql({}, zone, null, 50);
    expect(sql.text).toMatch(/ORDER BY e\."startedAt" DESC, e\."id" DESC\s+LIMIT \$1/);
    expect(sql.values).toEqual([51]);
    expect(sql.text.toUpperCase()).not.toContain("COUNT(");
  });

  it("treats empty form fields as no filter and names the field of a bad value", () => {
    expect(callQuerySchema.parse({ flowId: "", outcome: "", from: "", limit: "20" })).toEqual({ limit: 20 });
    const bad = callQuerySchema.safeParse({ from: "yesterday", outcome: "lost", minDuration: "-1", after: "x", caller: "13800000000; drop" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((issue) => issue.path.join(".")).sort()).toEqual(["after", "caller", "from", "minDuration", "outcome"]);
    const order = callQuerySchema.safeParse({ minDuration: "60", maxDuration: "30" });
    expect(order.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["maxDuration", "must not be below minDuration"]]);
    expect(callQuerySchema.safeParse({ limit: "500" }).success).toBe(false);
  });
});

describe("zoned times", () => {
  it("converts wall-clock times across a daylight-saving change", () => {
    expect(zonedInstant("2026-03-08T01:30", "America/New_York").toISOString()).toBe("2026-03-08T06:30:00.000Z");
    expect(zonedInstant("2026-03-08T03:30", "America/New_York").toISOString()).toBe("2026-03-08T07:30:00.000Z");
    expect(zonedEnd("2026-03-08", "America/New_York").toISOString()).toBe("2026-03-09T04:00:00.000Z");
  });

  it("writes CSV times in the zone", () => {
    expect(zonedText(new Date("2026-12-01T16:05:09.000Z"), zone)).toBe("2026-12-02 00:05:09");
  });
});
