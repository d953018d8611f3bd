import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localTime } from "../nodes/business-hours/local-time";
import { isCallingAllowed, nextCallingTime, type CallingRules } from "./calling-window";
import { campaignScheduleSchema, DEFAULT_LEGAL_WINDOWS, type CallingWindow } from "./schedule-schema";

const MINUTE = 60_000;
const QUARTER = 15 * MINUTE;
const weekdays = [1, 2, 3, 4, 5];

function rules(zone: string, windows: CallingWindow[], extra: Partial<CallingRules["schedule"]> = {}, legal: CallingRules["legal"] = null): CallingRules {
  return { zone, legal, schedule: campaignScheduleSchema.parse({ windows, ...extra }) };
}

describe("calling windows in the contact's time zone", () => {
  it("cuts a window wider than China's legal window to 08:00–21:00 Shanghai time", () => {
    const r = rules("Asia/Shanghai", [{ days: [1, 2, 3, 4, 5, 6, 7], start: "07:00", end: "22:00" }], {}, DEFAULT_LEGAL_WINDOWS.CN ?? null);
    // 06:30 Shanghai = 22:30Z the day before.
    expect(nextCallingTime(new Date("2026-03-01T22:30:00Z"), r)).toEqual(new Date("2026-03-02T00:00:00Z"));
    expect(isCallingAllowed(new Date("2026-03-02T12:59:00Z"), r)).toBe(true);
    expect(isCallingAllowed(new Date("2026-03-02T13:00:00Z"), r)).toBe(false);
  });

  it("reads the same instant in each contact's zone", () => {
    const at = new Date("2026-06-10T13:00:00Z"); // Wednesday: 21:00 Shanghai, 15:00 Berlin, 09:00 New York
    const nine2five: CallingWindow[] = [{ days: weekdays, start: "09:00", end: "17:00" }];
    expect(isCallingAllowed(at, rules("Asia/Shanghai", nine2five))).toBe(false);
    expect(isCallingAllowed(at, rules("Europe/Berlin", nine2five))).toBe(true);
    expect(isCallingAllowed(at, rules("America/New_York", nine2five))).toBe(true);
  });

  it("moves past the day boundary and the weekend", () => {
    const r = rules("Asia/Shanghai", [{ days: weekdays, start: "09:00", end: "18:00" }]);
    // Friday 2026-03-06 19:00 Shanghai → Monday 09:00.
    expect(nextCallingTime(new Date("2026-03-06T11:00:00Z"), r)).toEqual(new Date("2026-03-09T01:00:00Z"));
  });

  it("opens a window that starts in New York's spring-forward gap when the clocks jump", () => {
    // 2026-03-08: 02:00 EST → 03:00 EDT at 07:00Z; a window from 02:30 opens at 03:00 EDT.
    const r = rules("America/New_York", [{ days: [7], start: "02:30", end: "04:00" }]);
    expect(nextCallingTime(new Date("2026-03-08T05:00:00Z"), r)).toEqual(new Date("2026-03-08T07:00:00Z"));
  });

  it("sees Berlin's repeated autumn hour twice", () => {
    // 2026-10-25: 03:00 CEST → 02:00 CET at 01:00Z; 02:00–02:59 happens twice.
    const r = rules("Europe/Berlin", [{ days: [7], start: "02:00", end: "03:00" }]);
    expect(nextCallingTime(new Date("2026-10-25T01:00:00Z"), r)).toEqual(new Date("2026-10-25T01:00:00Z"));
    expect(isCallingAllowed(new Date("2026-10-25T00:30:00Z"), r)).toBe(true);
    expect(isCallingAllowed(new Date("2026-10-25T01:30:00Z"), r)).toBe(true);
  });

  it("keeps to the campaign's dates in the contact's local calendar, and gives up after the end date", () => {
    const r = rules("Asia/Shanghai", [{ days: [1, 2, 3, 4, 5, 6, 7], start: "10:00", end: "12:00" }], { startDate: "2026-04-01", endDate: "2026-04-02" });
    expect(nextCallingTime(new Date("2026-01-01T00:00:00Z"), r)).toEqual(new Date("2026-04-01T02:00:00Z"));
    expect(nextCallingTime(new Date("2026-04-02T04:00:00Z"), r)).toBeNull();
  });

  it("never opens when no window overlaps the legal window", () => {
    const r = rules("Asia/Shanghai", [{ days: [1], start: "21:00", end: "23:00" }], {}, { start: "08:00", end: "21:00" });
    expect(nextCallingTime(new Date("2026-01-01T00:00:00Z"), r)).toBeNull();
  });

  const zones = ["America/New_York", "Europe/Berlin", "Asia/Shanghai", "Australia/Lord_Howe", "Asia/Kathmandu", "America/Sao_Paulo"];
  // Instants near the DST changes of 2026 weigh as much as instants anywhere in the year.
  const transitions = ["2026-03-08T07:00:00Z", "2026-11-01T06:00:00Z", "2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z", "2026-04-04T15:00:00Z", "2026-10-03T15:30:00Z"].map((iso) => Date.parse(iso));
  const instant = fc.oneof(
    fc.integer({ min: Date.parse("2026-01-01T00:00:00Z"), max: Date.parse("2027-01-01T00:00:00Z") }),
    fc.tuple(fc.constantFrom(...transitions), fc.integer({ min: -36 * 60, max: 36 * 60 }), fc.integer({ min: 0, max: 59_999 })).map(([t, minutes, ms]) => t + minutes * MINUTE + ms),
  );
  const minuteOfDay = fc.integer({ min: 0, max: 24 * 4 - 1 }).map((quarter) => quarter * 15);
  const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  const spanArb = fc
    .tuple(minuteOfDay, fc.integer({ min: 1, max: 16 * 4 }))
    .map(([start, quarters]) => ({ start: hhmm(start), end: hhmm(Math.min(start + quarters * 15, 24 * 60)) }))
    .filter((span) => span.start < span.end);
  const windowArb = fc.tuple(spanArb, fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 })).map(([span, days]) => ({ ...span, days }));
  const rulesArb = fc.record({
    zone: fc.constantFrom(...zones),
    windows: fc.array(windowArb, { minLength: 1, maxLength: 3 }),
    legal: fc.option(spanArb, { nil: null }),
  });

  // Windows are on quarter hours and every zone here is offset by whole quarter hours, so whether calling
  // is allowed can change only at UTC quarter hours: checking each of them is checking every minute.
  it("finds the first allowed instant: allowed there, none allowed before it (each quarter hour over three days)", () => {
    fc.assert(
      fc.property(rulesArb, instant, ({ zone, windows, legal }, fromMs) => {
        const r = rules(zone, windows, {}, legal);
        const from = new Date(fromMs);
        const next = nextCallingTime(from, r);
        const horizon = fromMs + 3 * 24 * 60 * MINUTE;
        if (next === null) {
          for (let t = Math.ceil(fromMs / QUARTER) * QUARTER; t < horizon; t += QUARTER) expect(isCallingAllowed(new Date(t), r)).toBe(false);
          return;
        }
        expect(next.getTime()).toBeGreaterThanOrEqual(fromMs);
        expect(isCallingAllowed(next, r)).toBe(true);
        if (next.getTime() > fromMs) expect(isCallingAllowed(from, r)).toBe(false);
        for (let t = Math.ceil(fromMs / QUARTER) * QUARTER; t < Math.min(next.getTime(), horizon); t += QUARTER) expect(isCallingAllowed(new Date(t), r)).toBe(false);
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it("allows only local times inside both a window of that weekday and the legal window", () => {
    fc.assert(
      fc.property(rulesArb, instant, ({ zone, windows, legal }, ms) => {
        const r = rules(zone, windows, {}, legal);
        const local = localTime(new Date(ms), zone);
        const hm = hhmm(local.minute);
        const inWindow = windows.some((w) => w.days.includes(local.weekday) && w.start <= hm && hm < w.end);
        const inLegal = legal === null || (legal.start <= hm && hm < legal.end);
        expect(isCallingAllowed(new Date(ms), r)).toBe(inWindow && inLegal);
      }),
      { numRuns: 500 },
    );
  });
});
