/** The matcher's view of calls and agents: plain data, times in epoch milliseconds. */

export interface RequiredSkill {
  skillId: string;
  minProficiency: number;
}

export type CallStatus = "waiting" | "offered" | "connected";

export interface MatchCall {
  id: string;
  queueId: string;
  /** Higher first (VIP callers 9, normal 5). */
  priority: number;
  requiredSkills: RequiredSkill[];
  language: string | null;
  preferredAgentId: string | null;
  /** Arrival in the queue: kept when an unanswered offer puts the call back. */
  arrivedAt: number;
  status: CallStatus;
  agentId: string | null;
  offeredAt: number | null;
  offerExpiresAt: number | null;
  offerCount: number;
  declinedBy: string[];
  offerTimeoutMs: number;
  connectedAt: number | null;
}

export type AgentStateName = "offline" | "available" | "offered" | "on_call" | "wrap_up" | "not_ready";

export interface MatchAgent {
  id: string;
  state: AgentStateName;
  reasonId: string | null;
  stateSince: number;
  /** skillId → proficiency 1–5. */
  skills: Record<string, number>;
  languages: string[];
  wrapUpMs: number;
  wrapUpUntil: number | null;
  lastCallEndedAt: number | null;
  currentCallId: string | null;
}

/** Calls that are waiting, offered or connected, and every agent with a profile. */
export interface MatchState {
  calls: Map<string, MatchCall>;
  agents: Map<string, MatchAgent>;
}

export interface AgentStateChangeRecord {
  agentId: string;
  state: AgentStateName;
  reasonId: string | null;
  callId: string | null;
  at: number;
}

export interface OfferRecord {
  callId: string;
  agentId: string;
  queueId: string;
  expiresAt: number;
}

export type CallExit = "abandoned" | "ended";

/** What one event did, besides the new state: for the state log, the offers to ring, and the calls that left. */
export interface MatchEffects {
  stateChanges: AgentStateChangeRecord[];
  offers: OfferRecord[];
  left: { callId: string; exit: CallExit; at: number }[];
}

/** The system reason an unanswered offer puts the agent in (未接听); seeded by the queues migration. */
export const NO_ANSWER_REASON_ID = "reason-no-answer";
