import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyQueueEvent } from "./apply-queue-event";
import { agentOf } from "./match-fixtures";
import { betterAgentLeftOver, matchInvariantProblems } from "./match-invariants";
import { NO_ANSWER_REASON_ID, type MatchState } from "./match-model";
import type { QueueEvent } from "./queue-events";

const skills = ["sales", "repair", "billing"];
const agentIds = ["a0", "a1", "a2", "a3", "a4", "a5"];

const agentArb = (id: string) =>
  fc.record({
    skills: fc.dictionary(fc.constantFrom(...skills), fc.integer({ min: 1, max: 5 }), { maxKeys: 3 }),
    languages: fc.subarray(["zh", "en", "zh-CN", "en-US", "yue"], { minLength: 1 }),
    wrapUpMs: fc.constantFrom(0, 5_000, 30_000),
    state: fc.constantFrom("offline" as const, "available" as const, "not_ready" as const),
  }).map((a) => agentOf(id, a));

/** An event with its call and agent picked by index, so shrinking keeps it meaningful. */
const stepArb = fc.record({
  kind: fc.constantFrom("enqueue", "enqueue", "enqueue", "leave", "offerResult", "offerResult", "endCall", "retarget", "agentState", "agentState", "tick"),
  dt: fc.integer({ min: 0, max: 20_000 }),
  pick: fc.nat(),
  agent: fc.constantFrom(...agentIds),
  priority: fc.integer({ min: 0, max: 9 }),
  required: fc.subarray(skills, { maxLength: 2 }),
  minProficiency: fc.integer({ min: 1, max: 5 }),
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
          offerTimeoutMs: 15_000,
        },
      };
    case "leave":
      return { type: "leave", callId, at };
    case "offerResult": {
      // Mostly the agent the call rings at; sometimes a wrong or late one.
      const agentId = state.calls.get(callId)?.agentId ?? step.agent;
      return { type: "offerResult", callId, agentId: step.pick % 5 === 0 ? step.agent : agentId, result: step.result, at };
    }
    case "endCall":
      return { type: "endCall", callId, at };
    case "retarget":
      // Widened in place: lower proficiency or another queue's skills.
      return { type: "retarget", callId, queueId: step.pick % 2 === 0 ? "q1" : "q2", requiredSkills: step.required.map((skillId) => ({ skillId, minProficiency: Math.max(1, step.minProficiency - 2) })), at };
    case "agentState":
      return { type: "agentState", agentId: step.agent, state: step.agentState, reasonId: step.agentState === "not_ready" ? "reason-break" : null, at };
    default:
      return { type: "tick", at };
  }
}

describe("the matcher over random arrivals, hangups, answers and agent state changes", () => {
  it("keeps every invariant, the waiting order and the agent choice, and loses no call", () => {
    fc.assert(
      fc.property(fc.tuple(...agentIds.map(agentArb)), fc.array(stepArb, { minLength: 1, maxLength: 80 }), (agents, steps) => {
        let state: MatchState = { calls: new Map(), agents: new Map(agents.map((a) => [a.id, a])) };
        let at = 1_000;
        const known: string[] = [];
        const arrivals = new Map<string, number>();
        const exits = new Map<string, number>();
        const lastLogged = new Map<string, string>();
        steps.forEach((step, serial) => {
          at += step.dt;
          const event = eventOf(step, state, at, serial, known);
          const before = state;
          const { state: after, effects, refused } = applyQueueEvent(before, event);
          if (refused !== null) expect(after.calls).toEqual(before.calls);
          if (event.type === "enqueue" && refused === null) {
            known.push(event.call.id);
            arrivals.set(event.call.id, at);
          }
          expect(matchInvariantProblems(after, effects)).toEqual([]);
          for (const offer of effects.offers) expect(betterAgentLeftOver(after, offer.callId, offer.agentId)).toBeNull();
          // A call keeps its place: its arrival never changes, also after an unanswered offer.
          for (const call of after.calls.values()) expect(call.arrivedAt).toBe(arrivals.get(call.id));
          for (const exit of effects.left) exits.set(exit.callId, (exits.get(exit.callId) ?? 0) + 1);
          // A caller who hangs up is out of the queue at once and no agent holds them.
          if (event.type === "leave" && refused === null) {
            expect(after.calls.has(event.callId)).toBe(false);
            for (const agent of after.agents.values()) expect(agent.currentCallId).not.toBe(event.callId);
          }
          if (event.type === "offerResult" && refused === null && event.result === "no-answer") {
            expect(after.agents.get(event.agentId)).toMatchObject({ state: "not_ready", reasonId: NO_ANSWER_REASON_ID });
          }
          for (const change of effects.stateChanges) lastLogged.set(change.agentId, change.state);
          for (const [agentId, logged] of lastLogged) expect(after.agents.get(agentId)?.state).toBe(logged);
          state = after;
        });
        // Every call that arrived is still there or left exactly once.
        for (const id of known) expect(state.calls.has(id) ? 0 : 1).toBe(exits.get(id) ?? 0);
      }),
      { numRuns: 300 },
    );
  });

  it("offers every waiting call exactly in waiting order to one agent who takes every call", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ priority: fc.integer({ min: 0, max: 9 }), dt: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 30 }), (arrivals) => {
        let state: MatchState = { calls: new Map(), agents: new Map([["a0", agentOf("a0", { state: "offline" })]]) };
        let at = 0;
        arrivals.forEach((arrival, i) => {
          at += arrival.dt;
          state = applyQueueEvent(state, { type: "enqueue", at, call: { id: `c${i}`, queueId: "q1", priority: arrival.priority, requiredSkills: [], language: null, preferredAgentId: null, offerTimeoutMs: 15_000 } }).state;
        });
        const expected = [...state.calls.values()].sort((a, b) => b.priority - a.priority || a.arrivedAt - b.arrivedAt || (a.id < b.id ? -1 : 1)).map((c) => c.id);
        const served: string[] = [];
        let result = applyQueueEvent(state, { type: "agentState", agentId: "a0", state: "available", reasonId: null, at: at + 1 });
        for (let offer = result.effects.offers[0]; offer !== undefined; offer = result.effects.offers[0]) {
          served.push(offer.callId);
          const talking = applyQueueEvent(result.state, { type: "offerResult", callId: offer.callId, agentId: "a0", result: "accepted", at: at + 2 });
          result = applyQueueEvent(talking.state, { type: "endCall", callId: offer.callId, at: at + 3 });
        }
        expect(served).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
