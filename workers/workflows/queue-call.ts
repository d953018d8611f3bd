import { condition, patched, uuid4 } from "@temporalio/workflow";
import { CallHangupError, type TransferTarget } from "../../flows-runtime/interpreter/effects";
import type { QueueCallActivities, QueueHoldSettings } from "../queues/queue-call-activities";
import type { QueueAction } from "../queues/queue-settings";
import { ari } from "./activity-proxies";
import { askLeg } from "./ask-leg";
import type { CallSignalState } from "./call-signal-state";
import { holdText, announceCadenceMs } from "./routing-hold";
import { media, queues } from "./queue-proxies";
import type { PendingRecording } from "./call-trace";
import { QUEUE_CALLBACK_PATCH, QueueCallback } from "./queue-callback";
import { QUEUE_RECORDING_PATCH, QueueRecording } from "./queue-recording";
import { holdingBridgeId, transferLegChannelId, type QueueOfferSignal } from "./signals";

/** Behaviour change of running code (queue transfers used to continue to the dialplan only). */
export const QUEUE_CALL_PATCH = "queue-call";
/** Behaviour change of running code: the call's language is matched (calls queued before joined with none). */
export const QUEUE_LANGUAGE_PATCH = "queue-call-language";

/** A queue's "another queue" action may lead on; a cycle of overflows ends here. */
const MAX_QUEUE_HOPS = 4;
/** An announcement of unknown length is over for the wait after this long, or its PlaybackFinished. */
const ANNOUNCE_FALLBACK_MS = 8_000;
const ANNOUNCE_MARGIN_MS = 2_000;
/** Asterisk's own originate timeout ends a ringing leg; if its events are lost, ARI is asked this much later. */
const RING_MARGIN_MS = 5_000;
/** While caller and agent talk, the channels are asked this often whether both are still there. */
const TALK_CHECK_MS = 60_000;

export interface QueueCallContext {
  callId: string;
  asteriskId: string;
  workflowId: string;
  caller: string;
  dialed: string;
  language: () => string;
  variables: () => Record<string, unknown>;
  signals: CallSignalState;
  /** Stores a recording with the call (the transfer step's CallRecording). */
  addRecording?: (recording: PendingRecording) => void;
}

/** One line of what happened in the queue, in the transfer step's trace detail. */
export type QueueLogEntry = { at: string; event: string } & Record<string, string | number | null>;

export type QueueCallOutcome =
  /** No Queue row of that name: the old dialplan continue applies. */
  | { kind: "not-a-queue" }
  /** Caller and agent talked; the call is over, both channels hung up. */
  | { kind: "talked"; queue: string; agentId: string; endedBy: "caller" | "agent" | "agent-page" }
  /** The queue's action hung the caller up. */
  | { kind: "hung-up"; reason: string }
  /** The flow goes on through the transfer's failed port (voicemail, unknown skill). */
  | { kind: "failed"; reason: string };

type Queued = Extract<Awaited<ReturnType<QueueCallActivities["queueJoin"]>>, { status: "queued" }>;

/**
 * A call transferred to a queue (README "Queues and agents"): enqueued with the matcher, held with
 * music and position announcements, rung to the agents the matcher offers it to until one answers,
 * then bridged with that agent until either side hangs up. Caller hangup throws CallHangupError.
 */
export class QueueCall {
  readonly log: QueueLogEntry[] = [];
  private readonly rung = new Set<string>();
  /** The caller's recording consent, asked once as it enters its first queue that records. */
  private recording: QueueRecording | null = null;
  /**
   * The QueuedCall row of the queue the caller is in now: the channel id in the first queue, the
   * channel id and the queue's name after an overflow (a row is one call's stay in one queue).
   */
  private queuedId: string;
  /** A routing flow's queue between its steps (README "Routing flows"): the call stays in it and in its holding bridge. */
  private routed: { queue: string; joined: Queued; hold: QueueHoldSettings } | null = null;
  private holdingBridge: string | null = null;
  private stays = 0;

  constructor(private readonly ctx: QueueCallContext) {
    this.queuedId = ctx.callId;
  }

