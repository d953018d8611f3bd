import { asteriskTime, now } from "./clock";
import { silentWav } from "./media-cache";
import { type Command, SimChannel, SimLiveRecording } from "./model";
import type { SimSwitch } from "./switch";

/** __ast_play_and_record (main/app.c): two ast_waitfor(chan, 2000) without a frame end the recording. */
export const NO_AUDIO_TIMEOUT_MS = 4000;
export const RECORDING_FORMATS = ["wav", "gsm", "ulaw", "alaw", "sln", "g722", "wav49", "WAV", "g729", "ilbc", "siren7", "siren14", "slin16"];

/**
 * POST /channels/{id}/record as res_stasis_recording's record_file: auto-answer, RecordingStarted,
 * optional beep, then record until maxDurationSeconds, maxSilenceSeconds of caller silence, a terminateOn
 * digit, stop/cancel through REST, or hangup (which still finishes the recording as "done").
 * Durations are whole seconds of audio written (recordedSeconds); talking/silence durations only with
 * maxSilenceSeconds. A channel that sends no audio frames ends the recording after NO_AUDIO_TIMEOUT_MS.
 */
export class RecordCommand implements Command {
  readonly kind = "record";
  private done: (() => void) | null = null;
  private finished = false;
  private startedAt = 0;
  private talkingMs = 0;
  private talkSince: number | null = null;
  private timers: NodeJS.Timeout[] = [];
  private silenceTimer: NodeJS.Timeout | null = null;
  private noAudioTimer: NodeJS.Timeout | null = null;
  private silenceSince = 0;
  private lastDigitMs = 0;
  private readonly onTalk = (talking: boolean) => this.talkChanged(talking);
  private readonly onDtmf = (digit: string, durationMs: number) => this.dtmf(digit, durationMs);

  constructor(
    private readonly sw: SimSwitch,
    private readonly ch: SimChannel,
    readonly rec: SimLiveRecording,
    /** Apps that receive the recording events: the channel's, or a bridge's for a bridge recording. */
    private readonly audience: () => Iterable<string> = () => ch.apps,
  ) {}

  private publish(type: string): void {
    const t = this.sw.emit(this.audience(), { type, timestamp: asteriskTime(), recording: this.rec.toJSON() });
    this.sw.log.add(`recording${type.replace("Recording", "")}`, this.ch.id, { name: this.rec.name, ...this.rec.toJSON(), sent: t });
  }

  start(done: () => void): void {
    this.done = done;
    this.rec.finish = (reason) => this.finish(reason);
    if (this.ch.bridgeId) return this.fail("Cannot record channel while in bridge");
    if (this.ch.state !== "Up") this.sw.setState(this.ch, "Up");
    this.rec.state = "recording";
    this.publish("RecordingStarted");
    const begin = () => {
      this.startedAt = now();
      if (this.ch.talking) this.talkSince = this.startedAt;
      this.ch.emitter.on("talk", this.onTalk);
      this.ch.emitter.on("dtmf", this.onDtmf);
      const { maxDurationSeconds, maxSilenceSeconds } = this.rec.opts;
      if (maxDurationSeconds > 0) this.timers.push(this.sw.clock.timer(maxDurationSeconds * 1000, () => this.finish("maxDuration")));
      if (maxSilenceSeconds > 0 && !this.ch.talking) this.armSilence();
      if (!this.ch.sendsAudio && !this.ch.talking) this.armNoAudio();
    };
    // The beep is sound:beep played to the end (ast_stream_and_wait), 0.44 s with the core sounds.
    if (this.rec.opts.beep) this.timers.push(this.sw.clock.timer(this.sw.cfg.sounds.beep ?? 440, begin));
    else begin();
  }

  private armSilence(): void {
    if (this.silenceTimer) clearTimeout(this.silenceTimer);
    this.silenceSince = now();
    this.silenceTimer = this.sw.clock.timer(this.rec.opts.maxSilenceSeconds * 1000, () => this.finish("silence"));
  }

  /** No frame for NO_AUDIO_TIMEOUT_MS: Asterisk logs "No audio available" and closes the file. */
  private armNoAudio(): void {
    if (this.noAudioTimer) clearTimeout(this.noAudioTimer);
    this.noAudioTimer = this.sw.clock.timer(NO_AUDIO_TIMEOUT_MS, () => this.finish("noAudio"));
  }

