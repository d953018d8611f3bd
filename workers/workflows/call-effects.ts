import { CancellationScope, condition, isCancellation, patched, sleep, uuid4 } from "@temporalio/workflow";
import {
  CallHangupError,
  type CallEffects,
  type CollectOptions,
  type CollectResult,
  type HttpRequest,
  type HttpResponse,
  type MediaItem,
  type PlayOptions,
  type PlayResult,
  type RecordOptions,
  type RecordResult,
  type SubflowResult,
  type TransferResult,
  type TransferTarget,
} from "../../flows-runtime/interpreter/effects";
import type { Handover } from "../persistence/execution-store";
import { ari, httpActivities, tts } from "./activity-proxies";
import type { CallSignalState } from "./call-signal-state";
import { mediaUri } from "./media-uri";
import { transferLegChannelId } from "./signals";
import type { TraceBuffer } from "./trace-buffer";

/** Queue transfers continue here in the dialplan; the queue itself lives outside this engine. */
export const QUEUE_CONTEXT = "cc-queues";
/** A queue transfer counts as failed when the channel is gone this long after continue. */
const QUEUE_HANDOVER_CHECK_MS = 2_000;
/** A recording without a maximum duration still ends: Asterisk would stop it at its own limit. */
const UNLIMITED_RECORDING_GUARD_MS = 30 * 60_000;
/** After a hangup Asterisk still reports the recording it finalised; wait this long for it. */
const RECORDING_SETTLE_MS = 3_000;

export type SubflowRunner = (flowId: string, inputs: Record<string, unknown>) => Promise<SubflowResult>;

export interface CallEffectsContext {
  callId: string;
  executionId: string;
  signals: CallSignalState;
  trace: TraceBuffer;
  runSubflow: SubflowRunner;
  /** Recordings made by earlier runs of this call (continue-as-new), for unique names. */
  recordingsMade: number;
}

/** How the caller's channel stands when the flow ends. */
export type ChannelFate =
  | { kind: "up" }
  | { kind: "hung-up-by-caller" }
  | { kind: "hung-up-by-flow" }
  | { kind: "left-to-dialplan"; handover: Handover }
  | { kind: "bridged"; handover: Handover & { kind: "number" | "endpoint" } };

/**
 * CallEffects inside the workflow: ARI commands are local activities, caller events arrive as
 * signals (CallSignalState), timeouts are workflow timers.
 *
 * Digit buffer rules:
 * - every digit is buffered until a collection consumes it, so callers can type ahead;
 * - barge-in prompts stop on the first digit (and are skipped when digits are already waiting);
 *   the digit stays buffered for the next collection;
 * - digits pressed during a prompt without barge-in are discarded when it ends: such a prompt must
 *   be heard (legal notices), and a key pressed during it answers nothing the caller was asked yet.
 */
export class TemporalCallEffects implements CallEffects {
  private fate: ChannelFate = { kind: "up" };
  private recordingsMade: number;

  constructor(private readonly ctx: CallEffectsContext) {
    this.recordingsMade = ctx.recordingsMade;
  }

  get channel(): ChannelFate {
    if (this.fate.kind === "up" && this.ctx.signals.hangup !== null) return { kind: "hung-up-by-caller" };
    return this.fate;
  }

  get recordingCount(): number {
    return this.recordingsMade;
  }

  now(): Date {
    // The workflow sandbox makes Date deterministic: this is workflow time, replayed identically.
    return new Date();
  }

  async play(media: MediaItem[], options: PlayOptions): Promise<PlayResult> {
    this.ensureUp("play");
    const { signals } = this.ctx;
    const waiting = signals.digits[0];
    if (options.bargeIn && waiting !== undefined) return { interruptedBy: waiting };
    if (media.length === 0) return {};

    const uris = await Promise.all(
      media.map(async (item) => (item.kind === "tts" ? `sound:${await tts.ttsUrl(item.text, item.language, item.voice ?? null)}` : mediaUri(item))),
    );
    this.ensureUp("play");
    const playbackId = uuid4();
    const digitsBefore = signals.digits.length;
    if ((await ari.playMedia(this.ctx.callId, uris, playbackId)) === "gone") throw this.callerGone("play");
    this.ctx.trace.flushInBackground();

    // No timer: a prompt lasts as long as it lasts, and a caller left in silence by a lost event
    // hangs up, which ends this wait too (and the bridge reconciles hangups it missed).
    const interrupted = () => options.bargeIn && signals.digits.length > digitsBefore;
    await condition(() => signals.hangup !== null || signals.finishedPlaybacks.has(playbackId) || interrupted());
    signals.finishedPlaybacks.delete(playbackId);
    if (signals.hangup !== null) throw new CallHangupError("play");
    const digit = signals.digits[digitsBefore];
    if (options.bargeIn && digit !== undefined) {
      if ((await ari.stopPlayback(playbackId)) === "gone" && signals.hangup !== null) throw new CallHangupError("play");
      return { interruptedBy: digit };
    }
    if (!options.bargeIn) signals.digits.splice(digitsBefore);
    return {};
  }

