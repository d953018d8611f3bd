import { describe, expect, it } from "vitest";
import { compileGraph } from "../compiler/compile";
import type { NodeExecutor } from "../nodes/node-definition";
import { nodeExecutors } from "../nodes/registry.workflow";
import type { Plan } from "../plan/schema";
import { graph, say } from "../testing/graph-builder";
import { compileNode } from "../testing/node-harness";
import { testCallVariables } from "../testing/run-scripted";
import { ScriptedEffects, type EffectsScript } from "../testing/scripted-effects";
import { runPlan, type RunOptions } from "./run-plan";
import type { StepTrace } from "./trace";

function planOf(input: unknown): Plan {
  const result = compileGraph(input);
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join("\n"));
  return result.plan;
}

async function run(plan: Plan, script: EffectsScript = {}, options: Partial<RunOptions> = {}) {
  const effects = new ScriptedEffects(script);
  const traces: StepTrace[] = [];
  const result = await runPlan({
    plan,
    effects,
    executors: nodeExecutors,
    vars: { call: testCallVariables() },
    onStep: (trace) => traces.push(trace),
    ...options,
  });
  return { result, effects, traces };
}

const hello = () =>
  graph()
    .variable("name", "string", "Ann")
    .variable("profile", "object", { tier: "gold" })
    .node("start", "start", { defaultLanguage: "en-US" }, "Entry")
    .node("hello", "play", say("Hello {{name}}"), "Greeting")
    .node("lang", "language-select", { language: "zh-CN" }, "Chinese")
    .node("bye", "hangup", {}, "Bye")
    .edge("start", "next", "hello")
    .edge("hello", "next", "lang")
    .edge("lang", "next", "bye")
    .build();

/** A plan that is not a valid graph: one step that loops to itself forever. */
function loopPlan(): Plan {
  const { compiled } = compileNode("set-variables", { assignments: [{ name: "n", value: "n + 1" }] });
  return {
    planFormat: 1,
    kind: "ivr",
    graphSchemaVersion: 1,
    entry: "count",
    variables: [{ name: "n", type: "number", initial: 0 }],
    steps: { count: { id: "count", type: "set-variables", label: "Count", config: compiled, next: { next: "count" } } },
  };
}

