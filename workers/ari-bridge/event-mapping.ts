import type { AnyAriEvent } from "../ari/events";
import { CAMPAIGN_CALL_ARG } from "../campaigns/campaign-ids";
import type {
  CampaignAnsweredSignal,
  DtmfSignal,
  HangupSignal,
  PlaybackSignal,
  ReconcileSignal,
  RecordingFinishedSignal,
  TransferLegAnsweredSignal,
  TransferLegFailedSignal,
} from "../workflows/signals";
import { callIdOfTransferLeg, TRANSFER_LEG_ARG } from "../workflows/signals";

/** A signal for the workflow of the call whose caller channel is `callId`. */
export type CallSignal =
  | { name: "dtmf"; payload: DtmfSignal }
  | { name: "playbackFinished"; payload: PlaybackSignal }
  | { name: "recordingFinished"; payload: RecordingFinishedSignal }
  | { name: "transferLegAnswered"; payload: TransferLegAnsweredSignal }
  | { name: "transferLegFailed"; payload: TransferLegFailedSignal }
  | { name: "campaignAnswered"; payload: CampaignAnsweredSignal }
  | { name: "hangup"; payload: HangupSignal }
  | { name: "reconcile"; payload: ReconcileSignal };

export type BridgeAction =
  | { kind: "start-call"; channelId: string; args: string[]; caller: string; dialed: string }
  | { kind: "signal"; callId: string; signal: CallSignal; /** Channel whose end this reports (dedupe key). */ endOf?: string }
  | { kind: "playback-started"; callId: string; playbackId: string }
  | { kind: "none" };

/**
 * "channel:<id>" → id; playbacks and recordings name their target this way. A queued caller's
 * holding bridge ("bridge:<holdingBridgeId>") names its caller in its id.
 */
function channelOfTarget(targetUri: string): string | null {
  if (targetUri.startsWith("bridge:")) return callIdOfTransferLeg(targetUri.slice("bridge:".length));
  return targetUri.startsWith("channel:") ? targetUri.slice("channel:".length) : null;
}

const NONE: BridgeAction = { kind: "none" };

/** Q.850 causes a transfer leg typically ends with, in Asterisk's words. */
const CAUSES: Record<number, string> = {
  16: "Normal Clearing",
  17: "User busy",
  18: "No user responding",
  19: "No answer",
  21: "Call Rejected",
  27: "Destination out of order",
  34: "Circuit/channel congestion",
};

function legEndReason(cause: number | null, text: string | undefined): string {
  if (text) return text;
  if (cause === null) return "hangup";
  return CAUSES[cause] ?? `cause ${cause}`;
}

/** What an ARI event means for the call workflows. Pure: the bridge does the I/O. */
export function mapAriEvent(event: AnyAriEvent): BridgeAction {
  if ("unknown" in event) return NONE;
  switch (event.type) {
    case "StasisStart": {
      const [first, second] = event.args;
      if (first === TRANSFER_LEG_ARG && second) {
        return { kind: "signal", callId: second, signal: { name: "transferLegAnswered", payload: { legChannelId: event.channel.id } } };
      }
      if (callIdOfTransferLeg(event.channel.id) !== null) return NONE;
      // Its attempt's workflow dialed it and waits for the answer: nothing to start.
      if (first === CAMPAIGN_CALL_ARG) {
        return { kind: "signal", callId: event.channel.id, signal: { name: "campaignAnswered", payload: { channelId: event.channel.id } } };
      }
      return {
        kind: "start-call",
        channelId: event.channel.id,
        args: event.args,
        caller: event.channel.caller.number,
        dialed: event.channel.dialplan.exten,
      };
    }
    case "ChannelDtmfReceived": {
      if (callIdOfTransferLeg(event.channel.id) !== null) return NONE;
      return {
        kind: "signal",
        callId: event.channel.id,
        signal: { name: "dtmf", payload: { digit: event.digit, durationMs: event.duration_ms } },
      };
    }
    case "PlaybackStarted": {
      const callId = channelOfTarget(event.playback.target_uri);
      if (callId === null) return NONE;
      return { kind: "playback-started", callId, playbackId: event.playback.id };
    }
    case "PlaybackFinished": {
      const callId = channelOfTarget(event.playback.target_uri);
      if (callId === null) return NONE;
      const payload = { playbackId: event.playback.id, state: event.playback.state };
      return { kind: "signal", callId, signal: { name: "playbackFinished", payload } };
    }
    case "RecordingFinished":
    case "RecordingFailed": {
      const callId = channelOfTarget(event.recording.target_uri);
      if (callId === null) return NONE;
      return {
        kind: "signal",
        callId,
        signal: {
          name: "recordingFinished",
          payload: {
            name: event.recording.name,
            durationSeconds: event.recording.duration ?? 0,
            state: event.type === "RecordingFailed" ? "failed" : event.recording.state,
            format: event.recording.format,
          },
        },
      };
    }
    case "ChannelHangupRequest":
    case "StasisEnd":
    case "ChannelDestroyed": {
      const channelId = event.channel.id;
      // A soft hangup request's `cause` is ast_softhangup's reason flag (32 = the app's DELETE), not Q.850.
      const soft = event.type === "ChannelHangupRequest" && event.soft === true;
      const cause = !soft && "cause" in event && typeof event.cause === "number" ? event.cause : null;
      const legOf = callIdOfTransferLeg(channelId);
      if (legOf !== null) {
        const reason = legEndReason(cause, event.type === "ChannelDestroyed" ? event.cause_txt : undefined);
        return {
          kind: "signal",
          callId: legOf,
          endOf: channelId,
          signal: { name: "transferLegFailed", payload: { legChannelId: channelId, reason } },
        };
      }
      return { kind: "signal", callId: channelId, endOf: channelId, signal: { name: "hangup", payload: { cause } } };
    }
    default:
      return NONE;
  }
}
