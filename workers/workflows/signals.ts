import { defineSignal } from "@temporalio/workflow";

/**
 * Signals a call's workflow receives (`call-<channelId>`): from the ARI bridge, and agentAction from the
 * web app. The workflow is the only consumer. Payloads stay plain JSON.
 */

export interface DtmfSignal {
  digit: string;
  durationMs: number;
  /** The playback the bridge saw playing on the channel when the key was pressed (its PlaybackStarted came first, its PlaybackFinished not yet). */
  duringPlayback?: string;
}

export interface PlaybackSignal {
  playbackId: string;
  /** ARI playback state: "playing" on start; "done", "failed" or "stopped"-like states on finish. */
  state: string;
}

export interface RecordingFinishedSignal {
  name: string;
  durationSeconds: number;
  /** "done" | "failed" | "canceled" as reported by ARI. */
  state: string;
  format?: string;
}

export interface TransferLegAnsweredSignal {
  legChannelId: string;
}

/** The leg ended: before it answered (busy, no answer, failure) or after (the agent hung up). */
export interface TransferLegFailedSignal {
  legChannelId: string;
  reason: string;
}

/** A channel a campaign originated was answered and entered Stasis. */
export interface CampaignAnsweredSignal {
  channelId: string;
}

export interface HangupSignal {
  cause: number | null;
}

/** The bridge may have lost events of this call (it was down or its WebSocket was): ask ARI what is true now. */
export type ReconcileSignal = Record<string, never>;

/**
 * What an agent does from the agent page about the call offered to or connected with them; the web app
 * sends it to the call's workflow (QueuedCall.workflowId). Answering is done on the agent's phone.
 */
export interface AgentActionSignal {
  agentId: string;
  action: "decline" | "hangup";
}

/**
 * The matcher offered this call to an agent (from the worker's offer dispatcher, on NOTIFY
 * cc_queues_offer or its sweep). Sent again after a lost notification or a restart: `offeredAt`
 * names the offer, and the workflow rings each offer once.
 */
export interface QueueOfferSignal {
  /** The QueuedCall row offered (the caller's stay in one queue). */
  callId: string;
  agentId: string;
  /** The agent's dial string: AgentProfile.endpoint, or PJSIP/<extension>. */
  endpoint: string;
  /** Epoch ms. */
  offeredAt: number;
  expiresAt: number;
}

export const dtmfSignal = defineSignal<[DtmfSignal]>("dtmf");
export const playbackFinishedSignal = defineSignal<[PlaybackSignal]>("playbackFinished");
export const recordingFinishedSignal = defineSignal<[RecordingFinishedSignal]>("recordingFinished");
export const transferLegAnsweredSignal = defineSignal<[TransferLegAnsweredSignal]>("transferLegAnswered");
export const transferLegFailedSignal = defineSignal<[TransferLegFailedSignal]>("transferLegFailed");
export const hangupSignal = defineSignal<[HangupSignal]>("hangup");
export const reconcileSignal = defineSignal<[ReconcileSignal]>("reconcile");
export const campaignAnsweredSignal = defineSignal<[CampaignAnsweredSignal]>("campaignAnswered");
export const agentActionSignal = defineSignal<[AgentActionSignal]>("agentAction");
export const queueOfferSignal = defineSignal<[QueueOfferSignal]>("queueOffer");

export { callOfWorkflowId, callWorkflowId } from "./call-workflow-id";

const BARGE_IN_PREFIX = "bargein-";

/**
 * Playback id of a barge-in prompt. Such a prompt ends for the workflow with the first key pressed
 * during it, and the workflow stops it itself: the bridge need not signal its PlaybackFinished once
 * it has signalled a key pressed after the prompt started (ChannelPlaybacks).
 */
export function bargeInPlaybackId(suffix: string): string {
  return `${BARGE_IN_PREFIX}${suffix}`;
}

export function isBargeInPlayback(playbackId: string): boolean {
  return playbackId.startsWith(BARGE_IN_PREFIX);
}

/** Stasis arguments an originated transfer leg carries, so the bridge can route its events. */
export const TRANSFER_LEG_ARG = "transfer-leg";

const LEG_SEPARATOR = "~leg~";

/**
 * Channel id of a transfer leg. It embeds the caller's channel id so the bridge can route the
 * leg's hangup to the right call even when the leg never entered Stasis (busy, no answer).
 */
export function transferLegChannelId(callId: string, suffix: string): string {
  return `${callId}${LEG_SEPARATOR}${suffix}`;
}

export function callIdOfTransferLeg(channelId: string): string | null {
  const at = channelId.indexOf(LEG_SEPARATOR);
  return at > 0 ? channelId.slice(0, at) : null;
}

/**
 * Id of a queued caller's holding bridge: the leg scheme, so the bridge routes the bridge's
 * announcements (target `bridge:<id>`) to the caller's workflow.
 */
export function holdingBridgeId(callId: string, suffix: string): string {
  return transferLegChannelId(callId, `hold-${suffix}`);
}