  /** The row the call waits in now, while a routing flow runs. */
  get stay(): { callId: string; queue: string } | null {
    return this.routed === null ? null : { callId: this.queuedId, queue: this.routed.queue };
  }

  /**
   * A routing flow's queue step: out of the queue the call is in (if any: the overflow; first, so no
   * two agents ring for one caller), into this one, in the same holding bridge.
   */
  async joinQueue(
    queue: string,
    priority: number,
    skills: { skill: string; minProficiency: number }[],
    holdFor: (worker: QueueHoldSettings) => QueueHoldSettings,
  ): Promise<"queued" | "full" | "closed"> {
    await this.leaveRow();
    const callId = this.stays === 0 ? this.ctx.callId : `${this.ctx.callId}~${this.stays}~${queue}`;
    this.stays += 1;
    const joined = await queues.queueJoin({
      callId,
      queue,
      priority,
      skills,
      language: queueLanguageOf(this.ctx.language()),
      workflowId: this.ctx.workflowId,
      asteriskId: this.ctx.asteriskId,
      callerNumber: this.ctx.caller,
      dialedNumber: this.ctx.dialed,
      variables: this.ctx.variables(),
    });
    if (joined.status === "unknown-queue" || joined.status === "unknown-skill") throw new Error(`${joined.status === "unknown-queue" ? "queue" : "skill"} ${joined.name} does not exist`);
    if (joined.status !== "queued") {
      this.note(joined.status, { queue });
      return joined.status;
    }
    this.queuedId = callId;
    this.routed = { queue, joined, hold: holdFor(joined.hold) };
    this.note("queued", { queue, position: joined.position });
    return "queued";
  }

  /** Waits where the call stands; "timeout" after `seconds`, still queued and held. */
  async waitInQueue(seconds: number): Promise<QueueCallOutcome | "timeout"> {
    const routed = this.routed;
    if (routed === null) throw new Error("the call waits in no queue: a wait follows a queue step that queued it");
    const waited = await this.waitForAgent(routed.queue, routed.joined, routed.hold, seconds);
    if (waited.kind !== "timed-out") {
      this.routed = null;
      this.holdingBridge = null;
      return waited;
    }
    this.note("timeout", { queue: routed.queue, seconds });
    return "timeout";
  }

  /** Note of a widening, in the queue log. */
  noteWidened(fields: Record<string, string | number | null>): void {
    this.note("widened", fields);
  }

  /** The routing flow is done with the queues: out of the queue and the holding bridge. */
  async leaveQueue(): Promise<void> {
    await this.leaveRow();
    if (this.holdingBridge !== null) await media.destroyBridgeIfAny(this.ctx.asteriskId, this.holdingBridge);
    this.holdingBridge = null;
  }

  private async leaveRow(): Promise<void> {
    if (this.routed === null) return;
    await queues.queueLeave({ callId: this.queuedId });
    this.routed = null;
  }

  async run(target: Extract<TransferTarget, { kind: "queue" }>): Promise<QueueCallOutcome> {
    let queue = target.queue;
    const language = patched(QUEUE_LANGUAGE_PATCH) ? queueLanguageOf(this.ctx.language()) : null;
    for (let hop = 0; hop < MAX_QUEUE_HOPS; hop += 1) {
      this.queuedId = hop === 0 ? this.ctx.callId : `${this.ctx.callId}~${queue}`;
      const joined = await queues.queueJoin({
        callId: this.queuedId,
        queue,
        priority: Math.max(0, Math.min(9, Math.round(target.priority))),
        skills: target.skills.map((skill) => ({ skill, minProficiency: 1 })),
        language,
        workflowId: this.ctx.workflowId,
        asteriskId: this.ctx.asteriskId,
        callerNumber: this.ctx.caller,
        dialedNumber: this.ctx.dialed,
        variables: this.ctx.variables(),
      });
      let action: QueueAction;
      if (joined.status === "queued") {
        this.note("queued", { queue, position: joined.position });
        const waited = await this.waitForAgent(queue, joined, joined.hold);
        if (waited.kind !== "timed-out") return waited;
        action = waited.action;
        this.note("max-wait", { queue, seconds: joined.maxWaitSeconds });
      } else if ("action" in joined) {
        action = joined.action;
        this.note(joined.status, { queue });
      } else if (joined.status === "unknown-queue") {
        if (hop === 0) return { kind: "not-a-queue" };
        return this.fail(`queue ${queue} (an overflow target) does not exist`);
      } else {
        return this.fail(`skill ${joined.name} does not exist`);
      }
      const next = await this.takeAction(queue, action, joined.status === "queued" ? "waited too long" : joined.status);
      if (typeof next !== "string") return next;
      queue = next;
    }
    return this.fail(`more than ${MAX_QUEUE_HOPS} queues in a row (overflow cycle?)`);
  }

