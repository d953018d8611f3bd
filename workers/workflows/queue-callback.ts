import { condition, sleep, uuid4 } from "@temporalio/workflow";
import { CallHangupError } from "../../flows-runtime/interpreter/effects";
import type { CallbackSettings } from "../queues/callback-settings";
import { ari } from "./activity-proxies";
import { askLeg } from "./ask-leg";
import { media, queues } from "./queue-proxies";
import type { QueueCallContext, QueueCallOutcome, QueueLogEntry } from "./queue-call";
import type { QueueRecording } from "./queue-recording";
import { callbackAgentText, callbackConfirmText, callbackEnterNumberText, callbackGoodbyeText, callbackNumberOf, callbackOfferText } from "./queue-callback-text";
import { transferLegChannelId, type QueueOfferSignal } from "./signals";

/** Behaviour change of running code: a waiting caller may ask to be called back. */
export const QUEUE_CALLBACK_PATCH = "queue-callback";

/** How long the caller has after a prompt of the dialog to press a key. */
const KEY_WAIT_MS = 8_000;
/** Entering another number: the number is complete this long after the last key (or on "#"). */
const NUMBER_KEY_GAP_MS = 6_000;
const PROMPT_FALLBACK_MS = 8_000;
const PROMPT_MARGIN_MS = 2_000;
const RING_MARGIN_MS = 5_000;
/** The customer's phone rings this long before the attempt counts as not answered. */
const CUSTOMER_RING_SECONDS = 30;
const TALK_CHECK_MS = 60_000;
/** A callback with no offer yet: the dispatcher re-sends offers every 2 s, this bound only keeps the wait finite. */
const IDLE_WAIT_MS = 300_000;



/** What the queue wait shares with its callback helper. */
export interface CallbackHost {
  ctx: QueueCallContext;
  queue: string;
  holdingBridgeId: string;
  /** The QueuedCall row the call is in now (a retry is a new row). */
  rowId(): string;
  setRowId(rowId: string): void;
  nextOffer(): QueueOfferSignal | null;
  /** Every offer received so far counts as rung. */
  markRung(): void;
  hasAgentAction(agentId: string): boolean;
  takeAgentAction(agentId: string): string | null;
  note(event: string, fields: Omit<QueueLogEntry, "at" | "event">): void;
  /** The caller's recording consent (given while it waited), if the queue records. */
  recording(): QueueRecording | null;
}

/** After keys were pressed while waiting: nothing for the callback, back to the music, or the call's end. */
export type CallbackStep = { kind: "none" } | { kind: "resume" } | { kind: "done"; outcome: QueueCallOutcome };

type CallBackResult = { kind: "waiting" } | { kind: "talked"; outcome: QueueCallOutcome } | { kind: "not-reached"; reason: string };
type LegWait = "answered" | "ended" | "stopped" | "timeout";

/**
 * Queued callback (README "Queues and agents"): once the caller waited `afterSeconds`, the position
 * announcement offers it; on the key the caller confirms the number (or enters another), hears
 * goodbye and is hung up, while the row keeps its place. The workflow stays: when the matcher offers
 * the row, the agent is rung first, hears who it is, then the customer is called and both bridged.
 */
export class QueueCallback {
  private readonly offeredFrom: number;

  constructor(
    private readonly host: CallbackHost,
    private readonly settings: CallbackSettings,
  ) {
    this.offeredFrom = Date.now() + settings.afterSeconds * 1000;
  }

  /** Appended to the position announcement once the callback is offered. */
  offerText(language: string): string {
    return Date.now() >= this.offeredFrom ? callbackOfferText(this.settings.key, language) : "";
  }

  hasKeys(): boolean {
    return this.host.ctx.signals.digits.length > 0;
  }

  /** Consumes the keys pressed while waiting; the callback key (once offered) starts the dialog. */
  async onKeys(announcingPlaybackId: string | null): Promise<CallbackStep> {
    const keys = this.host.ctx.signals.digits.splice(0);
    // An agent offered meanwhile is rung at once: the caller wanted one.
    if (Date.now() < this.offeredFrom || this.host.nextOffer() !== null || !keys.some((k) => k.digit === this.settings.key)) return { kind: "none" };
    this.host.note("callback-key", {});
    if (announcingPlaybackId !== null) await ari.stopPlayback(this.host.ctx.asteriskId, announcingPlaybackId);
    const number = await this.askNumber();
    if (number === null) return { kind: "resume" };
    if ((await queues.queueMarkCallback({ callId: this.host.rowId(), number })) === "gone") return { kind: "resume" };
    this.host.note("callback-requested", { number });
    await this.say(callbackGoodbyeText(this.host.ctx.language()));
    await ari.hangupChannel(this.host.ctx.asteriskId, this.host.ctx.callId);
    await media.destroyBridgeIfAny(this.host.ctx.asteriskId, this.host.holdingBridgeId);
    return { kind: "done", outcome: await this.serve(number) };
  }

