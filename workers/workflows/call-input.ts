import type { Pretend } from "../../flows-runtime/pretend/pretend-schema";
import type { CampaignCallContext } from "../campaigns/campaign-types";

/** Input of ivrCallWorkflow; also what continue-as-new carries forward. */
export interface IvrCallInput {
  /** The caller's ARI channel id. */
  callId: string;
  /** The Asterisk that holds the channel (ASTERISK_SERVERS id); absent in calls started before there were several: "default". */
  asteriskId?: string;
  /** Id of the CallExecution row (chosen by whoever starts the workflow). */
  executionId: string;
  flowId: string;
  /** The published version the call runs; null for a designer test call. */
  flowVersionId: string | null;
  /** A designer test call runs this draft snapshot (TestCallPlan) instead of a version. */
  testPlanId?: string;
  /** What a designer test call pretends (clock, language, variables, canned HTTP answers); only with testPlanId. */
  pretend?: Pretend;
  caller: string;
  dialed: string;
  language: string;
  /** A campaign's answered call: the flow reads contact.* and campaign.*, its campaign nodes write through it. */
  campaign?: CampaignCallContext;
  /** Continue-as-new every N executed steps even when the server does not suggest it yet. */
  stepsPerRun?: number;
  resume?: IvrCallResume;
}

export interface IvrCallResume {
  /** Plan step to resume at. */
  at: string;
  vars: Record<string, unknown>;
  /** runPlan's step counter. */
  seq: number;
  /** Digits typed ahead that no step consumed yet. */
  pendingDigits: string[];
  /** Next CallStep.seq to persist (covers subflow steps too). */
  traceSeq: number;
  /** flowId → FlowVersion id of every plan pinned when the call started (main flow and subflows). */
  pinnedVersions: Record<string, string>;
  /** Recordings started so far, for unique recording names. */
  recordings: number;
}

export interface IvrCallResult {
  outcome: string;
  error: string | null;
  lastStepId: string | null;
  /** Steps the whole call executed (all runs, subflows included). */
  steps: number;
}