  /** The queue's action for a caller it cannot take: hang up, the flow's failed port, or the next queue's name. */
  private async takeAction(queue: string, action: QueueAction, why: string): Promise<QueueCallOutcome | string> {
    this.note("action", { queue, action: action.kind, ...(action.kind === "queue" ? { to: action.queue } : {}) });
    if (action.kind === "queue") return action.queue;
    if (action.kind === "voicemail") return this.fail(`queue ${queue}: ${why}, voicemail`);
    await ari.hangupChannel(this.ctx.asteriskId, this.ctx.callId);
    return { kind: "hung-up", reason: `queue ${queue}: ${why}, hung up` };
  }

  private fail(reason: string): QueueCallOutcome {
    this.note("failed", { reason });
    return { kind: "failed", reason };
  }

  /** Waits in the holding bridge for an agent; "timed-out" at the queue's maximum wait (after queueLeave). */
  private async waitForAgent(queue: string, joined: Queued, hold: QueueHoldSettings, routedSeconds: number | null = null): Promise<QueueCallOutcome | { kind: "timed-out"; action: QueueAction }> {
    const { signals, asteriskId, callId } = this.ctx;
    // A routing flow's later waits find the caller held already.
    const held = this.holdingBridge;
    const bridgeId = held ?? holdingBridgeId(callId, uuid4());
    if (held === null && (await media.holdCaller(asteriskId, { callId, bridgeId, mohClass: hold.mohClass })) === "gone") return this.callerLeft(bridgeId, null);
    if (routedSeconds !== null) this.holdingBridge = bridgeId;
    const callback = this.callbackFor(queue, joined, bridgeId);
    this.recording = await this.recordingFor(joined, bridgeId, hold);
    const now = () => Date.now();
    const deadline = now() + (routedSeconds ?? joined.maxWaitSeconds) * 1000;
    let nextAnnounce = now() + announceCadenceMs(hold);
    let announcing: { playbackId: string; until: number } | null = null;
    for (;;) {
      if (signals.hangup !== null) return this.callerLeft(bridgeId, null);
      if (callback !== null && callback.hasKeys()) {
        const step = await callback.onKeys(announcing?.playbackId ?? null);
        if (step.kind === "done") return step.outcome;
        if (step.kind === "resume") {
          announcing = null;
          if ((await media.resumeMoh(asteriskId, { bridgeId, playbackId: null, mohClass: hold.mohClass })) === "gone") return this.callerLeft(bridgeId, null);
        }
        continue;
      }
      const offer = this.nextOffer();
      if (offer !== null) {
        const rang = await this.ringAgent(queue, offer, bridgeId);
        if (rang !== "waiting") return rang;
        await media.resumeMoh(asteriskId, { bridgeId, playbackId: announcing?.playbackId ?? null, mohClass: hold.mohClass });
        announcing = null;
        continue;
      }
      if (now() >= deadline && routedSeconds !== null) {
        if (announcing !== null) await media.resumeMoh(asteriskId, { bridgeId, playbackId: announcing.playbackId, mohClass: hold.mohClass });
        return { kind: "timed-out", action: joined.overflow };
      }
      if (now() >= deadline) {
        await queues.queueLeave({ callId: this.queuedId });
        await media.destroyBridgeIfAny(asteriskId, bridgeId);
        if (signals.hangup !== null) throw new CallHangupError("queue");
        // The maximum wait counts as full: the queue's when-full action.
        return { kind: "timed-out", action: joined.overflow };
      }
      if (announcing !== null && (signals.finishedPlaybacks.has(announcing.playbackId) || now() >= announcing.until)) {
        signals.finishedPlaybacks.delete(announcing.playbackId);
        if ((await media.resumeMoh(asteriskId, { bridgeId, playbackId: null, mohClass: hold.mohClass })) === "gone") return this.callerLeft(bridgeId, null);
        announcing = null;
      }
      if (announcing === null && now() >= nextAnnounce) {
        nextAnnounce = now() + announceCadenceMs(hold);
        // A hangup event lost without a reconcile (the bridge never came back) must not leave the call queued until its maximum wait.
        if ((await ari.channelState(asteriskId, callId)).kind === "gone") {
          signals.hangup ??= { cause: null };
          continue;
        }
        const position = await queues.queuePosition(this.queuedId);
        const language = this.ctx.language();
        const text = position > 0 ? await holdText(hold, this.queuedId, position, language) : "";
        if (text !== "") {
          const playbackId = uuid4();
          const announced = await media.announce(asteriskId, { bridgeId, playbackId, text: text + (callback?.offerText(language) ?? ""), language });
          if (announced.outcome === "ok") {
            announcing = { playbackId, until: now() + (announced.lengthMs ?? ANNOUNCE_FALLBACK_MS) + ANNOUNCE_MARGIN_MS };
            this.note("announced", { position });
          }
        }
      }
      const current = announcing;
      const wakeAt = Math.min(deadline, current === null ? nextAnnounce : current.until);
      const reconciles = signals.reconciles;
      await condition(
        () => signals.hangup !== null || this.nextOffer() !== null || signals.reconciles !== reconciles || (callback?.hasKeys() ?? false) || (current !== null && signals.finishedPlaybacks.has(current.playbackId)),
        Math.max(1, wakeAt - now()),
      );
      if (signals.reconciles !== reconciles && (await ari.channelState(asteriskId, callId)).kind === "gone") signals.hangup ??= { cause: null };
    }
  }

