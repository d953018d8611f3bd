// The wallboard's numbers from plain rows: pure, no I/O (the SQL is in read-wallboard.ts).
import type { AgentStateName, RequiredSkill } from "@/workers/queues/match/match-model";

export const agentStates = ["available", "offered", "on_call", "wrap_up", "not_ready", "offline"] as const satisfies readonly AgentStateName[];

export type CallStatusName = "waiting" | "offered" | "connected" | "ended" | "abandoned";

export interface WallboardQueueRow {
  id: string;
  name: string;
  displayNameZh: string;
  displayNameEn: string;
  serviceLevelPercent: number;
  serviceLevelSeconds: number;
  requiredSkills: RequiredSkill[];
}

/** Times in epoch milliseconds. */
export interface WallboardCallRow {
  id: string;
  queueId: string;
  status: CallStatusName;
  arrivedAt: number;
  connectedAt: number | null;
  agentId: string | null;
  callerNumber: string | null;
}

export interface WallboardAgentRow {
  id: string;
  name: string;
  state: AgentStateName;
  reasonId: string | null;
  stateSince: number;
  /** skillId → proficiency. */
  skills: Record<string, number>;
  currentCallId: string | null;
}

export interface WallboardInput {
  now: number;
  /** Midnight of today in the contact center's time zone: "today" starts here. */
  dayStart: number;
  queues: WallboardQueueRow[];
  /** Every call that arrived today, and every call still in a queue or talking whenever it arrived. */
  calls: WallboardCallRow[];
  agents: WallboardAgentRow[];
}

export interface ServiceLevel {
  answeredWithinTarget: number;
  /** The calls that count: answered, abandoned, or still waiting past the target. */
  offered: number;
  /** Null while no call counts yet. */
  percent: number | null;
  targetPercent: number;
  targetSeconds: number;
}

export interface WallboardQueue {
  id: string;
  name: string;
  displayNameZh: string;
  displayNameEn: string;
  /** Waiting or ringing an agent: the caller still waits. */
  waiting: number;
  /** Arrival of the caller waiting longest (the browser ticks the wait from it); null when none waits. */
  longestWaitingSince: number | null;
  longestWaitMs: number;
  serviceLevel: ServiceLevel;
  answeredToday: number;
  abandonedToday: number;
  /** Agents who have every required skill of the queue, by state. */
  agentsByState: Record<AgentStateName, number>;
}

export interface WallboardAgent {
  id: string;
  name: string;
  state: AgentStateName;
  reasonId: string | null;
  since: number;
  inStateMs: number;
  callId: string | null;
}

export interface CallInProgress {
  id: string;
  queueId: string;
  agentId: string | null;
  agentName: string | null;
  callerNumber: string | null;
  connectedAt: number;
}

export interface WallboardSnapshot {
  at: number;
  queues: WallboardQueue[];
  agents: WallboardAgent[];
  callsInProgress: CallInProgress[];
}

const stillWaiting = (call: WallboardCallRow) => call.status === "waiting" || call.status === "offered";

/** Never negative: clocks of the database and this process may differ by a little. */
export function elapsedMs(since: number, now: number): number {
  return Math.max(0, now - since);
}

/**
 * Answered within the target over the calls that count: those that arrived today and were answered,
 * abandoned, or have waited past the target already (a call still waiting within the target is
 * undecided and does not count yet).
 */
export function serviceLevel(queue: Pick<WallboardQueueRow, "serviceLevelPercent" | "serviceLevelSeconds">, calls: WallboardCallRow[], dayStart: number, now: number): ServiceLevel {
  const targetMs = queue.serviceLevelSeconds * 1000;
  let within = 0;
  let offered = 0;
  for (const call of calls) {
    if (call.arrivedAt < dayStart) continue;
    if (call.connectedAt !== null) {
      offered += 1;
      if (call.connectedAt - call.arrivedAt <= targetMs) within += 1;
    } else if (call.status === "abandoned" || call.status === "ended" || (stillWaiting(call) && now - call.arrivedAt > targetMs)) {
      offered += 1;
    }
  }
  return {
    answeredWithinTarget: within,
    offered,
    percent: offered === 0 ? null : Math.round((1000 * within) / offered) / 10,
    targetPercent: queue.serviceLevelPercent,
    targetSeconds: queue.serviceLevelSeconds,
  };
}