  /** The number confirmed ("1") or entered; null to go back to waiting (no answer, or an agent is offered meanwhile). */
  private async askNumber(): Promise<string | null> {
    const language = this.host.ctx.language();
    let candidate = callbackNumberOf(this.host.ctx.caller.replace(/^\+/, ""));
    for (let round = 0; round < 3; round += 1) {
      if (candidate === null) {
        const keys = await this.ask(callbackEnterNumberText(language), "number");
        if (keys === null) return null;
        candidate = callbackNumberOf(keys);
        continue;
      }
      const key = await this.ask(callbackConfirmText(candidate, language), "key");
      if (key === "1") return candidate;
      if (key !== "2") return null;
      candidate = null;
    }
    return null;
  }

  /**
   * Plays a prompt in the holding bridge and collects one key, or keys up to "#" (a pause ends them
   * too); null when nothing was pressed in time or an agent was offered meanwhile (taken at once).
   */
  private async ask(text: string, collect: "key" | "number"): Promise<string | null> {
    const { signals } = this.host.ctx;
    const playbackId = await this.play(text);
    let keys = "";
    let until = Date.now() + PROMPT_FALLBACK_MS + KEY_WAIT_MS;
    for (;;) {
      const seen = keys.length;
      await condition(() => signals.hangup !== null || this.host.nextOffer() !== null || signals.digits.length > 0 || (playbackId !== null && signals.finishedPlaybacks.has(playbackId)), Math.max(1, until - Date.now()));
      if (signals.hangup !== null) return this.callerLeft();
      if (this.host.nextOffer() !== null) break;
      keys += signals.digits.splice(0).map((d) => d.digit).join("");
      if (playbackId !== null && signals.finishedPlaybacks.delete(playbackId) && keys.length === 0) until = Date.now() + KEY_WAIT_MS;
      if (collect === "key" && keys.length > 0) break;
      if (collect === "number" && keys.includes("#")) break;
      if (keys.length > seen) until = Date.now() + NUMBER_KEY_GAP_MS;
      else if (Date.now() >= until) break;
    }
    if (playbackId !== null) await ari.stopPlayback(this.host.ctx.asteriskId, playbackId);
    if (this.host.nextOffer() !== null || keys.length === 0) return null;
    return collect === "key" ? keys.slice(0, 1) : keys;
  }

  /** A prompt in the holding bridge (its music stops); the playback id, or null when the bridge is gone. */
  private async play(text: string): Promise<string | null> {
    const playbackId = uuid4();
    const language = this.host.ctx.language();
    const played = await media.announce(this.host.ctx.asteriskId, { bridgeId: this.host.holdingBridgeId, playbackId, text, language });
    return played.outcome === "ok" ? playbackId : null;
  }

  private async say(text: string): Promise<void> {
    const { signals } = this.host.ctx;
    const playbackId = uuid4();
    const language = this.host.ctx.language();
    const played = await media.announce(this.host.ctx.asteriskId, { bridgeId: this.host.holdingBridgeId, playbackId, text, language });
    if (played.outcome !== "ok") return;
    await condition(() => signals.hangup !== null || signals.finishedPlaybacks.has(playbackId), (played.lengthMs ?? PROMPT_FALLBACK_MS) + PROMPT_MARGIN_MS);
  }

  private async callerLeft(): Promise<never> {
    await queues.queueLeave({ callId: this.host.rowId() });
    await media.destroyBridgeIfAny(this.host.ctx.asteriskId, this.host.holdingBridgeId);
    this.host.note("caller-left", { agentId: null });
    throw new CallHangupError("queue");
  }