  /** The queue's callback offer (behind QUEUE_CALLBACK_PATCH); null when the queue offers none. */
  private callbackFor(queue: string, joined: Queued, holdingBridgeId: string): QueueCallback | null {
    const settings = joined.callback ?? null;
    if (settings === null || !patched(QUEUE_CALLBACK_PATCH)) return null;
    const host = {
      ctx: this.ctx,
      queue,
      holdingBridgeId,
      rowId: () => this.queuedId,
      setRowId: (rowId: string) => {
        this.queuedId = rowId;
      },
      nextOffer: () => this.nextOffer(),
      markRung: () => {
        for (const offer of this.ctx.signals.queueOffers) this.rung.add(offerKey(offer));
      },
      hasAgentAction: (agentId: string) => this.hasAgentAction(agentId),
      takeAgentAction: (agentId: string) => this.takeAgentAction(agentId),
      note: (event: string, fields: Record<string, string | number | null>) => this.note(event, fields),
      recording: () => this.recording,
    };
    return new QueueCallback(host, settings);
  }

  /** Asks the caller's consent once, if the queue records (behind QUEUE_RECORDING_PATCH); the music resumes after the notice. */
  private async recordingFor(joined: Queued, holdingBridgeId: string, hold: QueueHoldSettings): Promise<QueueRecording | null> {
    const mode = joined.recording ?? "off";
    if (mode === "off" || this.recording !== null || !patched(QUEUE_RECORDING_PATCH)) return this.recording;
    const recording = new QueueRecording({ ctx: this.ctx, note: (event, fields) => this.note(event, fields) }, mode);
    await recording.askConsent(holdingBridgeId);
    await media.resumeMoh(this.ctx.asteriskId, { bridgeId: holdingBridgeId, playbackId: null, mohClass: hold.mohClass });
    return recording;
  }

