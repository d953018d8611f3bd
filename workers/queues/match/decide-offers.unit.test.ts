import { describe, expect, it } from "vitest";
import { applyQueueEvent } from "./apply-queue-event";
import { decideOffers } from "./decide-offers";
import { agentOf, callOf, stateOf } from "./match-fixtures";
import { NO_ANSWER_REASON_ID } from "./match-model";

const sales = { skillId: "sales", minProficiency: 3 };

describe("decideOffers", () => {
  it("serves the higher priority first, then the longest waiting", () => {
    const calls = [callOf("normal-1", { arrivedAt: 1 }), callOf("normal-2", { arrivedAt: 2 }), callOf("vip", { arrivedAt: 3, priority: 9 })];
    expect(decideOffers(calls, [agentOf("a")])).toEqual([{ callId: "vip", agentId: "a" }]);
    expect(decideOffers(calls.slice(0, 2).reverse(), [agentOf("a")])).toEqual([{ callId: "normal-1", agentId: "a" }]);
  });

  it("takes the agent that meets the skills, then the highest proficiency, then the longest idle", () => {
    const call = callOf("c", { requiredSkills: [sales] });
    const novice = agentOf("novice", { skills: { sales: 2 } });
    const good = agentOf("good", { skills: { sales: 4 }, lastCallEndedAt: 100 });
    const goodIdler = agentOf("good-idler", { skills: { sales: 4 }, lastCallEndedAt: 50 });
    const expert = agentOf("expert", { skills: { sales: 5 }, state: "not_ready" });
    expect(decideOffers([call], [novice, good, goodIdler, expert])).toEqual([{ callId: "c", agentId: "good-idler" }]);
    expect(decideOffers([call], [novice])).toEqual([]);
  });

  it("offers the preferred agent first when they are available and meet the call", () => {
    const call = callOf("c", { preferredAgentId: "last-time", requiredSkills: [sales] });
    const expert = agentOf("expert", { skills: { sales: 5 } });
    expect(decideOffers([call], [expert, agentOf("last-time", { skills: { sales: 3 } })])).toEqual([{ callId: "c", agentId: "last-time" }]);
    expect(decideOffers([call], [expert, agentOf("last-time", { skills: { sales: 3 }, state: "wrap_up" })])).toEqual([{ callId: "c", agentId: "expert" }]);
  });

  it("lets a call behind one that nobody free can serve go first, and matches languages", () => {
    const calls = [callOf("english", { arrivedAt: 1, language: "en" }), callOf("chinese", { arrivedAt: 2, language: "zh" })];
    expect(decideOffers(calls, [agentOf("zh-only", { languages: ["zh"] })])).toEqual([{ callId: "chinese", agentId: "zh-only" }]);
  });
});

describe("applyQueueEvent", () => {
  it("puts an agent who lets the offer ring out in not ready (未接听) and the call back at its place", () => {
    const start = stateOf([callOf("first", { arrivedAt: 10 }), callOf("second", { arrivedAt: 20 })], [agentOf("a"), agentOf("b", { state: "offline" })]);
    const offered = applyQueueEvent(start, { type: "tick", at: 30 });
    expect(offered.effects.offers).toEqual([{ callId: "first", agentId: "a", queueId: "q1", expiresAt: 15_030 }]);
    const expired = applyQueueEvent(offered.state, { type: "tick", at: 15_030 });
    expect(expired.state.agents.get("a")).toMatchObject({ state: "not_ready", reasonId: NO_ANSWER_REASON_ID, currentCallId: null });
    expect(expired.state.calls.get("first")).toMatchObject({ status: "waiting", arrivedAt: 10, offerCount: 1 });
    const next = applyQueueEvent(expired.state, { type: "agentState", agentId: "b", state: "available", reasonId: null, at: 16_000 });
    expect(next.effects.offers.map((o) => o.callId)).toEqual(["first"]);
  });

  it("does not offer a declined call to the same agent again", () => {
    const start = applyQueueEvent(stateOf([callOf("c")], [agentOf("a")]), { type: "tick", at: 1 });
    const declined = applyQueueEvent(start.state, { type: "offerResult", callId: "c", agentId: "a", result: "declined", at: 2 });
    expect(declined.state.agents.get("a")?.state).toBe("available");
    expect(declined.state.calls.get("c")?.status).toBe("waiting");
    expect(declined.effects.offers).toEqual([]);
  });

  it("frees the agent at once when the caller hangs up while it rings, and refuses a late answer", () => {
    const start = applyQueueEvent(stateOf([callOf("c")], [agentOf("a")]), { type: "tick", at: 1 });
    const left = applyQueueEvent(start.state, { type: "leave", callId: "c", at: 2 });
    expect(left.state.calls.has("c")).toBe(false);
    expect(left.effects.left).toEqual([{ callId: "c", exit: "abandoned", at: 2 }]);
    expect(left.state.agents.get("a")).toMatchObject({ state: "available", currentCallId: null });
    expect(applyQueueEvent(left.state, { type: "offerResult", callId: "c", agentId: "a", result: "accepted", at: 3 }).refused).toBe("unknown-call");
  });

  it("runs wrap-up after a call and makes the agent available when it is over", () => {
    const start = applyQueueEvent(stateOf([callOf("c")], [agentOf("a", { wrapUpMs: 30_000 })]), { type: "tick", at: 1 });
    const talking = applyQueueEvent(start.state, { type: "offerResult", callId: "c", agentId: "a", result: "accepted", at: 2 });
    expect(talking.state.agents.get("a")?.state).toBe("on_call");
    expect(applyQueueEvent(talking.state, { type: "agentState", agentId: "a", state: "offline", reasonId: null, at: 3 }).refused).toBe("agent-busy");
    const ended = applyQueueEvent(talking.state, { type: "endCall", callId: "c", at: 100 });
    expect(ended.state.agents.get("a")).toMatchObject({ state: "wrap_up", wrapUpUntil: 30_100, lastCallEndedAt: 100 });
    expect(applyQueueEvent(ended.state, { type: "tick", at: 30_099 }).state.agents.get("a")?.state).toBe("wrap_up");
    expect(applyQueueEvent(ended.state, { type: "tick", at: 30_100 }).state.agents.get("a")).toMatchObject({ state: "available", stateSince: 30_100 });
  });
});
