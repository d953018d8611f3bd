import { CancellationScope, condition, isCancellation, patched, sleep, uuid4 } from "@temporalio/workflow";
import {
  CallHangupError,
  type CallEffects,
  type CampaignEffects,
  type CollectOptions,
  type CollectResult,
  type CustomerLookup,
  type CustomerLookupResult,
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
import { cannedHttpResponse } from "../../flows-runtime/pretend/canned-http";
import type { CannedHttp } from "../../flows-runtime/pretend/pretend-schema";
import type { Handover } from "../persistence/execution-store";
import { ari, customers, httpActivities, prompts, tts } from "./activity-proxies";
import { askLeg } from "./ask-leg";
import type { CallSignalState } from "./call-signal-state";
import { CALL_COST_PATCH } from "./call-cost-patch";
import { mediaUri } from "./media-uri";
import type { CallTrace } from "./call-trace";
import { QUEUE_CALL_PATCH, QueueCall, type QueueCallContext, type QueueCallOutcome } from "./queue-call";
import { RoutingSession } from "./routing-session";

/** Behaviour change of running code: a queue that names a routing flow hands its calls to that flow. */
export const ROUTING_FLOW_PATCH = "routing-flow";
import { bargeInPlaybackId, transferLegChannelId } from "./signals";

/** Queue transfers continue here in the dialplan; the queue itself lives outside this engine. */
export const QUEUE_CONTEXT = "cc-queues";
/** A queue transfer counts as failed when the channel is gone this long after continue. */
const QUEUE_HANDOVER_CHECK_MS = 2_000;
/** A recording without a maximum duration still ends: Asterisk would stop it at its own limit. */
const UNLIMITED_RECORDING_GUARD_MS = 30 * 60_000;
/** After a hangup Asterisk still reports the recording it finalised; wait this long for it. */
const RECORDING_SETTLE_MS = 3_000;
/** A prompt of known length whose PlaybackFinished has not come this long after its end: ask ARI. */
const PROMPT_END_MARGIN_MS = 2_000;
/** A prompt of unknown length (sound files, digits, recordings): ask ARI this often. */
const UNKNOWN_LENGTH_CHECK_MS = 5_000;
/** ARI said it is still going: ask again this often. */
const STILL_RUNNING_CHECK_MS = 3_000;

/** Keys the bridge saw pressed during a non-interruptible prompt are discarded even when they precede its startSeq. */
const KEYS_DURING_RESTARTED_PROMPT_PATCH = "keys-during-restarted-prompt";
/** How long a flow's hangup waits for the hangup event of its own channel. */
const HANGUP_CONFIRM_MS = 2_000;
interface StartedPrompt {
  playbackId: string;
  /** Signal sequence number before the play command: later digits were pressed during it. */
  startSeq: number;
  reconcilesSeen: number;
  /** How long it plays when known; null = unknown (or already over). */
  knownLength: number | null;
}

export type SubflowRunner = (flowId: string, inputs: Record<string, unknown>) => Promise<SubflowResult>;

export interface CallEffectsContext {
  callId: string;
  /** The Asterisk that holds the channel: the first argument of every ARI activity. */
  asteriskId: string;
  executionId: string;
  signals: CallSignalState;
  trace: CallTrace;
  runSubflow: SubflowRunner;
  /** Recordings made by earlier runs of this call (continue-as-new), for unique names. */
  recordingsMade: number;
  /** Barge-in prompts get ids the bridge recognises (bargeInPlaybackId); false in runs started before CALL_COST_2_PATCH. */
  markBargeInPlaybacks: boolean;
  /** A test call's canned answer for the running step's HTTP request, if it has one. */
  cannedHttp?: () => CannedHttp | undefined;
  /** A test call that pretends a `customer` variable: the lookup node keeps it instead of looking up. */
  pretendsCustomer?: boolean;
  /** What a queue transfer hands the matcher (who calls, the IVR's variables); without it queues continue to the dialplan. */
  queueCall?: Omit<QueueCallContext, "callId" | "asteriskId" | "signals" | "addRecording">;
  /** The routing flows of the call's queues, pinned when it started (README "Routing flows"); absent: every queue routes by default. */
  routingFlows?: RoutingFlows;
  /** A campaign's call: what its campaign nodes write. */
  campaign?: CampaignEffects;
}

export interface RoutingFlows {
  /** The routing flow of a queue, or null for the default routing (the queue and its own actions). */
  flowFor(queue: string): string | null;
  /** Runs the flow's plan with its steps driving `session`; how the plan ended. */
  run(flowId: string, session: RoutingSession): Promise<{ outcome: string; error: string | null }>;
}

/** How the caller's channel stands when the flow ends. */
export type ChannelFate =
  | { kind: "up" }
  | { kind: "hung-up-by-caller" }
  | { kind: "hung-up-by-flow" }
  | { kind: "left-to-dialplan"; handover: Handover }
  /** Talked with an agent of a queue; both channels are hung up. */
  | { kind: "queue-ended"; handover: Handover }
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
  /**
   * A barge-in prompt the caller interrupted, not stopped yet: it is stopped by the next prompt's own
   * activity, or before anything else the flow does (one activation less per key). Only in runs
   * started with CALL_COST_2_PATCH.
   */
  private interrupted: string | null = null;

  readonly campaign: CampaignEffects | undefined;

  constructor(private readonly ctx: CallEffectsContext) {
    this.recordingsMade = ctx.recordingsMade;
    this.campaign = ctx.campaign;
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
    // Drawn before the typed-ahead shortcut: a workflow task retried after a timeout can see a key
    // that the first attempt did not, after that attempt had already played this prompt. Skipping
    // the draw then would hand this prompt's id, and its PlaybackFinished, to the next prompt.
    const drawnId = this.ctx.markBargeInPlaybacks && media.length > 0 ? this.newPlaybackId(options.bargeIn) : null;
    const waiting = signals.digits[0];
    if (options.bargeIn && waiting !== undefined) {
      if (drawnId !== null) signals.finishedPlaybacks.delete(drawnId);
      await this.stopInterrupted("play");
      return { interruptedBy: waiting.digit };
    }
    if (media.length === 0) {
      await this.stopInterrupted("play");
      return {};
    }

    const { playbackId, startSeq, reconcilesSeen, knownLength } = patched(CALL_COST_PATCH)
      ? await this.startPrompt(media, drawnId ?? this.newPlaybackId(options.bargeIn))
      : await this.startPromptInTwoSteps(media);
    this.ctx.trace.flushInBackground();

    const pressedDuring = () => signals.digits.find((d) => d.seq > startSeq);
    await this.untilEnded({
      ended: () => signals.finishedPlaybacks.has(playbackId) || (options.bargeIn && pressedDuring() !== undefined),
      firstCheckMs: knownLength === null ? UNKNOWN_LENGTH_CHECK_MS : knownLength + PROMPT_END_MARGIN_MS,
      reconcilesSeen,
      askAri: async () => {
        if ((await ari.playbackState(this.ctx.asteriskId, playbackId)) === "active") return false;
        signals.playbackEnded(playbackId, "done");
        return true;
      },
    });
    const finished = signals.finishedPlaybacks.get(playbackId);
    signals.finishedPlaybacks.delete(playbackId);
    if (signals.hangup !== null) throw new CallHangupError("play");
    const digit = pressedDuring();
    if (options.bargeIn && digit !== undefined) {
      if (finished === undefined && this.ctx.markBargeInPlaybacks) this.interrupted = playbackId;
      else if (finished === undefined && (await ari.stopPlayback(this.ctx.asteriskId, playbackId)) === "gone" && signals.hangup !== null) throw new CallHangupError("play");
      return { interruptedBy: digit.digit };
    }
    // Only keys whose events came before the prompt's end were pressed during it.
    if (!options.bargeIn) {
      signals.takeDigitsBetween(startSeq, finished?.seq ?? Number.POSITIVE_INFINITY);
      // A task retried after its worker died sees keys pressed during a prompt that worker had
      // started before it reaches that prompt (startSeq after them): the bridge says which prompt played.
      if (signals.digits.some((d) => d.duringPlayback === playbackId) && patched(KEYS_DURING_RESTARTED_PROMPT_PATCH)) signals.takeDigitsDuring(playbackId);
    }
    return {};
  }

  async collectDigits(options: CollectOptions): Promise<CollectResult> {
    this.ensureUp("collect");
    const { signals } = this.ctx;
    // Digits typed ahead are taken without a wait; a wait must not have the interrupted prompt go on.
    if (signals.digits.length === 0) await this.stopInterrupted("collect");
    this.ctx.trace.flushInBackground();
    const deadline = options.totalTimeoutMs === null ? null : this.now().getTime() + options.totalTimeoutMs;
    let digits = "";
    for (;;) {
      if (signals.digits.length === 0) {
        await this.stopInterrupted("collect");
        const wait = digits === "" ? options.firstDigitTimeoutMs : options.interDigitTimeoutMs;
        const limit = deadline === null ? wait : Math.min(wait, deadline - this.now().getTime());
        const got = limit > 0 && (await condition(() => signals.hangup !== null || signals.digits.length > 0, limit));
        if (signals.hangup !== null) throw new CallHangupError("collect");
        if (!got) return { digits, ended: "timeout" };
      }
      const digit = signals.digits.shift()?.digit;
      if (digit === undefined) continue;
      if (options.terminator !== null && digit === options.terminator) return { digits, ended: "terminator" };
      digits += digit;
      if (digits.length >= options.maxDigits) return { digits, ended: "max" };
    }
  }

  async http(request: HttpRequest): Promise<HttpResponse> {
    this.ensureUp("http");
    await this.stopInterrupted("http");
    const canned = this.ctx.cannedHttp?.();
    if (canned !== undefined) {
      // No request leaves the product; the trace says the answer was canned.
      this.ctx.trace.setDetail({ cannedHttp: { status: canned.status } });
      return cannedHttpResponse(canned);
    }
    this.ctx.trace.flushInBackground();
    try {
      return await this.untilHangup("http", () => httpActivities(request.timeoutMs).httpRequest(request));
    } catch (err) {
      if (err instanceof CallHangupError) throw err;
      return { ok: false, status: null, body: null, error: failureMessage(err) };
    }
  }

  async lookupCustomer(lookup: CustomerLookup): Promise<CustomerLookupResult> {
    this.ensureUp("lookupCustomer");
    await this.stopInterrupted("lookupCustomer");
    if (this.ctx.pretendsCustomer === true) {
      this.ctx.trace.setDetail({ pretendedCustomer: true });
      return { kind: "pretended" };
    }
    try {
      return await this.untilHangup("lookupCustomer", () => customers.lookupCustomer(lookup));
    } catch (err) {
      if (err instanceof CallHangupError) throw err;
      return { kind: "failed", error: failureMessage(err) };
    }
  }

  async record(options: RecordOptions): Promise<RecordResult> {
    this.ensureUp("record");
    await this.stopInterrupted("record");
    const { signals, trace } = this.ctx;
    this.recordingsMade += 1;
    // Unique per call and stable on replay: execution id + the step's seq + a counter.
    const name = `${this.ctx.executionId}-${trace.nextSeq}-${this.recordingsMade}`;
    const startSeq = signals.seq;
    const reconcilesSeen = signals.reconciles;
    if (!signals.finishedRecordings.has(name)) {
      const started = await ari.startRecording(this.ctx.asteriskId, {
        channelId: this.ctx.callId,
        name,
        format: "wav",
        maxDurationSeconds: options.maxDurationSeconds,
        maxSilenceSeconds: options.maxSilenceSeconds,
        beep: options.beep,
        terminateOn: terminateOn(options.terminateOn),
      });
      if (started === "gone") throw this.callerGone("record");
    }
    trace.flushInBackground();

    const askAri = async () => {
      const probe = await ari.recordingState(this.ctx.asteriskId, name);
      if (probe.kind === "active") return false;
      signals.recordingEnded({ name, durationSeconds: probe.durationSeconds, state: probe.state, ...(probe.format ? { format: probe.format } : {}) });
      return true;
    };
    const limitMs = options.maxDurationSeconds > 0 ? (options.maxDurationSeconds + 5) * 1000 : UNLIMITED_RECORDING_GUARD_MS;
    await this.untilEnded({ ended: () => signals.finishedRecordings.has(name), firstCheckMs: limitMs, reconcilesSeen, askAri, stopAfterFirstCheck: true });
    if (!signals.finishedRecordings.has(name)) {
      if (signals.hangup === null) await ari.stopRecording(this.ctx.asteriskId, name);
      const settled = await condition(() => signals.finishedRecordings.has(name), RECORDING_SETTLE_MS);
      if (!settled) await askAri();
    }
    const finished = signals.finishedRecordings.get(name);
    signals.finishedRecordings.delete(name);
    const durationSeconds = finished?.durationSeconds ?? 0;
    if (finished && finished.state !== "failed" && finished.state !== "canceled") {
      trace.addRecording({ name, format: finished.format ?? "wav", durationSeconds });
    }
    // The key that ended the recording answers nothing else; keys pressed after its end stay buffered.
    const pressed = signals.takeDigitsBetween(startSeq, finished?.seq ?? Number.POSITIVE_INFINITY).map((d) => d.digit);
    let ended: RecordResult["ended"];
    if (signals.hangup !== null) ended = "hangup";
    else if (options.terminateOn !== null && pressed.some((d) => options.terminateOn === "any" || d === options.terminateOn)) ended = "dtmf";
    else if (options.maxDurationSeconds > 0 && durationSeconds >= options.maxDurationSeconds - 0.5) ended = "max";
    else ended = "silence";
    return { recordingName: name, durationSeconds, ended };
  }

  async transfer(target: TransferTarget): Promise<TransferResult> {
    this.ensureUp("transfer");
    await this.stopInterrupted("transfer");
    return target.kind === "queue" ? this.transferToQueue(target) : this.transferToLeg(target);
  }

  async hangup(): Promise<void> {
    this.ensureUp("hangup");
    // The hangup ends any prompt still playing.
    this.interrupted = null;
    await ari.hangupChannel(this.ctx.asteriskId, this.ctx.callId);
    this.fate = { kind: "hung-up-by-flow" };
    // The bridge signals the hangup Asterisk reports next. Arriving while the workflow completes, it
    // would fail that task (UnhandledCommand) and, the workflow being evicted, replay the whole call.
    if (patched(CALL_COST_PATCH)) await condition(() => this.ctx.signals.hangup !== null, HANGUP_CONFIRM_MS);
  }

  runSubflow(flowId: string, inputs: Record<string, unknown>): Promise<SubflowResult> {
    return this.ctx.runSubflow(flowId, inputs);
  }

  /** Stops an interrupted prompt still playing (before the run continues as new, or anything but a prompt). */
  async stopInterrupted(during: string): Promise<void> {
    const playbackId = this.interrupted;
    if (playbackId === null) return;
    this.interrupted = null;
    if ((await ari.stopPlayback(this.ctx.asteriskId, playbackId)) === "gone" && this.ctx.signals.hangup !== null) throw new CallHangupError(during);
  }

  private async transferToQueue(target: Extract<TransferTarget, { kind: "queue" }>): Promise<TransferResult> {
    const queueCall = this.ctx.queueCall;
    if (queueCall !== undefined && patched(QUEUE_CALL_PATCH)) {
      const queued = new QueueCall({ ...queueCall, callId: this.ctx.callId, asteriskId: this.ctx.asteriskId, signals: this.ctx.signals, addRecording: (recording) => this.ctx.trace.addRecording(recording) });
      let outcome: QueueCallOutcome;
      const routingFlowId = this.ctx.routingFlows?.flowFor(target.queue) ?? null;
      try {
        outcome = routingFlowId !== null && patched(ROUTING_FLOW_PATCH) ? await this.routeByFlow(routingFlowId, queued) : await queued.run(target);
      } finally {
        if (queued.log.length > 0) this.ctx.trace.setDetail({ queue: queued.log });
      }
      if (outcome.kind !== "not-a-queue") return this.afterQueue(target, outcome);
    }
    return this.continueToQueueContext(target);
  }

  private async routeByFlow(flowId: string, queued: QueueCall): Promise<QueueCallOutcome> {
    const routingFlows = this.ctx.routingFlows;
    if (routingFlows === undefined) return { kind: "not-a-queue" };
    const session = new RoutingSession(queued);
    const ended = await routingFlows.run(flowId, session);
    const hungUpByFlow = this.fate.kind === "hung-up-by-flow";
    // A caller who hung up after talking ended a talked call (the transfer succeeded), not the routing.
    if (!session.answered && !hungUpByFlow && (ended.outcome === "caller-hangup" || this.ctx.signals.hangup !== null)) {
      await queued.leaveQueue();
      throw new CallHangupError("queue");
    }
    return session.finish(ended.outcome, ended.error, hungUpByFlow);
  }

  private afterQueue(target: Extract<TransferTarget, { kind: "queue" }>, outcome: Exclude<QueueCallOutcome, { kind: "not-a-queue" }>): TransferResult {
    if (outcome.kind === "failed") return { ok: false, reason: outcome.reason };
    if (outcome.kind === "hung-up") {
      this.fate = { kind: "hung-up-by-flow" };
      return { ok: false, reason: outcome.reason };
    }
    const handover: Handover = { kind: "queue", queue: outcome.queue, priority: target.priority, skills: target.skills, context: null, agentId: outcome.agentId, endedBy: outcome.endedBy };
    this.fate = { kind: "queue-ended", handover };
    this.ctx.trace.setDetail({ handover });
    return { ok: true, reason: null };
  }

  /** Before QUEUE_CALL_PATCH, and for a queue no Queue row names: the dialplan's context holds the call. */
  private async continueToQueueContext(target: Extract<TransferTarget, { kind: "queue" }>): Promise<TransferResult> {
    const { callId } = this.ctx;
    const vars = { CC_QUEUE: target.queue, CC_PRIORITY: String(target.priority), CC_SKILLS: target.skills.join(",") };
    if ((await ari.setChannelVars(this.ctx.asteriskId, callId, vars)) === "gone") throw this.callerGone("transfer");
    if ((await ari.continueInDialplan(this.ctx.asteriskId, callId, QUEUE_CONTEXT, target.queue)) === "gone") throw this.callerGone("transfer");
    const handover: Handover = { kind: "queue", queue: target.queue, priority: target.priority, skills: target.skills, context: QUEUE_CONTEXT };
    // Without that extension Asterisk drops the caller at once ("sent to invalid extension"), and our
    // app no longer hears about the channel after StasisEnd: ask Asterisk whether it is still there.
    if (patched("queue-handover-check")) {
      await sleep(QUEUE_HANDOVER_CHECK_MS);
      if (!(await ari.channelExists(this.ctx.asteriskId, callId))) {
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
    const reconcilesSeen = signals.reconciles;
    const originated = await ari.originateLeg(this.ctx.asteriskId, {
      callId,
      legChannelId,
      target: target.kind === "number" ? { kind: "number", number: target.number, callerId: target.callerId } : { kind: "endpoint", endpoint: target.endpoint },
      timeoutSeconds: target.timeoutSeconds,
    });
    if (!originated.ok) return { ok: false, reason: originated.reason };
    this.ctx.trace.flushInBackground();

    // Asterisk's own originate timeout normally ends the leg first (a transferLegFailed signal).
    const answered = await this.untilEnded({
      ended: () => signals.answeredLegs.has(legChannelId) || signals.endedLegs.has(legChannelId),
      firstCheckMs: (target.timeoutSeconds + 5) * 1000,
      reconcilesSeen,
      askAri: () => askLeg(this.ctx.asteriskId, this.ctx.signals, legChannelId),
      stopAfterFirstCheck: true,
    });
    const endedReason = signals.endedLegs.get(legChannelId);
    if (signals.hangup !== null || !answered || endedReason !== undefined) {
      if (endedReason === undefined) await ari.hangupChannel(this.ctx.asteriskId, legChannelId);
      if (signals.hangup !== null) throw new CallHangupError("transfer");
      return { ok: false, reason: endedReason ?? "no answer" };
    }
    const bridgeId = `bridge-${uuid4()}`;
    const bridged = await ari.bridgeChannels(this.ctx.asteriskId, bridgeId, [callId, legChannelId]);
    if (bridged === "gone") {
      await ari.hangupChannel(this.ctx.asteriskId, legChannelId);
      await ari.destroyBridge(this.ctx.asteriskId, bridgeId);
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

  /**
   * Starts a prompt with one local activity (TTS lookup and play together). Run again after a
   * worker crash (same id: uuid4 replays), a prompt whose end is already in the history is not
   * played a second time.
   */
  private newPlaybackId(bargeIn: boolean): string {
    return bargeIn && this.ctx.markBargeInPlaybacks ? bargeInPlaybackId(uuid4()) : uuid4();
  }

  private async startPrompt(media: MediaItem[], playbackId: string): Promise<StartedPrompt> {
    const { signals } = this.ctx;
    const startSeq = signals.seq;
    const reconcilesSeen = signals.reconciles;
    if (signals.finishedPlaybacks.has(playbackId)) return { playbackId, startSeq, reconcilesSeen, knownLength: null };
    const stopFirst = this.interrupted;
    this.interrupted = null;
    const played =
      stopFirst === null
        ? await prompts.playPrompt(this.ctx.asteriskId, this.ctx.callId, media, playbackId)
        : await prompts.playPrompt(this.ctx.asteriskId, this.ctx.callId, media, playbackId, stopFirst);
    if (played.outcome === "gone") throw this.callerGone("play");
    return { playbackId, startSeq, reconcilesSeen, knownLength: played.lengthMs };
  }

  /** Calls started before CALL_COST_PATCH: one TTS activity per item, then the play. */
  private async startPromptInTwoSteps(media: MediaItem[]): Promise<StartedPrompt> {
    const { signals } = this.ctx;
    const resolved = await Promise.all(media.map((item) => this.promptOf(item)));
    this.ensureUp("play");
    const playbackId = uuid4();
    const startSeq = signals.seq;
    const reconcilesSeen = signals.reconciles;
    if (!signals.finishedPlaybacks.has(playbackId)) {
      const uris = resolved.map((p) => p.uri);
      if ((await ari.playMedia(this.ctx.asteriskId, this.ctx.callId, uris, playbackId)) === "gone") throw this.callerGone("play");
    }
    const lengths = resolved.map((p) => p.lengthMs);
    const knownLength = lengths.every((ms) => ms !== null) ? lengths.reduce<number>((sum, ms) => sum + (ms ?? 0), 0) : null;
    return { playbackId, startSeq, reconcilesSeen, knownLength };
  }

  /** MediaItem -> ARI media URI and, when known, how long it plays. */
  private async promptOf(item: MediaItem): Promise<{ uri: string; lengthMs: number | null }> {
    if (item.kind !== "tts") return { uri: mediaUri(item), lengthMs: null };
    const prompt = await tts.ttsPrompt(item.text, item.language, item.voice ?? null);
    return { uri: `sound:${prompt.url}`, lengthMs: prompt.lengthMs };
  }

  /**
   * Waits until `ended()` or a hangup, never unboundedly: after `firstCheckMs`, and whenever the
   * bridge says it may have lost events (a reconcile signal since `reconcilesSeen`, counted before
   * the command that started what we wait for), ARI is asked (`askAri`, true = over).
   * With `stopAfterFirstCheck` the wait ends at the first check whatever ARI says (the caller of
   * this helper has its own fallback); otherwise ARI is asked again every STILL_RUNNING_CHECK_MS.
   * Returns true when it ended (or the caller hung up) before the time ran out.
   */
  private async untilEnded(wait: {
    ended: () => boolean;
    firstCheckMs: number;
    reconcilesSeen: number;
    askAri: () => Promise<boolean>;
    stopAfterFirstCheck?: boolean;
  }): Promise<boolean> {
    const { signals } = this.ctx;
    const over = () => signals.hangup !== null || wait.ended();
    let deadline = this.now().getTime() + wait.firstCheckMs;
    let reconciles = wait.reconcilesSeen;
    for (;;) {
      const remaining = deadline - this.now().getTime();
      const woke = remaining > 0 && (await condition(() => over() || signals.reconciles !== reconciles, remaining));
      reconciles = signals.reconciles;
      if (over()) return true;
      if ((await wait.askAri()) || over()) return true;
      if (woke) continue;
      if (wait.stopAfterFirstCheck) return false;
      deadline = this.now().getTime() + STILL_RUNNING_CHECK_MS;
    }
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
