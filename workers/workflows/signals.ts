import { defineSignal } from "@temporalio/workflow";
import { DEFAULT_ASTERISK_ID } from "../default-asterisk-id";

/**
 * Signals the ARI bridge sends to a call's workflow (`call-<channelId>`). The bridge is the only
 * producer; the workflow is the only consumer. Payloads stay plain JSON.
 */

export interface DtmfSignal {
  digit: string;
  durationMs: number;
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

export interface HangupSignal {
  cause: number | null;
}

/** The bridge may have lost events of this call (it was down or its WebSocket was): ask ARI what is true now. */
export type ReconcileSignal = Record<string, never>;

export const dtmfSignal = defineSignal<[DtmfSignal]>("dtmf");
export const playbackFinishedSignal = defineSignal<[PlaybackSignal]>("playbackFinished");
export const recordingFinishedSignal = defineSignal<[RecordingFinishedSignal]>("recordingFinished");
export const transferLegAnsweredSignal = defineSignal<[TransferLegAnsweredSignal]>("transferLegAnswered");
export const transferLegFailedSignal = defineSignal<[TransferLegFailedSignal]>("transferLegFailed");
export const hangupSignal = defineSignal<[HangupSignal]>("hangup");
export const reconcileSignal = defineSignal<[ReconcileSignal]>("reconcile");

/**
 * Workflow id of the call whose caller channel is `channelId` on the Asterisk `asteriskId`. Channel
 * ids are unique per Asterisk only (uniqueids are "<epoch>.<counter>"), so other servers' calls carry
 * their id: `call@<asteriskId>:<channelId>`. The default server keeps `call-<channelId>` (histories
 * and rows of calls made before several servers existed); the prefixes differ, so they never collide.
 */
export function callWorkflowId(channelId: string, asteriskId: string = DEFAULT_ASTERISK_ID): string {
  return asteriskId === DEFAULT_ASTERISK_ID ? `call-${channelId}` : `call@${asteriskId}:${channelId}`;
}

/** The inverse of callWorkflowId; null for a workflow id that is not a call's. */
export function callOfWorkflowId(workflowId: string): { asteriskId: string; channelId: string } | null {
  if (workflowId.startsWith("call-")) return { asteriskId: DEFAULT_ASTERISK_ID, channelId: workflowId.slice("call-".length) };
  const match = /^call@([a-z0-9_]+):(.+)$/s.exec(workflowId);
  const [, asteriskId, channelId] = match ?? [];
  return asteriskId !== undefined && channelId !== undefined ? { asteriskId, channelId } : null;
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