  /** The newest offer not rung yet that has not run out; older ones are stale (the matcher moved on). */
  private nextOffer(): QueueOfferSignal | null {
    const offers = this.ctx.signals.queueOffers;
    for (let i = offers.length - 1; i >= 0; i -= 1) {
      const offer = offers[i];
      if (offer === undefined || offer.callId !== this.queuedId || this.rung.has(offerKey(offer))) continue;
      if (offer.expiresAt <= Date.now()) return null;
      return offer;
    }
    return null;
  }

  /** Rings the agent's endpoint; "waiting" when the caller goes back to waiting (busy, declined, no answer). */
  private async ringAgent(queue: string, offer: QueueOfferSignal, holdingBridge: string): Promise<QueueCallOutcome | "waiting"> {
    const { signals, asteriskId, callId } = this.ctx;
    for (const older of signals.queueOffers) this.rung.add(offerKey(older));
    this.note("offered", { agentId: offer.agentId, endpoint: offer.endpoint });
    const legChannelId = transferLegChannelId(callId, uuid4());
    const timeoutSeconds = Math.max(1, Math.ceil((offer.expiresAt - Date.now()) / 1000));
    const reconcilesSeen = signals.reconciles;
    const originated = await ari.originateLeg(asteriskId, { callId, legChannelId, target: { kind: "endpoint", endpoint: offer.endpoint }, timeoutSeconds });
    if (!originated.ok) return this.offerFailed(offer, "no-answer", `unreachable: ${originated.reason}`);

    const declined = () => this.takeAgentAction(offer.agentId) !== null;
    const ended = () => signals.answeredLegs.has(legChannelId) || signals.endedLegs.has(legChannelId);
    let declinedByPage = false;
    let reconciles = reconcilesSeen;
    const ringDeadline = Date.now() + timeoutSeconds * 1000 + RING_MARGIN_MS;
    for (;;) {
      const woke = await condition(() => signals.hangup !== null || ended() || this.hasAgentAction(offer.agentId) || signals.reconciles !== reconciles, Math.max(1, ringDeadline - Date.now()));
      if (signals.hangup !== null || ended()) break;
      if (this.hasAgentAction(offer.agentId)) {
        declinedByPage = declined();
        break;
      }
      reconciles = signals.reconciles;
      if (await askLeg(this.ctx.asteriskId, this.ctx.signals, legChannelId)) break;
      if (!woke) break;
    }
    if (signals.hangup !== null) {
      if (!signals.endedLegs.has(legChannelId)) await ari.hangupChannel(asteriskId, legChannelId);
      return this.callerLeft(holdingBridge, null);
    }
    const endedReason = signals.endedLegs.get(legChannelId);
    if (declinedByPage || endedReason !== undefined || !signals.answeredLegs.has(legChannelId)) {
      if (endedReason === undefined) await ari.hangupChannel(asteriskId, legChannelId);
      if (declinedByPage) return this.offerFailed(offer, "declined", "declined on the agent page");
      if (endedReason === undefined) return this.offerFailed(offer, "no-answer", "no answer");
      return this.offerFailed(offer, offerResultOf(endedReason), endedReason);
    }

    const accepted = await queues.queueOfferResult({ callId: this.queuedId, agentId: offer.agentId, result: "accepted" });
    if (accepted.refused !== null) {
      // The offer rang out meanwhile (the queue clock): the agent no longer counts as this call's.
      await ari.hangupChannel(asteriskId, legChannelId);
      this.note("answered-too-late", { agentId: offer.agentId });
      return "waiting";
    }
    const talkBridge = `talk-${uuid4()}`;
    if ((await media.connectAgent(asteriskId, { callId, legChannelId, holdingBridgeId: holdingBridge, talkBridgeId: talkBridge })) === "gone") {
      if ((await ari.channelState(asteriskId, callId)).kind === "gone") signals.hangup ??= { cause: null };
      else signals.endedLegs.set(legChannelId, "hangup");
    }
    this.note("connected", { agentId: offer.agentId });
    await this.recording?.start(this.queuedId, talkBridge);
    const endedBy = await this.talk(legChannelId, offer.agentId);
    await this.recording?.stop(this.queuedId, this.ctx.addRecording);
    await ari.hangupChannel(asteriskId, endedBy === "caller" ? legChannelId : callId);
    await media.destroyBridgeIfAny(asteriskId, talkBridge);
    await media.destroyBridgeIfAny(asteriskId, holdingBridge);
    await queues.queueEndCall({ callId: this.queuedId });
    this.note("ended", { agentId: offer.agentId, by: endedBy });
    return { kind: "talked", queue, agentId: offer.agentId, endedBy };
  }

