import { condition, uuid4 } from "@temporalio/workflow";
import type { RecordingMode } from "../queues/callback-settings";
import { ari } from "./activity-proxies";
import { media, queues } from "./queue-proxies";
import type { QueueCallContext } from "./queue-call";
import { queueRecordingName, recordingNoticeText } from "./queue-recording-text";

/** Behaviour change of running code: queues may record the conversation with the caller's consent. */
export const QUEUE_RECORDING_PATCH = "queue-recording";

/** With "ask", the caller has this long after the notice to press 1. */
const CONSENT_KEY_WAIT_MS = 6_000;
const NOTICE_FALLBACK_MS = 8_000;
const NOTICE_MARGIN_MS = 2_000;



export interface RecordingHost {
  ctx: QueueCallContext;
  note(event: string, fields: Record<string, string | number | null>): void;
}

/**
 * Recording with consent (README "Queues and agents"): the notice is played in the holding bridge as
 * the caller enters the queue (before any agent is bridged); with "ask" only a 1 pressed during it or
 * just after counts as consent. The conversation's mixing bridge is recorded from the moment both are
 * in it until it ends, and the recording is stored with the call (CallRecording, QueuedCall.recordingName).
 */
export class QueueRecording {
  private consented = false;
  private live: { name: string; startedAt: number } | null = null;

  constructor(
    private readonly host: RecordingHost,
    private readonly mode: Exclude<RecordingMode, "off">,
  ) {}

  /** The notice in the holding bridge (its music stops; the caller's wait resumes it). */
  async askConsent(holdingBridgeId: string): Promise<void> {
    const { signals, asteriskId } = this.host.ctx;
    const language = this.host.ctx.language();
    const playbackId = uuid4();
    const offers = signals.queueOffers.length;
    const played = await media.announce(asteriskId, { bridgeId: holdingBridgeId, playbackId, text: recordingNoticeText(this.mode, language), language });
    if (played.outcome !== "ok") return;
    const pressedOne = () => signals.digits.some((d) => d.digit === "1");
    const finished = await condition(() => signals.hangup !== null || (this.mode === "ask" && pressedOne()) || signals.finishedPlaybacks.has(playbackId), (played.lengthMs ?? NOTICE_FALLBACK_MS) + NOTICE_MARGIN_MS);
    // An agent offered meanwhile ends the wait for the key: the offer's ring time is running.
    if (this.mode === "ask" && signals.hangup === null && !pressedOne()) await condition(() => signals.hangup !== null || pressedOne() || signals.queueOffers.length > offers, CONSENT_KEY_WAIT_MS);
    signals.finishedPlaybacks.delete(playbackId);
    if (!finished || pressedOne()) await ari.stopPlayback(asteriskId, playbackId);
    this.consented = this.mode === "notify" || pressedOne();
    signals.digits.splice(0);
    this.host.note("recording-consent", { mode: this.mode, consented: this.consented ? "yes" : "no" });
  }

  /** Starts recording the conversation's bridge, if the caller consented. */
  async start(rowId: string, talkBridgeId: string): Promise<void> {
    if (!this.consented || this.live !== null) return;
    const name = queueRecordingName(rowId, talkBridgeId);
    if ((await media.recordBridge(this.host.ctx.asteriskId, { bridgeId: talkBridgeId, name })) !== "ok") return;
    this.live = { name, startedAt: Date.now() };
    this.host.note("recording-started", { name });
  }

  /** Stops the recording (before the bridge goes) and stores it with the call. */
  async stop(rowId: string, addRecording: QueueCallContext["addRecording"]): Promise<void> {
    const live = this.live;
    if (live === null) return;
    this.live = null;
    await ari.stopRecording(this.host.ctx.asteriskId, live.name);
    // The talk bridge's RecordingFinished is not routed to the call (its id is not the leg scheme): the workflow's own clock gives the length.
    const durationSeconds = Math.max(0, Math.floor((Date.now() - live.startedAt) / 1000));
    addRecording?.({ name: live.name, format: "wav", durationSeconds });
    await queues.queueSetRecording({ callId: rowId, recordingName: live.name });
    this.host.note("recording-stopped", { name: live.name, seconds: durationSeconds });
  }
}