describe("runPlan", () => {
  it("runs steps in order and traces each one with time from the effects", async () => {
    const { result, traces, effects } = await run(planOf(hello()));
    expect(result).toEqual({
      status: "ended",
      outcome: "completed",
      vars: { call: { ...testCallVariables(), language: "zh-CN" }, name: "Ann", profile: { tier: "gold" } },
      seq: 4,
      lastStepId: "bye",
      error: null,
    });
    expect(traces).toEqual([
      { seq: 1, stepId: "start", stepType: "start", label: "Entry", enteredAt: "2025-01-06T02:00:00.000Z", durationMs: 0, port: "next", input: null, varsChanged: { "call.language": { before: "", after: "en-US" } }, error: null },
      { seq: 2, stepId: "hello", stepType: "play", label: "Greeting", enteredAt: "2025-01-06T02:00:00.000Z", durationMs: 1000, port: "next", input: null, varsChanged: {}, error: null },
      { seq: 3, stepId: "lang", stepType: "language-select", label: "Chinese", enteredAt: "2025-01-06T02:00:01.000Z", durationMs: 0, port: "next", input: null, varsChanged: { "call.language": { before: "en-US", after: "zh-CN" } }, error: null },
      { seq: 4, stepId: "bye", stepType: "hangup", label: "Bye", enteredAt: "2025-01-06T02:00:01.000Z", durationMs: 0, port: null, input: null, varsChanged: {}, error: null },
    ]);
    expect(effects.spoken()).toEqual(["Hello Ann"]);
  });

  it("gives declared variables their initial value without overriding given ones or changing the plan", async () => {
    const plan = planOf(hello());
    const { result } = await run(plan, {}, { vars: { call: testCallVariables(), name: "Bob" } });
    expect(result.vars).toMatchObject({ name: "Bob", profile: { tier: "gold" } });
    expect(result.vars.profile).not.toBe(plan.variables[1]?.initial);
    const declaredOnly = planOf(graph().variable("empty", "string").node("start", "start").node("bye", "hangup").edge("start", "next", "bye").build());
    expect((await run(declaredOnly)).result.vars.empty).toBeNull();
  });

  it("ends as completed on an exit that leads nowhere", async () => {
    const plan = planOf(graph().node("start", "start").node("hello", "play", say("Hi")).edge("start", "next", "hello").build());
    const { result, traces } = await run(plan);
    expect(result).toMatchObject({ status: "ended", outcome: "completed", lastStepId: "hello", error: null });
    expect(traces[1]?.port).toBe("next");
  });

  it("ends with caller-hangup when the caller hangs up mid-prompt", async () => {
    const { result, traces } = await run(planOf(hello()), { hangupDuring: { effect: "play" } });
    expect(result).toMatchObject({ status: "ended", outcome: "caller-hangup", lastStepId: "hello", seq: 2, error: null });
    expect(traces[1]).toMatchObject({ stepId: "hello", port: null, error: "hangup" });
  });

  it("keeps variables written before a hangup in the step's trace", async () => {
    const plan = planOf(graph().node("start", "start").node("vm", "record", { variable: "vm" }).edge("start", "next", "vm").build());
    const { result, traces } = await run(plan, { record: { ended: "hangup", recordingName: "r1" } });
    expect(result).toMatchObject({ outcome: "caller-hangup", vars: { vm: "r1", vm_duration: 7 } });
    expect(traces[1]).toMatchObject({ error: "hangup", varsChanged: { vm: { before: null, after: "r1" }, vm_duration: { before: null, after: 7 } } });
  });

  it("stops a call that runs too many steps", async () => {
    const { result, traces } = await run(loopPlan(), {}, { maxSteps: 50 });
    expect(result).toMatchObject({ status: "ended", outcome: "step-limit", seq: 50, lastStepId: "count", error: "the call reached the limit of 50 steps" });
    expect(result.vars.n).toBe(50);
    expect(traces).toHaveLength(50);
  });

  it("counts the step limit over the whole call when resuming", async () => {
    const { result, traces } = await run(loopPlan(), {}, { maxSteps: 50, seq: 45, vars: { n: 100 } });
    expect(result).toMatchObject({ outcome: "step-limit", seq: 50 });
    expect(traces.map((trace) => trace.seq)).toEqual([46, 47, 48, 49, 50]);
    expect(result.vars.n).toBe(105);
  });

  const subflowGraph = (withErrorPort: boolean) => {
    const builder = graph()
      .node("start", "start")
      .node("sub", "subflow", { flowId: "pin" }, "PIN check")
      .node("sorry", "play", say("Sorry"), "Sorry")
      .node("bye", "hangup")
      .edge("start", "next", "sub")
      .edge("sub", "next", "bye")
      .edge("sorry", "next", "bye");
    if (withErrorPort) builder.edge("sub", "error", "sorry");
    return builder.build();
  };

  it("continues at the error exit when a step fails and it is connected", async () => {
    const { result, traces } = await run(planOf(subflowGraph(true)), { subflows: { pin: { outputs: {}, outcome: "failed" } } });
    expect(result).toMatchObject({ outcome: "completed", lastStepId: "bye" });
    expect(traces[1]).toMatchObject({ stepId: "sub", port: "error", error: 'subflow "pin" ended with outcome "failed"' });
    expect(traces.map((trace) => trace.stepId)).toEqual(["start", "sub", "sorry", "bye"]);
  });

  it("fails the call when a step fails without an error exit", async () => {
    const { result, traces } = await run(planOf(subflowGraph(false)), { subflows: {} });
    expect(result).toMatchObject({ status: "ended", outcome: "failed", lastStepId: "sub", error: 'PIN check: no scripted subflow "pin"' });
    expect(traces[1]).toMatchObject({ port: null, error: 'no scripted subflow "pin"' });
  });

  it("fails the call on a step type this worker cannot run or an unknown exit", async () => {
    const plan = planOf(hello());
    const { play: _play, ...withoutPlay } = nodeExecutors;
    const missing = await run(plan, {}, { executors: withoutPlay });
    expect(missing.result).toMatchObject({ outcome: "failed", lastStepId: "hello", error: 'no executor for node type "play"' });
    const wrongPort: NodeExecutor = async () => ({ port: "sideways" });
    const strange = await run(plan, {}, { executors: { ...nodeExecutors, play: wrongPort } });
    expect(strange.result).toMatchObject({ outcome: "failed", error: 'Greeting: unknown exit "sideways"' });
    const noStep = await run(plan, {}, { startAt: "ghost" });
    expect(noStep.result).toMatchObject({ outcome: "failed", error: 'step "ghost" is not in the plan', lastStepId: null, seq: 0 });
  });

  it("pauses between steps when asked and resumes where it stopped", async () => {
    const plan = planOf(hello());
    const first = await run(plan, {}, { shouldPause: (() => { let calls = 0; return () => ++calls >= 2; })() });
    expect(first.result).toEqual({
      status: "paused",
      resumeAt: "lang",
      vars: { call: { ...testCallVariables(), language: "en-US" }, name: "Ann", profile: { tier: "gold" } },
      seq: 2,
    });
    expect(first.traces.map((trace) => trace.stepId)).toEqual(["start", "hello"]);
    if (first.result.status !== "paused") return;
    const second = await run(plan, {}, { startAt: first.result.resumeAt, seq: first.result.seq, vars: first.result.vars });
    expect(second.traces.map((trace) => [trace.seq, trace.stepId])).toEqual([
      [3, "lang"],
      [4, "bye"],
    ]);
    expect(second.result).toMatchObject({ status: "ended", outcome: "completed", seq: 4, vars: { call: { language: "zh-CN" } } });
    expect(second.effects.spoken()).toEqual([]);
  });

  it("does not ask to pause after the last step", async () => {
    let asked = 0;
    const { result } = await run(planOf(hello()), {}, { shouldPause: () => { asked += 1; return false; } });
    expect(result.status).toBe("ended");
    expect(asked).toBe(3);
  });

  it("ends as transferred when a transfer succeeds", async () => {
    const plan = planOf(graph().node("start", "start").node("t", "transfer", { target: { kind: "queue", queue: "q" } }).node("bye", "hangup").edge("start", "next", "t").edge("t", "failed", "bye").build());
    expect((await run(plan)).result).toMatchObject({ outcome: "transferred", lastStepId: "t" });
  });
});