  private talkChanged(talking: boolean): void {
    if (this.finished) return;
    const t = now();
    if (talking && this.talkSince === null) {
      this.talkSince = t;
      if (this.silenceTimer) clearTimeout(this.silenceTimer);
      this.silenceTimer = null;
      if (this.noAudioTimer) clearTimeout(this.noAudioTimer);
      this.noAudioTimer = null;
    } else if (!talking && this.talkSince !== null) {
      this.talkingMs += this.sw.clock.virtual(t - this.talkSince);
      this.talkSince = null;
      if (this.rec.opts.maxSilenceSeconds > 0) this.armSilence();
      if (!this.ch.sendsAudio) this.armNoAudio();
    }
  }

  private dtmf(digit: string, durationMs: number): void {
    const on = this.rec.opts.terminateOn;
    if (on === "any" || on === digit) {
      this.lastDigitMs = durationMs;
      this.finish("dtmf");
    } else if (!this.ch.sendsAudio && !this.ch.talking) this.armNoAudio();
  }

  private cleanup(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers = [];
    if (this.silenceTimer) clearTimeout(this.silenceTimer);
    this.silenceTimer = null;
    if (this.noAudioTimer) clearTimeout(this.noAudioTimer);
    this.noAudioTimer = null;
    this.ch.emitter.off("talk", this.onTalk);
    this.ch.emitter.off("dtmf", this.onDtmf);
    this.rec.finish = null;
  }

  private fail(cause: string): void {
    this.finished = true;
    this.cleanup();
    this.rec.state = "failed";
    this.rec.cause = cause;
    this.publish("RecordingFailed");
    this.sw.liveRecordings.delete(this.rec.name);
    this.done?.();
  }

  finish(reason: RecordingEnd): void {
    if (this.finished) return;
    this.finished = true;
    const t = now();
    if (this.talkSince !== null) this.talkingMs += this.sw.clock.virtual(t - this.talkSince);
    this.cleanup();
    let elapsedMs = this.startedAt ? this.sw.clock.virtual(t - this.startedAt) : 0;
    // A timer may fire a fraction of a real ms early; Asterisk's own check (time() seconds, `maxtime <
    // end - start`) never stops before the limit.
    if (reason === "maxDuration") elapsedMs = Math.max(elapsedMs, this.rec.opts.maxDurationSeconds * 1000);
    if (reason === "silence") {
      const silentFrom = this.sw.clock.virtual(Math.max(0, this.silenceSince - this.startedAt));
      elapsedMs = Math.max(elapsedMs, silentFrom + this.rec.opts.maxSilenceSeconds * 1000);
    }
    // Without audio frames only what the caller said reached the file.
    const writtenMs = this.ch.sendsAudio ? elapsedMs : this.talkingMs;
    const { duration, talking, keptMs } = recordedSeconds({
      writtenMs,
      talkingMs: this.talkingMs,
      reason,
      digitMs: this.lastDigitMs,
      maxSilenceSeconds: this.rec.opts.maxSilenceSeconds,
    });
    this.rec.duration = duration;
    if (this.rec.opts.maxSilenceSeconds > 0) this.rec.talkingDuration = talking;
    this.rec.state = reason === "cancel" ? "canceled" : "done";
    if (reason !== "cancel") this.store(keptMs);
    this.sw.log.add("recordingStop", this.ch.id, { name: this.rec.name, reason });
    this.publish("RecordingFinished");
    this.sw.liveRecordings.delete(this.rec.name);
    this.done?.();
  }

  private store(elapsedMs: number): void {
    const existing = this.sw.storedRecordings.get(this.rec.name);
    const total = this.rec.opts.ifExists === "append" && existing ? existing.durationMs + elapsedMs : elapsedMs;
    this.sw.storedRecordings.set(this.rec.name, {
      name: this.rec.name,
      format: this.rec.format,
      durationMs: total,
      data: this.rec.format === "wav" ? silentWav(total) : Buffer.alloc(Math.round((total / 1000) * 8000)),
    });
  }