/** The caller waiting longest: its arrival and how long it has waited at `now`. */
export function longestWait(calls: WallboardCallRow[], now: number): { since: number | null; ms: number } {
  const arrivals = calls.filter(stillWaiting).map((call) => call.arrivedAt);
  if (arrivals.length === 0) return { since: null, ms: 0 };
  const since = Math.min(...arrivals);
  return { since, ms: elapsedMs(since, now) };
}

export function agentServesQueue(agent: WallboardAgentRow, queue: WallboardQueueRow): boolean {
  return queue.requiredSkills.every((required) => (agent.skills[required.skillId] ?? 0) >= required.minProficiency);
}

function countByState(agents: WallboardAgentRow[]): Record<AgentStateName, number> {
  const counts: Record<AgentStateName, number> = { available: 0, offered: 0, on_call: 0, wrap_up: 0, not_ready: 0, offline: 0 };
  for (const agent of agents) counts[agent.state] += 1;
  return counts;
}

export function computeWallboard(input: WallboardInput): WallboardSnapshot {
  const { now, dayStart } = input;
  const queues = input.queues.map((queue): WallboardQueue => {
    const calls = input.calls.filter((call) => call.queueId === queue.id);
    const wait = longestWait(calls, now);
    const today = calls.filter((call) => call.arrivedAt >= dayStart);
    return {
      id: queue.id,
      name: queue.name,
      displayNameZh: queue.displayNameZh,
      displayNameEn: queue.displayNameEn,
      waiting: calls.filter(stillWaiting).length,
      longestWaitingSince: wait.since,
      longestWaitMs: wait.ms,
      serviceLevel: serviceLevel(queue, calls, dayStart, now),
      answeredToday: today.filter((call) => call.connectedAt !== null).length,
      abandonedToday: today.filter((call) => call.status === "abandoned").length,
      agentsByState: countByState(input.agents.filter((agent) => agentServesQueue(agent, queue))),
    };
  });
  const names = new Map(input.agents.map((agent) => [agent.id, agent.name]));
  const agents = input.agents.map((agent): WallboardAgent => ({
    id: agent.id,
    name: agent.name,
    state: agent.state,
    reasonId: agent.reasonId,
    since: agent.stateSince,
    inStateMs: elapsedMs(agent.stateSince, now),
    callId: agent.currentCallId,
  }));
  const callsInProgress = input.calls
    .flatMap((call): CallInProgress[] =>
      call.status === "connected" && call.connectedAt !== null
        ? [{ id: call.id, queueId: call.queueId, agentId: call.agentId, agentName: call.agentId === null ? null : (names.get(call.agentId) ?? null), callerNumber: call.callerNumber, connectedAt: call.connectedAt }]
        : [],
    )
    .sort((a, b) => a.connectedAt - b.connectedAt);
  return { at: now, queues, agents, callsInProgress };
}

/** Midnight of the day `now` falls on in `timeZone` (IANA), as epoch milliseconds. */
export function startOfDay(now: number, timeZone: string): number {
  const offset = (at: number) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
        .formatToParts(new Date(at))
        .map((part) => [part.type, Number(part.value)]),
    );
    return Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0) - Math.floor(at / 1000) * 1000;
  };
  const local = new Date(now + offset(now));
  const midnightLocal = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  // The offset at midnight itself (a daylight-saving change during the day moves it).
  return midnightLocal - offset(midnightLocal - offset(now));
}