  /** The caller is gone; the row waits for an agent, then the customer is called, with retries. */
  private async serve(number: string): Promise<QueueCallOutcome> {
    let attempt = 1;
    for (;;) {
      const offer = this.host.nextOffer();
      if (offer === null) {
        await condition(() => this.host.nextOffer() !== null, IDLE_WAIT_MS);
        continue;
      }
      const result = await this.callBack(offer, number);
      if (result.kind === "waiting") continue;
      if (result.kind === "talked") return result.outcome;
      if (attempt > this.settings.retries) return this.failed(number, attempt, result.reason);
      await queues.queueSetCallbackStatus({ callId: this.host.rowId(), status: "retried" });
      this.host.note("callback-retry", { attempt, reason: result.reason, inSeconds: this.settings.retrySeconds });
      await sleep(this.settings.retrySeconds * 1000);
      attempt += 1;
      const next = `${this.host.ctx.callId}~cb~${attempt}`;
      const requeued = await queues.queueRequeueCallback({ fromCallId: this.host.rowId(), newCallId: next });
      if (requeued.status !== "queued") return this.failed(number, attempt - 1, `the queue refused the retry: ${requeued.reason}`);
      this.host.setRowId(next);
    }
  }

  private async failed(number: string, attempts: number, reason: string): Promise<QueueCallOutcome> {
    await queues.queueSetCallbackStatus({ callId: this.host.rowId(), status: "callback-failed" });
    this.host.note("callback-failed", { number, attempts, reason });
    return { kind: "hung-up", reason: `queue ${this.host.queue}: callback to ${number} failed after ${attempts} attempts (${reason})` };
  }

  /** Rings the agent; answered, they hear who it is, then the customer is called into their bridge. */
  private async callBack(offer: QueueOfferSignal, number: string): Promise<CallBackResult> {
    const { asteriskId, callId, signals } = this.host.ctx;
    this.host.markRung();
    this.host.note("callback-offered", { agentId: offer.agentId, endpoint: offer.endpoint, number });
    const agentLeg = transferLegChannelId(callId, uuid4());
    const timeoutSeconds = Math.max(1, Math.ceil((offer.expiresAt - Date.now()) / 1000));
    const originated = await ari.originateLeg(asteriskId, { callId, legChannelId: agentLeg, target: { kind: "endpoint", endpoint: offer.endpoint }, timeoutSeconds });
    const rang = originated.ok ? await this.waitForLeg(agentLeg, timeoutSeconds * 1000 + RING_MARGIN_MS, () => this.host.hasAgentAction(offer.agentId)) : "ended";
    if (rang !== "answered") {
      const declined = rang === "stopped" && this.host.takeAgentAction(offer.agentId) === "decline";
      if (originated.ok && !signals.endedLegs.has(agentLeg)) await ari.hangupChannel(asteriskId, agentLeg);
      const legEnd = signals.endedLegs.get(agentLeg) ?? "";
      const result = declined || /reject|decline/i.test(legEnd) ? "declined" : "no-answer";
      await queues.queueOfferResult({ callId: this.host.rowId(), agentId: offer.agentId, result });
      this.host.note("not-answered", { agentId: offer.agentId, result, reason: originated.ok ? legEnd || "no answer" : `unreachable: ${originated.reason}` });
      return { kind: "waiting" };
    }
    const accepted = await queues.queueOfferResult({ callId: this.host.rowId(), agentId: offer.agentId, result: "accepted" });
    if (accepted.refused !== null) {
      await ari.hangupChannel(asteriskId, agentLeg);
      this.host.note("answered-too-late", { agentId: offer.agentId });
      return { kind: "waiting" };
    }
    await queues.queueSetCallbackStatus({ callId: this.host.rowId(), status: "calling" });
    const bridge = transferLegChannelId(callId, `callback-${uuid4()}`);
    await ari.bridgeChannels(asteriskId, bridge, [agentLeg]);
    const agentGone = () => signals.endedLegs.has(agentLeg) || this.host.hasAgentAction(offer.agentId);
    await this.tellAgent(bridge, number, agentGone);
    const customerLeg = transferLegChannelId(callId, uuid4());
    let reached: LegWait | "unreachable" = "stopped";
    if (!agentGone()) {
      const dialled = await ari.originateLeg(asteriskId, { callId, legChannelId: customerLeg, target: { kind: "number", number, callerId: this.host.ctx.dialed || null }, timeoutSeconds: CUSTOMER_RING_SECONDS });
      reached = dialled.ok ? await this.waitForLeg(customerLeg, CUSTOMER_RING_SECONDS * 1000 + RING_MARGIN_MS, agentGone) : "unreachable";
    }
    if (reached !== "answered") {
      if (reached !== "unreachable" && !signals.endedLegs.has(customerLeg)) await ari.hangupChannel(asteriskId, customerLeg);
      const reason = agentGone() ? "the agent hung up first" : reached === "unreachable" ? "the number could not be dialled" : (signals.endedLegs.get(customerLeg) ?? "no answer");
      await this.endAttempt(bridge, agentLeg, offer.agentId);
      this.host.note("callback-not-reached", { number, reason });
      return { kind: "not-reached", reason };
    }
    await ari.bridgeChannels(asteriskId, bridge, [customerLeg]);
    await queues.queueSetCallbackStatus({ callId: this.host.rowId(), status: "connected" });
    this.host.note("connected", { agentId: offer.agentId, callback: number });
    await this.host.recording()?.start(this.host.rowId(), bridge);
    const endedBy = await this.talk(agentLeg, customerLeg, offer.agentId);
    await this.host.recording()?.stop(this.host.rowId(), this.host.ctx.addRecording);
    await ari.hangupChannel(asteriskId, endedBy === "caller" ? agentLeg : customerLeg);
    await this.endAttempt(bridge, agentLeg, offer.agentId);
    this.host.note("ended", { agentId: offer.agentId, by: endedBy });
    return { kind: "talked", outcome: { kind: "talked", queue: this.host.queue, agentId: offer.agentId, endedBy } };
  }

