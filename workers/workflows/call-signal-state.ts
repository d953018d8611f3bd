import { setHandler } from "@temporalio/workflow";
import {
  agentActionSignal,
  dtmfSignal,
  queueOfferSignal,
  hangupSignal,
  playbackFinishedSignal,
  reconcileSignal,
  recordingFinishedSignal,
  transferLegAnsweredSignal,
  transferLegFailedSignal,
  type AgentActionSignal,
  type HangupSignal,
  type QueueOfferSignal,
  type RecordingFinishedSignal,
} from "./signals";

/** A digit with its place among the call's events. */
export interface BufferedDigit {
  digit: string;
  seq: number;
  /** The playback the bridge saw playing when the key was pressed. */
  duringPlayback?: string;
}

/** Something that ended, with its place among the call's events. */
export type Sequenced<T> = T & { seq: number };

/**
 * Everything the bridge told this run, updated by synchronous signal handlers. Effects wait on it
 * with condition(); nothing here is lost when a signal arrives before the activity that caused it
 * returns (ids are generated in the workflow and sent with the request).
 *
 * Every signal gets the next `seq`. The bridge sends a channel's events one after another, in the
 * order ARI emitted them, so signal order in the history is event order on the channel. Whether a
 * digit was pressed during a prompt is decided by comparing seqs, never by which workflow
 * activation happened to see the two signals (a digit 60 ms after PlaybackFinished often arrives
 * in the same activation).
 */
export class CallSignalState {
  /** Digits received and not consumed yet, oldest first. */
  readonly digits: BufferedDigit[];
  readonly finishedPlaybacks = new Map<string, Sequenced<{ state: string }>>();
  readonly finishedRecordings = new Map<string, Sequenced<RecordingFinishedSignal>>();
  readonly answeredLegs = new Set<string>();
  readonly endedLegs = new Map<string, string>();
  hangup: HangupSignal | null = null;
  /** Offers from the matcher, in arrival order; the queue wait takes the newest it has not rung. */
  readonly queueOffers: QueueOfferSignal[] = [];
  /** What agents did from the agent page (decline, hang up), oldest first, not consumed yet. */
  readonly agentActions: AgentActionSignal[] = [];
  /** Reconcile requests from the bridge so far: a wait that sees this change asks ARI. */
  reconciles = 0;
  private lastSeq = 0;

  constructor(pendingDigits: string[] = []) {
    this.digits = pendingDigits.map((digit) => ({ digit, seq: 0 }));
  }

  /** Seq of the latest event seen; an event learned from ARI now is placed after it. */
  get seq(): number {
    return this.lastSeq;
  }

  /** Digits not consumed yet, as text (continue-as-new carries them). */
  get pendingDigits(): string[] {
    return this.digits.map((d) => d.digit);
  }

  /** A playback ARI says is over (its PlaybackFinished was lost): ordered after every event seen so far. */
  playbackEnded(playbackId: string, state: string): void {
    if (!this.finishedPlaybacks.has(playbackId)) this.finishedPlaybacks.set(playbackId, { state, seq: this.next() });
  }

  recordingEnded(recording: RecordingFinishedSignal): void {
    if (!this.finishedRecordings.has(recording.name)) this.finishedRecordings.set(recording.name, { ...recording, seq: this.next() });
  }

  /** Removes the digits whose events came after `afterSeq` and before `beforeSeq`; returns them. */
  takeDigitsBetween(afterSeq: number, beforeSeq: number): BufferedDigit[] {
    const taken: BufferedDigit[] = [];
    for (let i = this.digits.length - 1; i >= 0; i -= 1) {
      const d = this.digits[i];
      if (d && d.seq > afterSeq && d.seq < beforeSeq) taken.unshift(...this.digits.splice(i, 1));
    }
    return taken;
  }

  /** Removes the digits the bridge saw pressed while `playbackId` played; returns them. */
  takeDigitsDuring(playbackId: string): BufferedDigit[] {
    const taken = this.digits.filter((d) => d.duringPlayback === playbackId);
    for (const d of taken) this.digits.splice(this.digits.indexOf(d), 1);
    return taken;
  }

  /** Registers the handlers; call first thing in the workflow so buffered signals are delivered. */
  install(): void {
    setHandler(dtmfSignal, ({ digit, duringPlayback }) => {
      this.digits.push(duringPlayback === undefined ? { digit, seq: this.next() } : { digit, seq: this.next(), duringPlayback });
    });
    setHandler(playbackFinishedSignal, ({ playbackId, state }) => {
      this.playbackEnded(playbackId, state);
    });
    setHandler(recordingFinishedSignal, (recording) => {
      this.recordingEnded(recording);
    });
    setHandler(transferLegAnsweredSignal, ({ legChannelId }) => {
      this.next();
      this.answeredLegs.add(legChannelId);
    });
    setHandler(transferLegFailedSignal, ({ legChannelId, reason }) => {
      this.next();
      this.endedLegs.set(legChannelId, reason);
    });
    setHandler(hangupSignal, (hangup) => {
      this.next();
      // The first one wins: StasisEnd and ChannelDestroyed may follow a ChannelHangupRequest.
      this.hangup ??= hangup;
    });
    setHandler(queueOfferSignal, (offer) => {
      this.next();
      this.queueOffers.push(offer);
    });
    setHandler(agentActionSignal, (action) => {
      this.next();
      this.agentActions.push(action);
    });
    setHandler(reconcileSignal, () => {
      this.reconciles += 1;
    });
  }

  private next(): number {
    this.lastSeq += 1;
    return this.lastSeq;
  }
}
