import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dialResults, resultOfDialStatus, resultOfHangupCause } from "./dial-result";
import { nextAttempt, retryRulesSchema } from "./retry-rules";

const rules = retryRulesSchema.parse({});
const at = new Date("2026-03-02T02:00:00Z");

describe("retry rules", () => {
  it("default: busy again after 10 min, no answer after 30 min, three attempts, answered and failed not again", () => {
    expect(nextAttempt("busy", 1, at, rules)).toEqual({ kind: "retry", notBefore: new Date("2026-03-02T02:10:00Z") });
    expect(nextAttempt("no-answer", 2, at, rules)).toEqual({ kind: "retry", notBefore: new Date("2026-03-02T02:30:00Z") });
    expect(nextAttempt("no-answer", 3, at, rules)).toEqual({ kind: "done", reason: "max-attempts" });
    expect(nextAttempt("answered", 1, at, rules)).toEqual({ kind: "done", reason: "answered" });
    expect(nextAttempt("failed", 1, at, rules)).toEqual({ kind: "done", reason: "no-retry" });
  });

  it("never exceeds the maximum, never retries before the result's delay, never retries an answered call", () => {
    const rulesArb = fc.record({
      busyMinutes: fc.option(fc.integer({ min: 1, max: 600 }), { nil: null }),
      noAnswerMinutes: fc.option(fc.integer({ min: 1, max: 600 }), { nil: null }),
      congestionMinutes: fc.option(fc.integer({ min: 1, max: 600 }), { nil: null }),
      failedMinutes: fc.option(fc.integer({ min: 1, max: 600 }), { nil: null }),
      maxAttempts: fc.integer({ min: 1, max: 20 }),
    });
    fc.assert(
      fc.property(rulesArb, fc.constantFrom(...dialResults), fc.integer({ min: 1, max: 25 }), fc.date({ min: new Date("2020-01-01"), max: new Date("2035-01-01"), noInvalidDate: true }), (r, result, attempt, endedAt) => {
        const next = nextAttempt(result, attempt, endedAt, retryRulesSchema.parse(r));
        if (next.kind === "done") return;
        expect(result).not.toBe("answered");
        expect(attempt).toBeLessThan(r.maxAttempts);
        const delay = { busy: r.busyMinutes, "no-answer": r.noAnswerMinutes, congestion: r.congestionMinutes, failed: r.failedMinutes, answered: null }[result];
        expect(delay).not.toBeNull();
        expect(next.notBefore.getTime() - endedAt.getTime()).toBe((delay ?? 0) * 60_000);
      }),
    );
  });
});

describe("dial results from Asterisk", () => {
  it("maps DIALSTATUS and hangup causes", () => {
    expect(resultOfDialStatus("BUSY")).toBe("busy");
    expect(resultOfDialStatus("NOANSWER")).toBe("no-answer");
    expect(resultOfDialStatus("CHANUNAVAIL")).toBe("failed");
    expect(resultOfDialStatus("CONGESTION")).toBe("congestion");
    expect(resultOfDialStatus("ANSWER")).toBe("answered");
    expect(resultOfDialStatus("RINGING")).toBeNull();
    expect(resultOfHangupCause(17)).toBe("busy");
    expect(resultOfHangupCause(19)).toBe("no-answer");
    expect(resultOfHangupCause(34)).toBe("congestion");
    expect(resultOfHangupCause(3)).toBe("failed");
    expect(resultOfHangupCause(null)).toBe("failed");
  });
});
