import { agentMeetsCall } from "./agent-meets-call";
import type { MatchAgent, MatchCall } from "./match-model";
import { compareAgentsFor, compareCalls } from "./rank";

export interface OfferDecision {
  callId: string;
  agentId: string;
}

/**
 * Pure: which waiting call goes to which available agent. Calls are served in waiting order; each
 * takes the best available agent that meets it; a call no free agent meets does not hold up the ones
 * behind it. Every agent gets at most one call and every call at most one agent.
 */
export function decideOffers(calls: Iterable<MatchCall>, agents: Iterable<MatchAgent>): OfferDecision[] {
  const free = [...agents].filter((agent) => agent.state === "available" && agent.currentCallId === null);
  if (free.length === 0) return [];
  const waiting = [...calls].filter((call) => call.status === "waiting").sort(compareCalls);
  const taken = new Set<string>();
  const decisions: OfferDecision[] = [];
  for (const call of waiting) {
    if (taken.size === free.length) break;
    let best: MatchAgent | null = null;
    const better = compareAgentsFor(call);
    for (const agent of free) {
      if (taken.has(agent.id) || !agentMeetsCall(agent, call)) continue;
      if (best === null || better(agent, best) < 0) best = agent;
    }
    if (best === null) continue;
    taken.add(best.id);
    decisions.push({ callId: call.id, agentId: best.id });
  }
  return decisions;
}
