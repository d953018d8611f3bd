import { decideOffers } from "./decide-offers";
import { NO_ANSWER_REASON_ID, type AgentStateName, type MatchAgent, type MatchCall, type MatchEffects, type MatchState } from "./match-model";
import type { QueueEvent } from "./queue-events";

/** Why an event changed nothing: the durable runtime turns these into API errors or ignores them. */
export type Refusal = "unknown-call" | "unknown-agent" | "duplicate-call" | "stale-offer" | "agent-busy" | "not-connected" | "call-connected";

export interface AppliedEvent {
  state: MatchState;
  effects: MatchEffects;
  refused: Refusal | null;
}

/**
 * Pure: one event, then matching, on the whole state: the reference. The durable runtime
 * (run-queue-event.ts) runs the same two halves on the rows the event touches and the frontier's
 * candidates (incremental-match.ts), which decides the same; the property tests of this function
 * and of the incremental step are tests of the runtime's decisions.
 */
export function applyQueueEvent(before: MatchState, event: QueueEvent): AppliedEvent {
  const applied = applyEventOnly(before, event);
  return applied.refused === null ? matchAfterEvent(applied, event.at) : applied;
}

/** The event's own change, without matching: the first half of `applyQueueEvent`. */
export function applyEventOnly(before: MatchState, event: QueueEvent): AppliedEvent {
  const step = new Step(before, { stateChanges: [], offers: [], left: [] });
  const refused = step.apply(event);
  return { state: { calls: step.calls, agents: step.agents }, effects: step.effects, refused };
}

/** Matching after an applied event: the second half of `applyQueueEvent`; the effects add to the event's. */
export function matchAfterEvent(applied: AppliedEvent, at: number): AppliedEvent {
  const step = new Step(applied.state, { stateChanges: [...applied.effects.stateChanges], offers: [...applied.effects.offers], left: [...applied.effects.left] });
  step.match(at);
  return { state: { calls: step.calls, agents: step.agents }, effects: step.effects, refused: applied.refused };
}

class Step {
  readonly calls: Map<string, MatchCall>;
  readonly agents: Map<string, MatchAgent>;

  constructor(
    state: MatchState,
    readonly effects: MatchEffects,
  ) {
    this.calls = new Map(state.calls);
    this.agents = new Map(state.agents);
  }

  apply(event: QueueEvent): Refusal | null {
    switch (event.type) {
      case "enqueue":
        if (this.calls.has(event.call.id)) return "duplicate-call";
        this.calls.set(event.call.id, {
          ...event.call,
          arrivedAt: event.at,
          status: "waiting",
          agentId: null,
          offeredAt: null,
          offerExpiresAt: null,
          offerCount: 0,
          declinedBy: [],
          connectedAt: null,
        });
        return null;
      case "leave":
        return this.leave(event.callId, event.at);
      case "offerResult":
        return this.offerResult(event.callId, event.agentId, event.result, event.at);
      case "endCall": {
        const call = this.calls.get(event.callId);
        if (!call) return "unknown-call";
        if (call.status !== "connected") return "not-connected";
        this.end(call, event.at);
        return null;
      }
      case "agentState":
        return this.agentState(event.agentId, event.state, event.reasonId, event.at);
      case "tick":
        this.tick(event.at);
        return null;
      case "retarget": {
        const call = this.calls.get(event.callId);
        if (!call) return "unknown-call";
        if (call.status === "connected") return "call-connected";
        // An offer ringing now goes on; the new needs apply if it comes back to waiting.
        this.calls.set(call.id, { ...call, queueId: event.queueId, requiredSkills: event.requiredSkills });
        return null;
      }
    }
  }

  match(at: number): void {
    for (const decision of decideOffers(this.calls.values(), this.agents.values())) {
      const call = this.calls.get(decision.callId);
      const agent = this.agents.get(decision.agentId);
      if (!call || !agent) continue;
      const expiresAt = at + call.offerTimeoutMs;
      this.calls.set(call.id, { ...call, status: "offered", agentId: agent.id, offeredAt: at, offerExpiresAt: expiresAt, offerCount: call.offerCount + 1 });
      this.setAgent(agent, "offered", null, at, { currentCallId: call.id });
      this.effects.offers.push({ callId: call.id, agentId: agent.id, queueId: call.queueId, expiresAt });
    }
  }

