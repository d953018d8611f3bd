/**
 * What a routing flow may ask of the queues, besides CallEffects (README "Routing flows"). The call
 * workflow implements it over its QueueCall; tests with a scripted fake. The call keeps its place
 * between steps: only `join` (another queue) and the end of the flow take it out of a queue.
 */

export interface QueueSkillNeed {
  skill: string;
  /** 1–5. */
  minProficiency: number;
}

/** What the caller hears while waiting, every `announceEverySeconds` (0: music only). */
export interface HoldAnnouncements {
  /** Asterisk musiconhold class; null: the worker's (QUEUE_MOH_CLASS). */
  mohClass: string | null;
  announceEverySeconds: number;
  position: boolean;
  estimatedWait: boolean;
  /** Said after the position and the estimate ("您的来电对我们很重要"); empty: none. */
  comfortText: string;
}

export interface QueueJoinRequest {
  queue: string;
  /** 0–9, 9 served first. */
  priority: number;
  skills: QueueSkillNeed[];
  /** TaskRouter's skip_if: no agent who could take the call is signed in → "no-agents", not queued. */
  skipIfNoAgents: boolean;
  hold: HoldAnnouncements;
}

export type QueueJoinOutcome = "queued" | "full" | "closed" | "no-agents";

/** "answered": the caller talked with an agent and the call is over. */
export type QueueWaitOutcome = "answered" | "timeout";

/** Bullseye: wider needs for the call where it stands (its arrival time, so its place, is kept). */
export interface QueueWidening {
  /** Every required skill's minimum goes down to at most this. */
  minProficiency: number | null;
  /** The call is served as if in this queue (its skills, agents and position) instead. */
  addQueue: string | null;
}

export interface RoutingEffects {
  /** Leaves the queue the call is in (if any, the overflow) and joins this one. */
  join(request: QueueJoinRequest): Promise<QueueJoinOutcome>;
  wait(seconds: number): Promise<QueueWaitOutcome>;
  widen(widening: QueueWidening): Promise<void>;
  /** Out of the queue; the IVR's transfer takes its failed path (where it draws the voicemail). */
  voicemail(): Promise<void>;
}
