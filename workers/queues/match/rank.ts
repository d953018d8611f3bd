import { proficiencyScore } from "./agent-meets-call";
import type { MatchAgent, MatchCall } from "./match-model";

/** Waiting order: higher priority first, then longest waiting, then id (a total order, so replays agree). */
export function compareCalls(a: MatchCall, b: MatchCall): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  if (a.arrivedAt !== b.arrivedAt) return a.arrivedAt - b.arrivedAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** An agent who never had a call has idled longest. */
const idleSince = (agent: MatchAgent) => agent.lastCallEndedAt ?? Number.NEGATIVE_INFINITY;

/** For one call: its preferred agent first, then highest proficiency, then longest idle since the last call, then id. */
export function compareAgentsFor(call: MatchCall) {
  return (a: MatchAgent, b: MatchAgent): number => {
    const aPreferred = a.id === call.preferredAgentId;
    const bPreferred = b.id === call.preferredAgentId;
    if (aPreferred !== bPreferred) return aPreferred ? -1 : 1;
    const score = proficiencyScore(b, call) - proficiencyScore(a, call);
    if (score !== 0) return score;
    if (idleSince(a) !== idleSince(b)) return idleSince(a) < idleSince(b) ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}
