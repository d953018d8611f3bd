import { agentMeetsCall } from "./agent-meets-call";
import type { MatchEffects, MatchState } from "./match-model";
import { compareAgentsFor, compareCalls } from "./rank";

/**
 * The matcher's invariants on one state (and the offers the last event made), as a list of broken
 * ones: empty when all hold. Shared by the property tests and the database runtime's tests.
 */
export function matchInvariantProblems(state: MatchState, effects: MatchEffects | null = null): string[] {
  const problems: string[] = [];
  const holders = new Map<string, string>();
  for (const call of state.calls.values()) {
    if (call.status === "waiting") {
      if (call.agentId !== null) problems.push(`waiting call ${call.id} names agent ${call.agentId}`);
      continue;
    }
    if (call.agentId === null) {
      problems.push(`${call.status} call ${call.id} has no agent`);
      continue;
    }
    const other = holders.get(call.agentId);
    if (other !== undefined) problems.push(`agent ${call.agentId} holds calls ${other} and ${call.id}`);
    holders.set(call.agentId, call.id);
    const agent = state.agents.get(call.agentId);
    const expected = call.status === "offered" ? "offered" : "on_call";
    if (!agent || agent.currentCallId !== call.id || agent.state !== expected) problems.push(`call ${call.id} (${call.status}) and agent ${call.agentId} disagree`);
  }
  for (const agent of state.agents.values()) {
    const busy = agent.state === "offered" || agent.state === "on_call";
    if (busy !== (agent.currentCallId !== null)) problems.push(`agent ${agent.id} is ${agent.state} with call ${agent.currentCallId ?? "none"}`);
    if (agent.currentCallId !== null && holders.get(agent.id) !== agent.currentCallId) problems.push(`agent ${agent.id} points at call ${agent.currentCallId} that is not theirs`);
  }
  const waiting = [...state.calls.values()].filter((call) => call.status === "waiting");
  for (const agent of state.agents.values()) {
    if (agent.state !== "available") continue;
    const servable = waiting.find((call) => agentMeetsCall(agent, call));
    if (servable) problems.push(`available agent ${agent.id} left call ${servable.id} waiting`);
  }
  for (const offer of effects?.offers ?? []) {
    const call = state.calls.get(offer.callId);
    const agent = state.agents.get(offer.agentId);
    if (!call || !agent) continue;
    const skipped = waiting.find((other) => compareCalls(other, call) < 0 && agentMeetsCall(agent, other));
    if (skipped) problems.push(`agent ${agent.id} got ${call.id} while ${skipped.id} was ahead of it`);
  }
  return problems;
}

/** Whether an offer went to the best agent among those still available that meet it. */
export function betterAgentLeftOver(state: MatchState, callId: string, agentId: string): string | null {
  const call = state.calls.get(callId);
  const chosen = state.agents.get(agentId);
  if (!call || !chosen) return null;
  const better = compareAgentsFor(call);
  for (const agent of state.agents.values()) {
    if (agent.state === "available" && agentMeetsCall(agent, call) && better(agent, chosen) < 0) return agent.id;
  }
  return null;
}
