import { describe, expect, it } from "vitest";
import { compileNode, executeNode, nodeIssues } from "../../testing/node-harness";
import { businessHoursDefinition } from "./definition";
import { localTime } from "./local-time";
import { businessHoursSchema } from "./schema";

const at = async (startAt: string, data: Record<string, unknown> = {}) => (await executeNode("business-hours", data, { script: { startAt } })).result;

describe("business-hours node", () => {
  it("defaults to Monday-Friday 09:00-18:00 in Shanghai", () => {
    const config = businessHoursSchema.parse({});
    expect(config.timezone).toBe("Asia/Shanghai");
    expect(config.weekly).toEqual([1, 2, 3, 4, 5].map((day) => ({ day, open: "09:00", close: "18:00" })));
    expect(config.holidays).toEqual([]);
    expect(config.extraOpenDays).toEqual([]);
    expect(businessHoursDefinition.defaults()).toEqual(config);
    expect(businessHoursDefinition.ports(config).map((port) => [port.id, port.required])).toEqual([
      ["open", true],
      ["closed", true],
    ]);
  });

  it("explains bad time zones, times, ranges and dates", () => {
    const issues = nodeIssues("business-hours", {
      timezone: "Mars/Olympus",
      weekly: [
        { day: 8, open: "9:00", close: "18:00" },
        { day: 1, open: "18:00", close: "09:00" },
        { day: 2, open: "12:00", close: "12:00" },
      ],
      holidays: [{ date: "2025-02-30" }],
    });
    expect(issues.map((issue) => [issue.code, issue.path, issue.message])).toEqual([
      ["bad-timezone", ["timezone"], 'Business hours "Test node": "Time zone" is not a known time zone; use a name like Asia/Shanghai'],
      ["setting-too-big", ["weekly", 0, "day"], 'Business hours "Test node": "Weekly hours #1 › Day" must be at most 7'],
      ["bad-time", ["weekly", 0, "open"], 'Business hours "Test node": "Weekly hours #1 › Opens" must be a time like 09:00 (24-hour HH:MM)'],
      [
        "time-order",
        ["weekly", 1, "close"],
        'Business hours "Test node": "Weekly hours #2 › Closes": the opening time 18:00 must be before the closing time 09:00',
      ],
      [
        "time-order",
        ["weekly", 2, "close"],
        'Business hours "Test node": "Weekly hours #3 › Closes": the opening time 12:00 must be before the closing time 12:00',
      ],
      ["bad-date", ["holidays", 0, "date"], 'Business hours "Test node": "Holidays #1 › Date" must be a date like 2025-10-01'],
    ]);
  });

  it("refuses a date that is both a holiday and an extra working day", () => {
    const issues = nodeIssues("business-hours", {
      holidays: [{ date: "2025-10-01", name: "National Day" }],
      extraOpenDays: [{ date: "2025-10-01", open: "09:00", close: "12:00" }],
    });
    expect(issues.map((issue) => [issue.code, issue.path, issue.message])).toEqual([
      ["date-conflict", ["extraOpenDays", 0, "date"], 'Business hours "Test node": 2025-10-01 is listed both as a holiday and as an extra working day'],
    ]);
  });

  it("compiles times to minutes and sorts holidays", () => {
    const { compiled } = compileNode("business-hours", {
      weekly: [{ day: 6, open: "10:30", close: "24:00" }],
      holidays: [{ date: "2025-10-02" }, { date: "2025-10-01" }],
      extraOpenDays: [{ date: "2025-09-28", open: "09:00", close: "18:00" }],
    });
    expect(compiled).toEqual({
      timezone: "Asia/Shanghai",
      weekly: [{ day: 6, openMinute: 630, closeMinute: 1440 }],
      holidays: ["2025-10-01", "2025-10-02"],
      extraOpenDays: [{ date: "2025-09-28", openMinute: 540, closeMinute: 1080 }],
    });
  });

  it("reads local wall-clock time in the zone", () => {
    expect(localTime(new Date("2025-01-05T16:30:00Z"), "Asia/Shanghai")).toEqual({ date: "2025-01-06", weekday: 1, minute: 30 });
    expect(localTime(new Date("2025-07-01T13:00:00Z"), "America/New_York")).toEqual({ date: "2025-07-01", weekday: 2, minute: 9 * 60 });
  });

  it("is open inside the weekly hours, closed at closing time and at weekends", async () => {
    expect(await at("2025-01-06T01:00:00Z")).toEqual({ port: "open" }); // Monday 09:00 in Shanghai
    expect(await at("2025-01-06T00:59:00Z")).toEqual({ port: "closed" });
    expect(await at("2025-01-06T09:59:00Z")).toEqual({ port: "open" }); // 17:59
    expect(await at("2025-01-06T10:00:00Z")).toEqual({ port: "closed" }); // 18:00
    expect(await at("2025-01-04T03:00:00Z")).toEqual({ port: "closed" }); // Saturday
  });

  it("applies holidays and make-up working days", async () => {
    const data = {
      holidays: [{ date: "2025-10-01", name: "国庆节" }],
      extraOpenDays: [{ date: "2025-09-28", open: "09:00", close: "12:00" }],
    };
    expect(await at("2025-10-01T03:00:00Z", data)).toEqual({ port: "closed" }); // a Wednesday
    expect(await at("2025-09-28T03:00:00Z", data)).toEqual({ port: "open" }); // a Sunday, 11:00
    expect(await at("2025-09-28T05:00:00Z", data)).toEqual({ port: "closed" }); // 13:00, after the extra day's hours
  });

  it("follows daylight saving time in other zones and closes at midnight with 24:00", async () => {
    const newYork = { timezone: "America/New_York", weekly: [{ day: 1, open: "09:00", close: "24:00" }] };
    expect(await at("2025-07-07T13:00:00Z", newYork)).toEqual({ port: "open" }); // 09:00 EDT
    expect(await at("2025-01-06T13:00:00Z", newYork)).toEqual({ port: "closed" }); // 08:00 EST
    expect(await at("2025-01-07T04:59:00Z", newYork)).toEqual({ port: "open" }); // Monday 23:59 EST
  });
});
