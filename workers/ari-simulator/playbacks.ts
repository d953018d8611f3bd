import { randomUUID } from "node:crypto";
import { asteriskTime, now } from "./clock";
import { type Command, SimChannel, SimPlayback } from "./model";
import type { SimSwitch } from "./switch";

/** How one media URI plays. */
type MediaPlan =
  | { kind: "play"; ms: number; controllable: boolean }
  | { kind: "fail"; controllable: boolean }
  /** Asterisk logs an error and moves on without a final update (no PlaybackFinished). */
  | { kind: "skip" }
  | { kind: "forever"; controllable: boolean }
  | { kind: "fetch"; url: string };

const DIGIT_MS = 500;
const WORD_MS = 600;

export function planMedia(sw: SimSwitch, uri: string): MediaPlan {
  const colon = uri.indexOf(":");
  const scheme = colon >= 0 ? uri.slice(0, colon + 1) : "";
  const rest = uri.slice(colon + 1);
  switch (scheme) {
    case "sound:": {
      if (/^https?:\/\//i.test(rest)) return { kind: "fetch", url: rest };
      const ms = sw.cfg.sounds[rest.replace(/\.(wav|gsm|ulaw|alaw|sln|g722)$/, "")];
      return ms === undefined ? { kind: "fail", controllable: true } : { kind: "play", ms, controllable: true };
    }
    case "recording:": {
      const rec = sw.storedRecordings.get(rest);
      return rec ? { kind: "play", ms: rec.durationMs, controllable: true } : { kind: "skip" };
    }
    case "number:": {
      const m = /^\s*([+-]?\d+)/.exec(rest);
      if (!m) return { kind: "skip" };
      return { kind: "play", ms: numberWords(Number(m[1])) * WORD_MS, controllable: false };
    }
    case "digits:":
      return { kind: "play", ms: digitsMs(sw, rest), controllable: false };
    case "characters:":
      return { kind: "play", ms: [...rest].length * DIGIT_MS, controllable: false };
    case "tone:":
      return { kind: "forever", controllable: true };
    default:
      return { kind: "skip" };
  }
}

/**
 * ast_get_digit_str (main/say.c): digits/N, digits/star, digits/pound, digits/minus per character; other
 * characters are skipped. A file missing from the table counts DIGIT_MS.
 */
function digitsMs(sw: SimSwitch, text: string): number {
  const file = (c: string) => (c === "*" ? "star" : c === "#" ? "pound" : c === "-" ? "minus" : c);
  return [...text]
    .filter((c) => /[0-9*#-]/.test(c))
    .reduce((sum, c) => sum + (sw.cfg.sounds[`digits/${file(c)}`] ?? DIGIT_MS), 0);
}

/** Words ast_say_number (en) speaks for n: 42 -> "forty two" = 2. */
export function numberWords(n: number): number {
  if (n < 0) return 1 + numberWords(-n);
  if (n < 20) return 1;
  if (n < 100) return n % 10 === 0 ? 1 : 2;
  if (n < 1000) return 2 + (n % 100 === 0 ? 0 : numberWords(n % 100));
  if (n < 1_000_000) return numberWords(Math.floor(n / 1000)) + 1 + (n % 1000 === 0 ? 0 : numberWords(n % 1000));
  return numberWords(Math.floor(n / 1_000_000)) + 1 + (n % 1_000_000 === 0 ? 0 : numberWords(n % 1_000_000));
}

/**
 * One POST /channels/{id}/play on the channel's control queue, mirroring res_stasis_playback's
 * play_on_channel: for each media, PlaybackStarted, play, then PlaybackContinuing or PlaybackFinished.
 */
export class PlaybackCommand implements Command {
  readonly kind = "play";
  private timer: NodeJS.Timeout | null = null;
  private done: (() => void) | null = null;
  private finished = false;
  private fetchToken = 0;

  constructor(
    private readonly sw: SimSwitch,
    private readonly ch: SimChannel,
    readonly pb: SimPlayback,
    /** Apps that receive the playback events: the channel's, or a bridge's for a bridge announcement. */
    private readonly audience: () => Iterable<string> = () => ch.apps,
  ) {}

  start(done: () => void): void {
    this.done = done;
    this.playIndex(0);
  }

  private publish(type: string): void {
    const t = this.sw.emit(this.audience(), { type, timestamp: asteriskTime(), playback: this.pb.toJSON() });
    this.sw.log.add(`playback${type.replace("Playback", "")}`, this.ch.id, {
      playbackId: this.pb.id,
      media: this.pb.medias[this.pb.index],
      state: this.pb.state,
      sent: t,
    });
    if (type === "PlaybackStarted") {
      this.ch.playbacksStarted += 1;
      this.ch.emitter.emit("playbackStarted", this.pb);
    }
    if (type === "PlaybackFinished") {
      this.ch.playbacksFinished += 1;
      this.ch.emitter.emit("playbackFinished", this.pb);
    }
  }

  /** playback_first_update: a canceled (stopped while queued) playback only reports "done". */
  private firstUpdate(): boolean {
    if (this.pb.canceled) {
      this.pb.state = "done";
      this.publish("PlaybackFinished");
      return false;
    }
    this.pb.state = "playing";
    this.publish("PlaybackStarted");
    return true;
  }

  private isLast(): boolean {
    return this.pb.index === this.pb.medias.length - 1;
  }

  /** playback_final_update. */
  private finalUpdate(ok: boolean, hangup: boolean): void {
    if (ok) this.pb.state = this.isLast() || hangup ? "done" : "continuing";
    else if (this.pb.stopped) this.pb.state = "done";
    else this.pb.state = this.isLast() || hangup ? "failed" : "continuing";
    this.publish(this.pb.state === "continuing" ? "PlaybackContinuing" : "PlaybackFinished");
  }

  private playIndex(index: number): void {
    if (index >= this.pb.medias.length) return this.complete();
    this.pb.index = index;
    if (!this.firstUpdate()) return this.complete();
    const plan = planMedia(this.sw, this.pb.medias[index]!);
    if (plan.kind === "skip") return this.playIndex(index + 1);
    if (plan.kind === "fetch") {
      this.pb.controllable = true;
      const token = ++this.fetchToken;
      void this.sw.mediaCache.durationOf(plan.url).then((ms) => {
        if (this.finished || token !== this.fetchToken || this.pb.stopped) return;
        if (ms === null) this.afterMedia(false);
        // Asterisk plays an http prompt 150–500 ms longer than its WAV says (fetch, cache file, open).
        else this.runFor(ms + this.sw.cfg.httpMediaDelayMs);
      });
      return;
    }
    this.pb.controllable = plan.controllable;
    if (plan.kind === "fail") return this.afterMedia(false);
    if (plan.kind === "forever") return;
    this.runFor(plan.ms);
  }

  private runFor(ms: number): void {
    this.timer = this.sw.clock.timer(ms, () => {
      this.timer = null;
      this.afterMedia(true);
    });
  }

  private afterMedia(ok: boolean): void {
    this.finalUpdate(ok, false);
    if (this.pb.state === "continuing") this.playIndex(this.pb.index + 1);
    else this.complete();
  }

  private complete(): void {
    if (this.finished) return;
    this.finished = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.sw.playbacks.delete(this.pb.id);
    this.done?.();
  }

  /** DELETE /playbacks/{id} while this command runs. Returns false when the media cannot be stopped. */
  stop(): boolean {
    if (this.finished) return true;
    if (!this.pb.controllable) return false;
    this.pb.stopped = true;
    this.fetchToken++;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.finalUpdate(false, false);
    this.complete();
    return true;
  }

  abortForHangup(): void {
    if (this.finished) return;
    this.fetchToken++;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.finalUpdate(false, true);
    this.complete();
  }

  runDead(): void {
    this.pb.index = 0;
    if (this.firstUpdate()) {
      const plan = planMedia(this.sw, this.pb.medias[0]!);
      if (plan.kind !== "skip") this.finalUpdate(false, true);
    }
    this.finished = true;
    this.sw.playbacks.delete(this.pb.id);
  }
}

/** Active commands by playback id, so DELETE /playbacks/{id} can reach a running one. */
export const playbackCommands = new WeakMap<SimPlayback, PlaybackCommand>();

export interface QueuePlaybackResult {
  playback: SimPlayback;
  /** JSON as the 201 body shows it (state "queued"). */
  json: Record<string, unknown>;
}

/**
 * stasis_app_control_play_uri: creates the playback (state queued), queues it on the control thread.
 * When the queue is idle the playback starts synchronously, so PlaybackStarted leaves before the 201.
 */
export function queuePlayback(
  sw: SimSwitch,
  ch: SimChannel,
  medias: string[],
  language: string,
  playbackId: string | undefined,
  requestedAt: number,
): QueuePlaybackResult {
  const pb = new SimPlayback(playbackId || randomUUID(), medias, language, `channel:${ch.id}`, ch.id);
  sw.playbacks.set(pb.id, pb);
  const json = pb.toJSON();
  sw.log.add("playRequest", ch.id, { playbackId: pb.id, media: medias, t: requestedAt }, requestedAt);
  const cmd = new PlaybackCommand(sw, ch, pb);
  playbackCommands.set(pb, cmd);
  sw.queue(ch, cmd);
  return { playback: pb, json };
}

/** DELETE /playbacks/{id}: 204, or 500 "Could not stop playback" for media that cannot be stopped. */
export function stopPlayback(sw: SimSwitch, pb: SimPlayback): boolean {
  const cmd = playbackCommands.get(pb);
  sw.log.add("playbackStop", pb.channelId, { playbackId: pb.id, state: pb.state }, now());
  if (pb.state === "queued") {
    pb.canceled = true;
    return true;
  }
  if (pb.state === "done" || pb.state === "failed") return true;
  return cmd ? cmd.stop() : true;
}
