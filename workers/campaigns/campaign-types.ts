import type { DialResult } from "../../flows-runtime/campaigns/dial-result";
import type { RetryRules, SkipReason } from "../../flows-runtime/campaigns/retry-rules";
import type { CampaignSchedule, TimeSpan } from "../../flows-runtime/campaigns/schedule-schema";

/** A contact as the dialer workflow keeps it: no names or fields (they stay in PostgreSQL, out of the history). */
export interface DialerContact {
  id: string;
  phone: string;
  /** null: no zone known (none given, and the number's country has several): never called. */
  zone: string | null;
  country: string | null;
  /** Attempts already made (a campaign started again after a stop continues from here). */
  attempts: number;
}

/** What a campaign runs with, read once at its start; the flow's version is pinned then. */
export interface CampaignRun {
  campaignId: string;
  flowId: string;
  flowVersionId: string;
  schedule: CampaignSchedule;
  retryRules: RetryRules;
  legalWindows: Record<string, TimeSpan>;
  maxLines: number;
  maxDialsPerSecond: number;
  ringSeconds: number;
  callerId: string;
  contacts: DialerContact[];
}

/** The campaign's time decisions (windows, retry delays) on a clock of its own: tests run hours in seconds. */
export interface CampaignClock {
  /** The campaign's time when the workflow started, ISO. */
  startsAt: string;
  /** Campaign milliseconds per real millisecond. */
  speed: number;
}

export interface PlaceAttemptInput {
  attemptId: string;
  campaignId: string;
  contactId: string;
  attempt: number;
  phone: string;
  channelId: string;
  callerId: string;
  ringSeconds: number;
}

export type PlaceAttemptResult =
  | { kind: "dialed"; contact: { name: string | null; phone: string; fields: Record<string, unknown> } }
  /** A previous run of this activity wrote the attempt: it may have dialed, so it never dials again. */
  | { kind: "already-dialed"; contact: { name: string | null; phone: string; fields: Record<string, unknown> } }
  | { kind: "skipped"; reason: SkipReason }
  | { kind: "failed"; reason: string };

/**
 * Attempt results the dialer counts: the dial results, the two reasons an attempt was not made, and
 * "unknown": a run found the attempt written but no channel and no word of one (the worker died
 * between the write and the originate, or the channel's events were lost): retried like no answer.
 */
export type AttemptResult = DialResult | SkipReason | "unknown";

export interface AttemptFinished {
  attemptId: string;
  contactId: string;
  attempt: number;
  result: AttemptResult;
}

/** What a campaign's call knows about its campaign: the flow's campaign nodes write through it. */
export interface CampaignCallContext {
  campaignId: string;
  contactId: string;
  attemptId: string;
  attempt: number;
  phone: string;
  /** The dialer workflow, told when the attempt is over. */
  dialerWorkflowId: string;
  contact: { name: string | null; phone: string; fields: Record<string, unknown> };
}
