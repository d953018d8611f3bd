import { isBargeInPlayback } from "../workflows/signals";

/** Channels followed at once; past this (channels that never reported their end) the oldest are forgotten. */
const MAX_CHANNELS = 50_000;

/**
 * The barge-in prompt playing on each caller channel, and whether a key pressed since it started has
 * been signalled. Such a prompt ends for the workflow with that key, and the workflow stops it: its
 * PlaybackFinished would only cost the call a workflow task (three in a three-level menu). Anything
 * else is signalled as before; after a bridge restart nothing is known, so everything is signalled.
 * Fed from each channel's serial queue, so "since it started" is in the order ARI reported.
 */
export class BargeInPlaybacks {
  private readonly playing = new Map<string, { playbackId: string; keySignalled: boolean }>();

  started(channelId: string, playbackId: string): void {
    if (!isBargeInPlayback(playbackId)) return;
    if (this.playing.size >= MAX_CHANNELS) {
      const oldest = this.playing.keys().next().value;
      if (oldest !== undefined) this.playing.delete(oldest);
    }
    this.playing.set(channelId, { playbackId, keySignalled: false });
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
    return current.keySignalled;
  }

  channelEnded(channelId: string): void {
    this.playing.delete(channelId);
  }
}
