import { isBargeInPlayback } from "../workflows/signals";

/** Channels followed at once; past this (channels that never reported their end) the oldest are forgotten. */
const MAX_CHANNELS = 50_000;

/**
 * The prompt playing on each caller channel, in the order ARI reported its events (fed from each
 * channel's serial queue), for two things:
 * - every DTMF signal names the playback that was playing when the key was pressed, so the workflow
 *   knows a key came during a prompt even when it learns of the prompt's start later (a workflow
 *   task retried after the worker died that had started the prompt);
 * - a barge-in prompt ends for the workflow with the first key pressed during it, and the workflow
 *   stops it: its PlaybackFinished would only cost the call a workflow task once such a key has
 *   been signalled.
 * After a reconnect nothing is known (events were lost meanwhile), so keys name no playback and
 * every PlaybackFinished is signalled.
 */
export class ChannelPlaybacks {
  private readonly playing = new Map<string, { playbackId: string; keySignalled: boolean }>();

  started(channelId: string, playbackId: string): void {
    if (this.playing.size >= MAX_CHANNELS && !this.playing.has(channelId)) {
      const oldest = this.playing.keys().next().value;
      if (oldest !== undefined) this.playing.delete(oldest);
    }
    this.playing.set(channelId, { playbackId, keySignalled: false });
  }

  /** The playback playing on the channel now, if the bridge saw it start. */
  current(channelId: string): string | null {
    return this.playing.get(channelId)?.playbackId ?? null;
  }

  /** A DTMF signal of this channel reached its workflow. */
  keySignalled(channelId: string): void {
    const current = this.playing.get(channelId);
    if (current) current.keySignalled = true;
  }

  /** True when the workflow does not need this PlaybackFinished; forgets the playback either way. */
  finishedNeedsNoSignal(channelId: string, playbackId: string): boolean {
    const current = this.playing.get(channelId);
    if (!current || current.playbackId !== playbackId) return false;
    this.playing.delete(channelId);
    return current.keySignalled && isBargeInPlayback(playbackId);
  }

  channelEnded(channelId: string): void {
    this.playing.delete(channelId);
  }

  /** Events may have been lost (the WebSocket was down): what was playing is no longer known. */
  forgetAll(): void {
    this.playing.clear();
  }
}