  /** Until either side hangs up (or the agent ends it on the agent page); says who did. */
  private async talk(legChannelId: string, agentId: string): Promise<"caller" | "agent" | "agent-page"> {
    const { signals, asteriskId, callId } = this.ctx;
    for (;;) {
      if (signals.hangup !== null) return "caller";
      if (signals.endedLegs.has(legChannelId)) return "agent";
      if (this.takeAgentAction(agentId) !== null) return "agent-page";
      const reconciles = signals.reconciles;
      await condition(() => signals.hangup !== null || signals.endedLegs.has(legChannelId) || this.hasAgentAction(agentId) || signals.reconciles !== reconciles, TALK_CHECK_MS);
      if (signals.hangup !== null || signals.endedLegs.has(legChannelId) || this.hasAgentAction(agentId)) continue;
      // A hangup event may have been lost: the channels tell.
      const [caller, leg] = await Promise.all([ari.channelState(asteriskId, callId), ari.channelState(asteriskId, legChannelId)]);
      if (caller.kind === "gone") signals.hangup ??= { cause: null };
      if (leg.kind === "gone" && !signals.endedLegs.has(legChannelId)) signals.endedLegs.set(legChannelId, "hangup");
    }
  }

  private async offerFailed(offer: QueueOfferSignal, result: "declined" | "no-answer", reason: string): Promise<"waiting"> {
    await queues.queueOfferResult({ callId: this.queuedId, agentId: offer.agentId, result });
    this.note("not-answered", { agentId: offer.agentId, result, reason });
    return "waiting";
  }

  /** The caller hung up while waiting or ringing: out of the queue at once, the bridge goes. */
  private async callerLeft(holdingBridge: string, agentId: string | null): Promise<never> {
    this.ctx.signals.hangup ??= { cause: null };
    await queues.queueLeave({ callId: this.queuedId });
    await media.destroyBridgeIfAny(this.ctx.asteriskId, holdingBridge);
    this.note("caller-left", { agentId });
    throw new CallHangupError("queue");
  }


  private hasAgentAction(agentId: string): boolean {
    return this.ctx.signals.agentActions.some((a) => a.agentId === agentId);
  }

  /** The oldest action of this agent; actions of other agents (an earlier offer) are dropped. */
  private takeAgentAction(agentId: string): string | null {
    const actions = this.ctx.signals.agentActions;
    while (actions.length > 0) {
      const action = actions.shift();
      if (action?.agentId === agentId) return action.action;
    }
    return null;
  }

  private note(event: string, fields: Record<string, string | number | null>): void {
    this.log.push({ at: new Date().toISOString(), event, ...fields });
  }
}

/**
 * The call's language as the matcher takes it (match/spoken-language.ts): a BCP 47-shaped tag such
 * as "zh-CN"; anything else (empty, or a flow's own value) matches every agent, as a call without one.
 */
function queueLanguageOf(language: string): string | null {
  const tag = language.trim();
  return tag.length <= 35 && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(tag) ? tag : null;
}

function offerKey(offer: QueueOfferSignal): string {
  return `${offer.agentId}@${offer.offeredAt}`;
}

/** Busy and unreachable agents go to not ready like one who does not answer; a rejected call is a decline. */
function offerResultOf(legEnd: string): "declined" | "no-answer" {
  return /reject|decline/i.test(legEnd) ? "declined" : "no-answer";
}