  async collectDigits(options: CollectOptions): Promise<CollectResult> {
    this.ensureUp("collect");
    const { signals } = this.ctx;
    this.ctx.trace.flushInBackground();
    const deadline = options.totalTimeoutMs === null ? null : this.now().getTime() + options.totalTimeoutMs;
    let digits = "";
    for (;;) {
      if (signals.digits.length === 0) {
        const wait = digits === "" ? options.firstDigitTimeoutMs : options.interDigitTimeoutMs;
        const limit = deadline === null ? wait : Math.min(wait, deadline - this.now().getTime());
        const got = limit > 0 && (await condition(() => signals.hangup !== null || signals.digits.length > 0, limit));
        if (signals.hangup !== null) throw new CallHangupError("collect");
        if (!got) return { digits, ended: "timeout" };
      }
      const digit = signals.digits.shift();
      if (digit === undefined) continue;
      if (options.terminator !== null && digit === options.terminator) return { digits, ended: "terminator" };
      digits += digit;
      if (digits.length >= options.maxDigits) return { digits, ended: "max" };
    }
  }

  async http(request: HttpRequest): Promise<HttpResponse> {
    this.ensureUp("http");
    this.ctx.trace.flushInBackground();
    try {
      return await this.untilHangup("http", () => httpActivities(request.timeoutMs).httpRequest(request));
    } catch (err) {
      if (err instanceof CallHangupError) throw err;
      return { ok: false, status: null, body: null, error: failureMessage(err) };
    }
  }

  async record(options: RecordOptions): Promise<RecordResult> {
    this.ensureUp("record");
    const { signals, trace } = this.ctx;
    this.recordingsMade += 1;
    // Unique per call and stable on replay: execution id + the step's seq + a counter.
    const name = `${this.ctx.executionId}-${trace.nextSeq}-${this.recordingsMade}`;
    const digitsBefore = signals.digits.length;
    const started = await ari.startRecording({
      channelId: this.ctx.callId,
      name,
      format: "wav",
      maxDurationSeconds: options.maxDurationSeconds,
      maxSilenceSeconds: options.maxSilenceSeconds,
      beep: options.beep,
      terminateOn: terminateOn(options.terminateOn),
    });
    if (started === "gone") throw this.callerGone("record");
    trace.flushInBackground();

    const limitMs = options.maxDurationSeconds > 0 ? (options.maxDurationSeconds + 5) * 1000 : UNLIMITED_RECORDING_GUARD_MS;
    await condition(() => signals.finishedRecordings.has(name) || signals.hangup !== null, limitMs);
    if (!signals.finishedRecordings.has(name)) {
      if (signals.hangup === null) await ari.stopRecording(name);
      await condition(() => signals.finishedRecordings.has(name), RECORDING_SETTLE_MS);
    }
    const finished = signals.finishedRecordings.get(name);
    signals.finishedRecordings.delete(name);
    const durationSeconds = finished?.durationSeconds ?? 0;
    if (finished && finished.state !== "failed" && finished.state !== "canceled") {
      trace.addRecording({ name, format: finished.format ?? "wav", durationSeconds });
    }
    const pressed = signals.digits.slice(digitsBefore);
    // The key that ended the recording answers nothing else.
    signals.digits.splice(digitsBefore);
    let ended: RecordResult["ended"];
    if (signals.hangup !== null) ended = "hangup";
    else if (options.terminateOn !== null && pressed.some((d) => options.terminateOn === "any" || d === options.terminateOn)) ended = "dtmf";
    else if (options.maxDurationSeconds > 0 && durationSeconds >= options.maxDurationSeconds - 0.5) ended = "max";
    else ended = "silence";
    return { recordingName: name, durationSeconds, ended };
  }

  async transfer(target: TransferTarget): Promise<TransferResult> {
    this.ensureUp("transfer");
    return target.kind === "queue" ? this.transferToQueue(target) : this.transferToLeg(target);
  }

  async hangup(): Promise<void> {
    this.ensureUp("hangup");
    await ari.hangupChannel(this.ctx.callId);
    this.fate = { kind: "hung-up-by-flow" };
  }

  runSubflow(flowId: string, inputs: Record<string, unknown>): Promise<SubflowResult> {
    return this.ctx.runSubflow(flowId, inputs);
  }