  private leave(callId: string, at: number): Refusal | null {
    const call = this.calls.get(callId);
    if (!call) return "unknown-call";
    if (call.status === "connected") {
      this.end(call, at);
      return null;
    }
    this.calls.delete(callId);
    this.effects.left.push({ callId, exit: "abandoned", at });
    const agent = call.agentId === null ? undefined : this.agents.get(call.agentId);
    // The caller hung up while it rang: the agent did nothing wrong and is free again.
    if (agent && agent.currentCallId === callId) this.setAgent(agent, "available", null, at, { currentCallId: null });
    return null;
  }

  private offerResult(callId: string, agentId: string, result: "accepted" | "declined" | "no-answer", at: number): Refusal | null {
    const call = this.calls.get(callId);
    const agent = this.agents.get(agentId);
    if (!call) return "unknown-call";
    if (!agent) return "unknown-agent";
    // A late answer (the offer already expired, or the caller left) changes nothing.
    if (call.status !== "offered" || call.agentId !== agentId || agent.currentCallId !== callId) return "stale-offer";
    if (result === "accepted") {
      this.calls.set(callId, { ...call, status: "connected", connectedAt: at });
      this.setAgent(agent, "on_call", null, at, {});
      return null;
    }
    this.requeue(call, result === "declined" ? [...call.declinedBy, agentId] : call.declinedBy);
    if (result === "declined") this.setAgent(agent, "available", null, at, { currentCallId: null });
    else this.setAgent(agent, "not_ready", NO_ANSWER_REASON_ID, at, { currentCallId: null });
    return null;
  }

  private agentState(agentId: string, state: "offline" | "available" | "not_ready", reasonId: string | null, at: number): Refusal | null {
    const agent = this.agents.get(agentId);
    if (!agent) return "unknown-agent";
    if (agent.state === "offered" || agent.state === "on_call") return "agent-busy";
    const reason = state === "not_ready" ? reasonId : null;
    if (agent.state === state && agent.reasonId === reason) return null;
    this.setAgent(agent, state, reason, at, { wrapUpUntil: null });
    return null;
  }

  private tick(at: number): void {
    for (const call of this.calls.values()) {
      if (call.status !== "offered" || call.offerExpiresAt === null || call.offerExpiresAt > at || call.agentId === null) continue;
      this.offerResult(call.id, call.agentId, "no-answer", call.offerExpiresAt);
    }
    for (const agent of this.agents.values()) {
      if (agent.state === "wrap_up" && agent.wrapUpUntil !== null && agent.wrapUpUntil <= at) this.setAgent(agent, "available", null, agent.wrapUpUntil, { wrapUpUntil: null });
    }
  }

  /** Back to waiting at its old place (arrivedAt unchanged). */
  private requeue(call: MatchCall, declinedBy: string[]): void {
    this.calls.set(call.id, { ...call, status: "waiting", agentId: null, offeredAt: null, offerExpiresAt: null, declinedBy });
  }

  private end(call: MatchCall, at: number): void {
    this.calls.delete(call.id);
    this.effects.left.push({ callId: call.id, exit: "ended", at });
    const agent = call.agentId === null ? undefined : this.agents.get(call.agentId);
    if (!agent || agent.currentCallId !== call.id) return;
    if (agent.wrapUpMs > 0) this.setAgent(agent, "wrap_up", null, at, { currentCallId: null, lastCallEndedAt: at, wrapUpUntil: at + agent.wrapUpMs });
    else this.setAgent(agent, "available", null, at, { currentCallId: null, lastCallEndedAt: at });
  }

  private setAgent(agent: MatchAgent, state: AgentStateName, reasonId: string | null, at: number, changes: Partial<MatchAgent>): void {
    const current = this.agents.get(agent.id) ?? agent;
    this.agents.set(agent.id, { ...current, ...changes, state, reasonId, stateSince: at });
    this.effects.stateChanges.push({ agentId: agent.id, state, reasonId, callId: changes.currentCallId ?? current.currentCallId, at });
  }
}
