import { describe, expect, it } from "vitest";
import { compileGraph } from "../compiler/compile";
import fixture from "../fixtures/after-sales-ivr.json";
import { isOpen } from "../nodes/business-hours/execute";
import { businessHoursCompiledSchema } from "../nodes/business-hours/compiled";
import { localTime } from "../nodes/business-hours/local-time";
import { cannedHttpResponse } from "./canned-http";
import { pretendClock, zonedInstant } from "./pretend-clock";
import { applyPretendVariables } from "./pretend-variables";
import { pretendSchema } from "./pretend-schema";

function plan() {
  const compiled = compileGraph(fixture);
  if (!compiled.ok) throw new Error(compiled.issues.map((issue) => issue.message).join("; "));
  return compiled.plan;
}

describe("pretended clock", () => {
  it("reads a wall-clock time in its zone", () => {
    expect(zonedInstant({ date: "2026-12-02", time: "05:37", timeZone: "Asia/Shanghai" }).toISOString()).toBe("2026-12-01T21:37:00.000Z");
    expect(zonedInstant({ date: "2026-07-01", time: "09:00", timeZone: "Europe/Berlin" }).toISOString()).toBe("2026-07-01T07:00:00.000Z");
    expect(zonedInstant({ date: "2026-01-15", time: "09:00", timeZone: "Europe/Berlin" }).toISOString()).toBe("2026-01-15T08:00:00.000Z");
    expect(zonedInstant({ date: "2026-03-08", time: "23:30", timeZone: "UTC" }).toISOString()).toBe("2026-03-08T23:30:00.000Z");
  });

  it("gives a time skipped by a daylight-saving jump a definite instant", () => {
    // 02:30 does not exist in Berlin on 2026-03-29 (02:00 → 03:00): read with the offset before the jump.
    expect(zonedInstant({ date: "2026-03-29", time: "02:30", timeZone: "Europe/Berlin" }).toISOString()).toBe("2026-03-29T01:30:00.000Z");
    // 02:30 happens twice on 2026-10-25 (03:00 → 02:00): the first one, still on summer time.
    expect(zonedInstant({ date: "2026-10-25", time: "02:30", timeZone: "Europe/Berlin" }).toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("starts at the pretended time and runs at the call's pace, the same on every run", () => {
    const started = new Date("2030-05-05T12:00:00.000Z");
    const clock = pretendClock({ date: "2026-12-02", time: "10:00", timeZone: "Asia/Shanghai" }, started);
    expect(clock(started).toISOString()).toBe("2026-12-02T02:00:00.000Z");
    expect(clock(new Date(started.getTime() + 90_000)).toISOString()).toBe("2026-12-02T02:01:30.000Z");
    const again = pretendClock({ date: "2026-12-02", time: "10:00", timeZone: "Asia/Shanghai" }, started);
    expect(again(new Date(started.getTime() + 5)).getTime()).toBe(clock(new Date(started.getTime() + 5)).getTime());
  });

  it("decides the after-sales hours: closed at 05:37 Shanghai, open at 10:00, also when read in another zone", () => {
    const hours = plan().steps.hours;
    const config = businessHoursCompiledSchema.parse(hours?.config);
    const at = (time: string, timeZone: string) => isOpen(config, localTime(zonedInstant({ date: "2026-12-02", time, timeZone }), config.timezone));
    expect(at("05:37", "Asia/Shanghai")).toBe(false);
    expect(at("10:00", "Asia/Shanghai")).toBe(true);
    // 03:00 in London is 11:00 in Shanghai (open); 21:37 in London the evening before is 05:37 there (closed).
    expect(at("03:00", "Europe/London")).toBe(true);
    expect(isOpen(config, localTime(zonedInstant({ date: "2026-12-01", time: "21:37", timeZone: "Europe/London" }), config.timezone))).toBe(false);
  });
});

describe("pretend settings", () => {
  it("refuses bad values naming the field", () => {
    const result = pretendSchema.safeParse({
      clock: { date: "2026-02-30", time: "25:00", timeZone: "Mars/Olympus" },
      caller: "abc",
      language: "Chinese",
      variables: [
        { name: "call.caller", value: 1 },
        { name: "__proto__.x", value: 2 },
      ],
      http: [{ nodeId: "lookup", status: 42, body: {} }],
    });
    expect(result.success).toBe(false);
    const issues = (result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ["clock.date", "must be a date (YYYY-MM-DD)"],
        ["clock.time", "must be a time of day (HH:mm)"],
        ["clock.timeZone", "must be a time zone such as Asia/Shanghai"],
        ["caller", "must be a phone number: 2 to 32 digits with an optional leading +"],
        ["language", "must be a language code such as zh-CN"],
        ["variables.0.name", "must be a variable name such as customer.tier"],
        ["variables.1.name", "must be a variable name such as customer.tier"],
        ["http.0.status", "must be an HTTP status code (100 to 599)"],
      ]),
    );
  });

  it("accepts everything a test call may pretend", () => {
    const value = { clock: { date: "2026-12-02", time: "05:37", timeZone: "Asia/Shanghai" }, caller: "13800000000", dialed: "4001", language: "en-US", variables: [{ name: "customer.tier", value: "vip" }], http: [{ nodeId: "lookup_customer", status: 200, body: { tier: "vip" } }] };
    expect(pretendSchema.parse(value)).toEqual(value);
  });
});

describe("pretended variables and HTTP answers", () => {
  it("sets a field of a declared variable and keeps the plan's initial values untouched", () => {
    const compiled = plan();
    const vars = applyPretendVariables(compiled, { call: { caller: "1" } }, [
      { name: "customer_tier", value: "vip" },
      { name: "customer.tier", value: "gold" },
    ]);
    expect(vars).toMatchObject({ call: { caller: "1" }, customer_tier: "vip", customer: { tier: "gold" } });
    expect(compiled.variables.find((variable) => variable.name === "customer_tier")?.initial).toBe("standard");
    expect(applyPretendVariables(compiled, { call: {} })).toMatchObject({ customer_tier: "standard" });
  });

  it("answers with the canned status and a copy of the body", () => {
    const canned = { nodeId: "lookup_customer", status: 503, body: { tier: "vip" } };
    const response = cannedHttpResponse(canned);
    expect(response).toEqual({ ok: true, status: 503, body: { tier: "vip" }, error: null });
    expect(response.body).not.toBe(canned.body);
  });
});

describe("a run with a pretended clock", () => {
  async function run(clock?: (now: Date) => Date) {
    const { runPlan } = await import("../interpreter/run-plan");
    const { nodeExecutors } = await import("../nodes/registry.workflow");
    const { ScriptedEffects } = await import("../testing/scripted-effects");
    const { graph } = await import("../testing/graph-builder");
    const compiled = compileGraph(
      graph()
        .node("start", "start", { defaultLanguage: "zh-CN" })
        .node("hours", "business-hours", { timezone: "Asia/Shanghai", weekly: [3].map((day) => ({ day, open: "09:00", close: "18:00" })), holidays: [], extraOpenDays: [] })
        .node("open", "hangup")
        .node("closed", "hangup")
        .edge("start", "next", "hours")
        .edge("hours", "open", "open")
        .edge("hours", "closed", "closed")
        .build(),
    );
    if (!compiled.ok) throw new Error(compiled.issues.map((issue) => issue.message).join("; "));
    // The call really happens on Wednesday 2026-12-02 at 10:00 in Shanghai: open.
    const effects = new ScriptedEffects({ startAt: "2026-12-02T02:00:00.000Z" });
    const starts: string[] = [];
    const steps: { stepId: string; port: string | null; enteredAt: string }[] = [];
    await runPlan({ plan: compiled.plan, effects, executors: nodeExecutors, vars: { call: {} }, clock, onStepStart: (id) => starts.push(id), onStep: (step) => steps.push(step) });
    return { steps, starts };
  }

  it("sends the business-hours node where the pretended time leads, and keeps real times in the trace", async () => {
    const real = await run();
    expect(real.steps.map((step) => step.stepId)).toEqual(["start", "hours", "open"]);
    const dawn = await run(pretendClock({ date: "2026-12-02", time: "05:37", timeZone: "Asia/Shanghai" }, new Date("2026-12-02T02:00:00.000Z")));
    expect(dawn.steps.map((step) => [step.stepId, step.port])).toEqual([
      ["start", "next"],
      ["hours", "closed"],
      ["closed", null],
    ]);
    expect(dawn.steps[1]?.enteredAt.startsWith("2026-12-02T02:00")).toBe(true);
    expect(dawn.starts).toEqual(["start", "hours", "closed"]);
  });
});