  private async transferToQueue(target: Extract<TransferTarget, { kind: "queue" }>): Promise<TransferResult> {
    const { callId } = this.ctx;
    const vars = { CC_QUEUE: target.queue, CC_PRIORITY: String(target.priority), CC_SKILLS: target.skills.join(",") };
    if ((await ari.setChannelVars(callId, vars)) === "gone") throw this.callerGone("transfer");
    if ((await ari.continueInDialplan(callId, QUEUE_CONTEXT, target.queue)) === "gone") throw this.callerGone("transfer");
    const handover: Handover = { kind: "queue", queue: target.queue, priority: target.priority, skills: target.skills, context: QUEUE_CONTEXT };
    // Without that extension Asterisk drops the caller at once ("sent to invalid extension"), and our
    // app no longer hears about the channel after StasisEnd: ask Asterisk whether it is still there.
    if (patched("queue-handover-check")) {
      await sleep(QUEUE_HANDOVER_CHECK_MS);
      if (!(await ari.channelExists(callId))) {
        this.ctx.signals.hangup ??= { cause: null };
        const where = `${QUEUE_CONTEXT},${target.queue},1`;
        return { ok: false, reason: `the call ended within ${QUEUE_HANDOVER_CHECK_MS / 1000} s in the dialplan at ${where}: is that extension missing?` };
      }
    }
    this.fate = { kind: "left-to-dialplan", handover };
    this.ctx.trace.setDetail({ handover });
    return { ok: true, reason: null };
  }

  private async transferToLeg(target: Exclude<TransferTarget, { kind: "queue" }>): Promise<TransferResult> {
    const { callId, signals } = this.ctx;
    const legChannelId = transferLegChannelId(callId, uuid4());
    const originated = await ari.originateLeg({
      callId,
      legChannelId,
      target: target.kind === "number" ? { kind: "number", number: target.number, callerId: target.callerId } : { kind: "endpoint", endpoint: target.endpoint },
      timeoutSeconds: target.timeoutSeconds,
    });
    if (!originated.ok) return { ok: false, reason: originated.reason };
    this.ctx.trace.flushInBackground();

    // Asterisk's own originate timeout normally ends the leg first (a transferLegFailed signal).
    const answered = await condition(
      () => signals.hangup !== null || signals.answeredLegs.has(legChannelId) || signals.endedLegs.has(legChannelId),
      (target.timeoutSeconds + 5) * 1000,
    );
    const endedReason = signals.endedLegs.get(legChannelId);
    if (signals.hangup !== null || !answered || endedReason !== undefined) {
      if (endedReason === undefined) await ari.hangupChannel(legChannelId);
      if (signals.hangup !== null) throw new CallHangupError("transfer");
      return { ok: false, reason: endedReason ?? "no answer" };
    }
    const bridgeId = `bridge-${uuid4()}`;
    const bridged = await ari.bridgeChannels(bridgeId, [callId, legChannelId]);
    if (bridged === "gone") {
      await ari.hangupChannel(legChannelId);
      await ari.destroyBridge(bridgeId);
      if (signals.hangup !== null) throw new CallHangupError("transfer");
      return { ok: false, reason: "the transfer target hung up before it was connected" };
    }
    const handover: Handover & { kind: "number" | "endpoint" } = {
      kind: target.kind,
      target: target.kind === "number" ? target.number : target.endpoint,
      legChannelId,
      bridgeId,
    };
    this.fate = { kind: "bridged", handover };
    this.ctx.trace.setDetail({ handover });
    return { ok: true, reason: null };
  }

  /** Runs `work` unless the caller hangs up first; then it is cancelled and CallHangupError thrown. */
  private async untilHangup<T>(during: string, work: () => Promise<T>): Promise<T> {
    const { signals } = this.ctx;
    const scope = new CancellationScope();
    let settled = false;
    const running = scope.run(work).finally(() => {
      settled = true;
    });
    await condition(() => settled || signals.hangup !== null);
    if (!settled) {
      scope.cancel();
      running.catch(() => undefined);
      throw new CallHangupError(during);
    }
    return running;
  }

  private ensureUp(during: string): void {
    if (this.ctx.signals.hangup !== null || this.fate.kind !== "up") throw new CallHangupError(during);
  }

  /** ARI said the channel is gone: the hangup signal may still be on its way. */
  private callerGone(during: string): CallHangupError {
    this.ctx.signals.hangup ??= { cause: null };
    return new CallHangupError(during);
  }
}

function terminateOn(key: string | null): "none" | "any" | "*" | "#" {
  if (key === "any" || key === "*" || key === "#") return key;
  return "none";
}

function failureMessage(err: unknown): string {
  if (isCancellation(err)) return "cancelled";
  if (err instanceof Error) {
    const cause = err.cause instanceof Error ? `: ${err.cause.message}` : "";
    return `${err.message}${cause}`;
  }
  return String(err);
}