  abortForHangup(): void {
    if (this.finished) return;
    if (this.rec.state === "queued") return this.runDead();
    this.finish("hangup");
  }

  runDead(): void {
    if (this.finished) return;
    if (this.ch.state !== "Up") return this.fail("Failed to answer channel");
    this.rec.state = "recording";
    this.publish("RecordingStarted");
    this.finish("hangup");
  }
}

export type RecordingEnd = "maxDuration" | "silence" | "dtmf" | "stop" | "cancel" | "hangup" | "noAudio";

/**
 * The durations Asterisk reports (main/app.c, __ast_play_and_record): `duration` is the whole seconds of
 * audio in the file (ast_tellstream / 8000, rounded down) minus the trailing silence that ended it
 * (`(dspsilence - 200) / 1000`, whole seconds too); `talking_duration` is the same whole seconds minus
 * all silence (`(totalsilence - 200) / 1000`). Voice frames are dropped while a DTMF digit is in
 * progress (main/channel.c, __ast_read), so a terminating digit's length is not in the file.
 */
export function recordedSeconds(o: {
  writtenMs: number;
  talkingMs: number;
  reason: RecordingEnd;
  digitMs: number;
  maxSilenceSeconds: number;
}): { duration: number; talking: number; keptMs: number } {
  let written = o.writtenMs;
  if (o.reason === "dtmf") written = Math.max(0, written - o.digitMs);
  const whole = Math.floor(written / 1000);
  let duration = whole;
  let keptMs = written;
  if (o.reason === "silence") {
    const trailingMs = o.maxSilenceSeconds * 1000;
    duration -= Math.floor((trailingMs - 200) / 1000);
    keptMs -= trailingMs - 200;
  }
  const silenceMs = Math.max(0, written - o.talkingMs);
  const talking = silenceMs > 0 ? whole - Math.floor((silenceMs - 200) / 1000) : whole;
  return { duration: Math.max(0, duration), talking: Math.max(0, talking), keptMs: Math.max(0, keptMs) };
}

export type RecordError = { status: number; message: string };

/** Validation and creation (ast_ari_channels_record + stasis_app_control_record). */
export function startRecording(
  sw: SimSwitch,
  ch: SimChannel,
  p: { name?: string; format?: string; maxDurationSeconds: number; maxSilenceSeconds: number; beep: boolean; terminateOn?: string; ifExists?: string },
  targetUri = `channel:${ch.id}`,
): SimLiveRecording | RecordError {
  const terminateOn = (p.terminateOn ?? "none").toLowerCase();
  if (!["none", "any", "#", "*"].includes(terminateOn)) return { status: 400, message: "terminateOn invalid" };
  const ifExists = (p.ifExists || "fail").toLowerCase();
  if (!["fail", "overwrite", "append"].includes(ifExists)) return { status: 400, message: "ifExists invalid" };
  if (!p.format || !RECORDING_FORMATS.includes(p.format)) {
    return { status: 422, message: "specified format is unknown on this system" };
  }
  if (!p.name) return { status: 500, message: "Error parsing request" };
  if (p.name.split("/").includes("..")) return { status: 400, message: "Recording name invalid" };
  if ((ifExists === "fail" && sw.storedRecordings.has(p.name)) || sw.liveRecordings.has(p.name)) {
    return { status: 409, message: `Recording '${p.name}' already exists and can not be overwritten` };
  }
  const rec = new SimLiveRecording(p.name, p.format, targetUri, ch.id, {
    maxDurationSeconds: p.maxDurationSeconds,
    maxSilenceSeconds: p.maxSilenceSeconds,
    beep: p.beep,
    terminateOn,
    ifExists,
  });
  sw.liveRecordings.set(rec.name, rec);
  sw.log.add("record", ch.id, { name: rec.name, format: rec.format, ...rec.opts });
  return rec;
}

export function queueRecording(
  sw: SimSwitch,
  ch: SimChannel,
  rec: SimLiveRecording,
  audience?: () => Iterable<string>,
): Record<string, unknown> {
  const json = rec.toJSON();
  sw.queue(ch, new RecordCommand(sw, ch, rec, audience));
  return json;
}