  /** "回拨客户 138…，订单号 …" in the agent's bridge, until it ends (or the agent leaves). */
  private async tellAgent(bridge: string, number: string, agentGone: () => boolean): Promise<void> {
    const { signals } = this.host.ctx;
    const playbackId = uuid4();
    const language = this.host.ctx.language();
    const text = callbackAgentText(number, this.host.ctx.variables(), language);
    const played = await media.announce(this.host.ctx.asteriskId, { bridgeId: bridge, playbackId, text, language });
    if (played.outcome !== "ok") return;
    this.host.note("callback-announced", { text });
    await condition(() => agentGone() || signals.finishedPlaybacks.has(playbackId), (played.lengthMs ?? PROMPT_FALLBACK_MS) + PROMPT_MARGIN_MS);
    signals.finishedPlaybacks.delete(playbackId);
  }

  private async endAttempt(bridge: string, agentLeg: string, agentId: string): Promise<void> {
    const { asteriskId, signals } = this.host.ctx;
    if (!signals.endedLegs.has(agentLeg)) await ari.hangupChannel(asteriskId, agentLeg);
    await media.destroyBridgeIfAny(asteriskId, bridge);
    // Consumed: a hang up from the agent page belongs to this attempt.
    this.host.takeAgentAction(agentId);
    await queues.queueEndCall({ callId: this.host.rowId() });
  }

  /** Rings a leg until it answers or ends, `stop` says so, or the bound (ARI is asked then, and on a reconcile). */
  private async waitForLeg(leg: string, boundMs: number, stop: () => boolean): Promise<LegWait> {
    const { signals, asteriskId } = this.host.ctx;
    const deadline = Date.now() + boundMs;
    let reconciles = signals.reconciles;
    for (;;) {
      const woke = await condition(() => signals.answeredLegs.has(leg) || signals.endedLegs.has(leg) || stop() || signals.reconciles !== reconciles, Math.max(1, deadline - Date.now()));
      if (signals.endedLegs.has(leg)) return "ended";
      if (signals.answeredLegs.has(leg)) return "answered";
      if (stop()) return "stopped";
      reconciles = signals.reconciles;
      if (await askLeg(asteriskId, signals, leg)) continue;
      if (!woke) return "timeout";
    }
  }

  /** Until either side hangs up (or the agent ends it on the agent page); the customer counts as the caller. */
  private async talk(agentLeg: string, customerLeg: string, agentId: string): Promise<"caller" | "agent" | "agent-page"> {
    const { signals, asteriskId } = this.host.ctx;
    for (;;) {
      if (signals.endedLegs.has(customerLeg)) return "caller";
      if (signals.endedLegs.has(agentLeg)) return "agent";
      if (this.host.takeAgentAction(agentId) === "hangup") return "agent-page";
      const reconciles = signals.reconciles;
      const over = () => signals.endedLegs.has(customerLeg) || signals.endedLegs.has(agentLeg) || this.host.hasAgentAction(agentId);
      await condition(() => over() || signals.reconciles !== reconciles, TALK_CHECK_MS);
      if (over()) continue;
      for (const leg of [agentLeg, customerLeg]) {
        if ((await ari.channelState(asteriskId, leg)).kind === "gone" && !signals.endedLegs.has(leg)) signals.endedLegs.set(leg, "hangup");
      }
    }
  }
}
