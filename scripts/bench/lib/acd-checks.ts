/** Checks of an ACD run from its stored rows (QueuedCall, AgentStateChange). Pure; times in ms. */

export interface CallRow {
  id: string;
  queueId: string;
  priority: number;
  status: string;
  arrivedAt: number;
  connectedAt: number | null;
  endedAt: number | null;
  declinedBy: string[];
}

export interface StateChangeRow {
  agentId: string;
  state: string;
  callId: string | null;
  at: number;
}

const BUSY = new Set(["offered", "on_call"]);

/**
 * No agent offered a call while holding one, no call offered while another agent holds it. Replays
 * the state log in its order (the matcher's lock order).
 */
export function doubleOffers(log: StateChangeRow[]): string[] {
  const problems: string[] = [];
  const agentHolds = new Map<string, string>();
  const callHeldBy = new Map<string, string>();
  for (const change of log) {
    const held = agentHolds.get(change.agentId);
    if (change.state === "offered") {
      if (held !== undefined) problems.push(`agent ${change.agentId} offered ${change.callId ?? "?"} while holding ${held}`);
      const holder = change.callId === null ? undefined : callHeldBy.get(change.callId);
      if (holder !== undefined) problems.push(`call ${change.callId ?? "?"} offered to ${change.agentId} while ${holder} holds it`);
    }
    if (BUSY.has(change.state) && change.callId !== null) {
      agentHolds.set(change.agentId, change.callId);
      callHeldBy.set(change.callId, change.agentId);
    } else if (held !== undefined) {
      agentHolds.delete(change.agentId);
      if (callHeldBy.get(held) === change.agentId) callHeldBy.delete(held);
    }
  }
  return problems;
}

/** When each call was first offered (its first "offered" in the state log), and to whom. */
export function firstOffers(log: StateChangeRow[]): Map<string, { at: number; agentId: string }> {
  const first = new Map<string, { at: number; agentId: string }>();
  for (const change of log) {
    if (change.state === "offered" && change.callId !== null && !first.has(change.callId)) first.set(change.callId, { at: change.at, agentId: change.agentId });
  }
  return first;
}

/**
 * Waiting order within a queue and priority class: no call is first offered to an agent while a call
 * of the same queue and priority that arrived earlier still waits for its first offer (unless that
 * agent declined the earlier one). Every call of a queue needs the same skills here, so any agent
 * who can take the later call could take the earlier one.
 */
export function orderViolations(calls: CallRow[], log: StateChangeRow[]): string[] {
  const first = firstOffers(log);
  const problems: string[] = [];
  const classes = new Map<string, CallRow[]>();
  for (const call of calls) {
    const key = `${call.queueId}/${call.priority}`;
    classes.set(key, [...(classes.get(key) ?? []), call]);
  }
  for (const members of classes.values()) {
    members.sort((a, b) => a.arrivedAt - b.arrivedAt);
    for (const [i, later] of members.entries()) {
      const offer = first.get(later.id);
      if (!offer) continue;
      for (const earlier of members.slice(0, i)) {
        if (earlier.arrivedAt >= later.arrivedAt || earlier.declinedBy.includes(offer.agentId)) continue;
        const waitedUntil = Math.min(first.get(earlier.id)?.at ?? Number.POSITIVE_INFINITY, earlier.endedAt ?? Number.POSITIVE_INFINITY);
        if (waitedUntil > offer.at) problems.push(`${later.id} offered at ${offer.at} while ${earlier.id} (arrived earlier, same class) waited`);
      }
    }
  }
  return problems;
}

/**
 * Each agent's share of signed-in time (any state but offline) spent busy (offered, on call,
 * wrap-up), over [from, to].
 */
export function occupancy(log: StateChangeRow[], from: number, to: number): { busyMs: number; signedInMs: number } {
  const byAgent = new Map<string, StateChangeRow[]>();
  for (const change of log) byAgent.set(change.agentId, [...(byAgent.get(change.agentId) ?? []), change]);
  let busyMs = 0;
  let signedInMs = 0;
  for (const changes of byAgent.values()) {
    for (const [i, change] of changes.entries()) {
      const start = Math.max(change.at, from);
      const end = Math.min(changes[i + 1]?.at ?? to, to);
      if (end <= start || change.state === "offline") continue;
      signedInMs += end - start;
      if (BUSY.has(change.state) || change.state === "wrap_up") busyMs += end - start;
    }
  }
  return { busyMs, signedInMs };
}
