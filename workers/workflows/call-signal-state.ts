import { setHandler } from "@temporalio/workflow";
import {
  dtmfSignal,
  hangupSignal,
  playbackFinishedSignal,
  recordingFinishedSignal,
  transferLegAnsweredSignal,
  transferLegFailedSignal,
  type HangupSignal,
  type RecordingFinishedSignal,
} from "./signals";

/**
 * Everything the bridge told this run, updated by synchronous signal handlers. Effects wait on it
 * with condition(); nothing here is lost when a signal arrives before the activity that caused it
 * returns (ids are generated in the workflow and sent with the request).
 */
export class CallSignalState {
  /** Digits received and not consumed yet, oldest first. */
  readonly digits: string[];
  readonly finishedPlaybacks = new Map<string, string>();
  readonly finishedRecordings = new Map<string, RecordingFinishedSignal>();
  readonly answeredLegs = new Set<string>();
  readonly endedLegs = new Map<string, string>();
  hangup: HangupSignal | null = null;

  constructor(pendingDigits: string[] = []) {
    this.digits = [...pendingDigits];
  }

  /** Registers the handlers; call first thing in the workflow so buffered signals are delivered. */
  install(): void {
    setHandler(dtmfSignal, ({ digit }) => {
      this.digits.push(digit);
    });
    setHandler(playbackFinishedSignal, ({ playbackId, state }) => {
      this.finishedPlaybacks.set(playbackId, state);
    });
    setHandler(recordingFinishedSignal, (recording) => {
      this.finishedRecordings.set(recording.name, recording);
    });
    setHandler(transferLegAnsweredSignal, ({ legChannelId }) => {
      this.answeredLegs.add(legChannelId);
    });
    setHandler(transferLegFailedSignal, ({ legChannelId, reason }) => {
      this.endedLegs.set(legChannelId, reason);
    });
    setHandler(hangupSignal, (hangup) => {
      // The first one wins: StasisEnd and ChannelDestroyed may follow a ChannelHangupRequest.
      this.hangup ??= hangup;
    });
  }
}
