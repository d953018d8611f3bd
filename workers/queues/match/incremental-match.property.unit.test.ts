import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyQueueEvent } from "./apply-queue-event";
import { applyIncrementally, pickCandidates, touchedRows } from "./incremental-match";
import { agentOf, callOf, stateOf } from "./match-fixtures";
import type { MatchState } from "./match-model";
import type { QueueEvent } from "./queue-events";

const skills = ["sales", "repair", "billing"];
const agentIds = Array.from({ length: 8 }, (_, i) => `a${i}`);

const agentArb = (id: string) =>
  fc
    .record({
      skills: fc.dictionary(fc.constantFrom(...skills), fc.integer({ min: 1, max: 5 }), { maxKeys: 3 }),
      languages: fc.subarray(["zh", "en", "zh-CN", "en-US", "yue"], { minLength: 1 }),
      wrapUpMs: fc.constantFrom(0, 5_000, 5_000),
      lastCallEndedAt: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
      state: fc.constantFrom("offline" as const, "available" as const, "not_ready" as const),
    })
    .map((a) => agentOf(id, a));

const stepArb = fc.record({
  kind: fc.constantFrom("enqueue", "enqueue", "enqueue", "leave", "offerResult", "offerResult", "endCall", "retarget", "agentState", "agentState", "agentState", "tick"),
  dt: fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 8_000 })),
  pick: fc.nat(),
  agent: fc.constantFrom(...agentIds),
  priority: fc.integer({ min: 0, max: 3 }),
  required: fc.subarray(skills, { maxLength: 2 }),
  minProficiency: fc.integer({ min: 1, max: 4 }),
  language: fc.constantFrom(null, "zh", "en", "zh-CN", "ZH-tw", "en-US", "zh-yue"),
  preferred: fc.option(fc.constantFrom(...agentIds), { nil: null }),
  result: fc.constantFrom("accepted" as const, "declined" as const, "no-answer" as const),
  agentState: fc.constantFrom("offline" as const, "available" as const, "available" as const, "not_ready" as const),
});
type StepInput = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

function eventOf(step: StepInput, state: MatchState, at: number, serial: number, known: string[]): QueueEvent {
  const callId = known[step.pick % Math.max(known.length, 1)] ?? "none";
  switch (step.kind) {
    case "enqueue":
      return {
        type: "enqueue",
        at,
        call: {
          id: `c${serial}`,
          queueId: "q1",
          priority: step.priority,
          requiredSkills: step.required.map((skillId) => ({ skillId, minProficiency: step.minProficiency })),
          language: step.language,
          preferredAgentId: step.preferred,
          offerTimeoutMs: 10_000,
        },
      };
    case "leave":
    case "endCall":
      return { type: step.kind, callId, at };
    case "offerResult":
      return { type: "offerResult", callId, agentId: step.pick % 5 === 0 ? step.agent : (state.calls.get(callId)?.agentId ?? step.agent), result: step.result, at };
    case "retarget":
      return { type: "retarget", callId, queueId: step.pick % 2 === 0 ? "q1" : "q2", requiredSkills: step.required.map((skillId) => ({ skillId, minProficiency: Math.max(1, step.minProficiency - 2) })), at };
    case "agentState":
      return { type: "agentState", agentId: step.agent, state: step.agentState, reasonId: step.agentState === "not_ready" ? "reason-break" : null, at };
    default:
      return { type: "tick", at };
  }
}

/** The whole state with the rows one incremental step decided on replaced by their new version. */
function mergeStep(full: MatchState, before: MatchState, after: MatchState): MatchState {
  const calls = new Map(full.calls);
  const agents = new Map(full.agents);
  for (const id of before.calls.keys()) calls.delete(id);
  for (const id of before.agents.keys()) agents.delete(id);
  for (const [id, call] of after.calls) calls.set(id, call);
  for (const [id, agent] of after.agents) agents.set(id, agent);
  return { calls, agents };
}

describe("incremental matching (what the database runtime runs)", () => {
  it("decides exactly what the whole-state matcher decides, over random event sequences", async () => {
    await fc.assert(
      fc.asyncProperty(fc.tuple(...agentIds.map(agentArb)), fc.array(stepArb, { minLength: 1, maxLength: 100 }), async (agents, steps) => {
        // Start from a state the matcher produced, so its invariant holds.
        let full: MatchState = applyQueueEvent({ calls: new Map(), agents: new Map(agents.map((a) => [a.id, a])) }, { type: "tick", at: 1_000 }).state;
        let at = 1_000;
        const known: string[] = [];
        for (const [serial, step] of steps.entries()) {
          at += step.dt;
          const event = eventOf(step, full, at, serial, known);
          if (event.type === "enqueue") known.push(event.call.id);
          const expected = applyQueueEvent(full, event);
          const { before, applied } = await applyIncrementally(touchedRows(full, event), event, (frontier, rows) => pickCandidates(full, frontier, rows));
          expect(applied.refused).toBe(expected.refused);
          expect(applied.effects).toEqual(expected.effects);
          full = mergeStep(full, before, applied.state);
          expect(full).toEqual(expected.state);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("gives both calls out when one tick ends two wrap-ups and both agents meet both calls", async () => {
    const wrapping = { state: "wrap_up" as const, wrapUpUntil: 500, wrapUpMs: 500 };
    const full = stateOf([callOf("first", { arrivedAt: 1 }), callOf("second", { arrivedAt: 2 })], [agentOf("a", wrapping), agentOf("b", wrapping)]);
    const event: QueueEvent = { type: "tick", at: 600 };
    const { applied } = await applyIncrementally(touchedRows(full, event), event, (frontier, rows) => pickCandidates(full, frontier, rows));
    expect(applied.effects.offers.map((o) => [o.callId, o.agentId])).toEqual([
      ["first", "a"],
      ["second", "b"],
    ]);
    expect(applied.effects.offers).toEqual(applyQueueEvent(full, event).effects.offers);
  });
});
