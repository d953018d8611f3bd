import { agentMeetsCall } from "./agent-meets-call";
import { applyEventOnly, matchAfterEvent, type AppliedEvent } from "./apply-queue-event";
import type { MatchAgent, MatchCall, MatchState } from "./match-model";
import type { QueueEvent } from "./queue-events";
import { compareAgentsFor, compareCalls } from "./rank";

/** The agents `decideOffers` offers to. */
export const isFree = (agent: MatchAgent): boolean => agent.state === "available" && agent.currentCallId === null;

/** What an event made newly free or newly waiting: the only places a new match can be. */
export interface MatchFrontier {
  freeAgents: MatchAgent[];
  waitingCalls: MatchCall[];
}

/**
 * Before every event no free agent meets a waiting call (the matcher's invariant, which every event
 * restores). So after an event a match needs an agent the event freed or a call the event put
 * (back) into waiting: the rest of the state cannot match among itself.
 */
export function matchFrontier(before: MatchState, after: MatchState): MatchFrontier {
  const freeAgents = [...after.agents.values()].filter((agent) => {
    const was = before.agents.get(agent.id);
    return isFree(agent) && (was === undefined || !isFree(was));
  });
  // A waiting call the event replaced (retargeted: wider needs) may now meet free agents too.
  const waitingCalls = [...after.calls.values()].filter((call) => call.status === "waiting" && before.calls.get(call.id) !== call);
  return { freeAgents, waitingCalls };
}

/**
 * How many candidates each frontier member needs, beyond the rows already known. A frontier agent
 * gets one of the first N waiting calls it meets (N = frontier agents): only frontier agents can take
 * calls that waited before. A frontier call gets one of its first N + M best free agents (M =
 * frontier calls): only those can be taken before it.
 */
export function candidateLimits(frontier: MatchFrontier): { callsPerAgent: number; agentsPerCall: number } {
  return { callsPerAgent: frontier.freeAgents.length, agentsPerCall: frontier.freeAgents.length + frontier.waitingCalls.length };
}

/**
 * Pure reference of the runtime's candidate queries: from the whole state, for each frontier agent
 * its first waiting calls in waiting order, for each frontier call its best free agents, leaving
 * out the rows already known.
 */
export function pickCandidates(full: MatchState, frontier: MatchFrontier, known: MatchState): MatchState {
  const limits = candidateLimits(frontier);
  const calls = new Map<string, MatchCall>();
  const agents = new Map<string, MatchAgent>();
  const waiting = [...full.calls.values()].filter((call) => call.status === "waiting" && !known.calls.has(call.id)).sort(compareCalls);
  for (const agent of frontier.freeAgents) {
    for (const call of waiting.filter((c) => agentMeetsCall(agent, c)).slice(0, limits.callsPerAgent)) calls.set(call.id, call);
  }
  const free = [...full.agents.values()].filter((agent) => isFree(agent) && !known.agents.has(agent.id));
  for (const call of frontier.waitingCalls) {
    const best = free.filter((agent) => agentMeetsCall(agent, call)).sort(compareAgentsFor(call));
    for (const agent of best.slice(0, limits.agentsPerCall)) agents.set(agent.id, agent);
  }
  return { calls, agents };
}

/** The known rows plus candidates (known rows win: they may already carry the event's change). */
export function withCandidates(state: MatchState, candidates: MatchState): MatchState {
  const calls = new Map(candidates.calls);
  for (const [id, call] of state.calls) calls.set(id, call);
  const agents = new Map(candidates.agents);
  for (const [id, agent] of state.agents) agents.set(id, agent);
  return { calls, agents };
}

export interface IncrementalStep {
  /** The rows the step decided on (touched rows and candidates), before the event: what persisting compares against. */
  before: MatchState;
  applied: AppliedEvent;
}

/**
 * `applyQueueEvent` on part of the state: the rows the event touches, then matching among the
 * frontier's candidates. Equal to `applyQueueEvent` on the whole state when `touched` holds every
 * row the event reads and `candidatesOf` returns what `pickCandidates` would.
 */
export async function applyIncrementally(
  touched: MatchState,
  event: QueueEvent,
  candidatesOf: (frontier: MatchFrontier, known: MatchState) => Promise<MatchState> | MatchState,
): Promise<IncrementalStep> {
  const applied = applyEventOnly(touched, event);
  if (applied.refused !== null) return { before: touched, applied };
  const frontier = matchFrontier(touched, applied.state);
  if (frontier.freeAgents.length === 0 && frontier.waitingCalls.length === 0) return { before: touched, applied };
  const candidates = await candidatesOf(frontier, touched);
  return { before: withCandidates(touched, candidates), applied: matchAfterEvent({ ...applied, state: withCandidates(applied.state, candidates) }, event.at) };
}

/** Pure reference of the runtime's first read: the rows an event reads or changes. */
export function touchedRows(full: MatchState, event: QueueEvent): MatchState {
  const calls = new Map<string, MatchCall>();
  const agents = new Map<string, MatchAgent>();
  const addCall = (id: string) => {
    const call = full.calls.get(id);
    if (!call) return;
    calls.set(id, call);
    const agent = call.agentId === null ? undefined : full.agents.get(call.agentId);
    if (agent) agents.set(agent.id, agent);
  };
  const addAgent = (id: string) => {
    const agent = full.agents.get(id);
    if (agent) agents.set(id, agent);
  };
  switch (event.type) {
    case "enqueue":
      addCall(event.call.id);
      break;
    case "leave":
    case "endCall":
    case "retarget":
      addCall(event.callId);
      break;
    case "offerResult":
      addCall(event.callId);
      addAgent(event.agentId);
      break;
    case "agentState":
      addAgent(event.agentId);
      break;
    case "tick":
      for (const call of full.calls.values()) if (call.status === "offered" && call.offerExpiresAt !== null && call.offerExpiresAt <= event.at) addCall(call.id);
      for (const agent of full.agents.values()) if (agent.state === "wrap_up" && agent.wrapUpUntil !== null && agent.wrapUpUntil <= event.at) addAgent(agent.id);
      break;
  }
  return { calls, agents };
}
