import type { MatchAgent, MatchCall, MatchState } from "./match-model";

/** Test data builders (defaults: an available agent who never had a call, a waiting call with no needs). */
export function agentOf(id: string, changes: Partial<MatchAgent> = {}): MatchAgent {
  return { id, state: "available", reasonId: null, stateSince: 0, skills: {}, languages: ["zh"], wrapUpMs: 0, wrapUpUntil: null, lastCallEndedAt: null, currentCallId: null, ...changes };
}

export function callOf(id: string, changes: Partial<MatchCall> = {}): MatchCall {
  return {
    id,
    queueId: "q1",
    priority: 5,
    requiredSkills: [],
    language: null,
    preferredAgentId: null,
    arrivedAt: 0,
    status: "waiting",
    agentId: null,
    offeredAt: null,
    offerExpiresAt: null,
    offerCount: 0,
    declinedBy: [],
    offerTimeoutMs: 15_000,
    connectedAt: null,
    ...changes,
  };
}

export function stateOf(calls: MatchCall[], agents: MatchAgent[]): MatchState {
  return { calls: new Map(calls.map((c) => [c.id, c])), agents: new Map(agents.map((a) => [a.id, a])) };
}
