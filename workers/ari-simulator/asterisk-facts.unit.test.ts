import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CORE_SOUNDS, resolveConfig } from "./config";
import { dialplanHas, extensionMatches } from "./dialplan";
import { silentWav } from "./media-cache";
import { recordedSeconds } from "./recordings";
import { type AriSimulator, startAriSimulator } from "./server";
import { defaultSoundsDir, readSoundDurations } from "./sound-files";
import { type RawSubscriber, ari, subscribe } from "./test-support";

const SCALE = 0.05;
let sim: AriSimulator;
let sub: RawSubscriber;

beforeAll(async () => {
  // No cc-queues: the dialplan of an Asterisk that was not given the README's [cc-queues] context.
  sim = await startAriSimulator({
    timeScale: SCALE,
    dialplan: { holding: ["_X."] },
    callerContexts: { "cc-test-caller": "wait prompt; press 1; wait 1s; hangup" },
  });
  sub = await subscribe(sim);
});
afterAll(async () => {
  await sub.close();
  await sim.close();
});

async function call(opts: { sendsAudio?: boolean } = {}): Promise<string> {
  const { callId } = await sim.control.placeCall({ to: "4001", from: "13800000000", ...opts });
  await sub.waitFor((e) => e.type === "StasisStart" && e.channel.id === callId);
  return callId;
}

/** Simulated ms between two call-log entries of a channel. */
async function virtualMsBetween(channelId: string, from: string, to: string): Promise<number> {
  const log = await sim.control.log({ channelId });
  const a = log.find((e) => e.kind === from);
  const b = log.find((e) => e.kind === to);
  if (!a || !b) throw new Error(`missing ${from} or ${to} in ${log.map((e) => e.kind).join(",")}`);
  return (b.t - a.t) / SCALE;
}

describe("sound lengths (asterisk-core-sounds-en 1.6.1, measured on Asterisk 22.10.1)", () => {
  it("the table holds the measured lengths and ss-noservice", () => {
    expect(CORE_SOUNDS).toMatchObject({
      beep: 440,
      "tt-weasels": 2960,
      "tt-monkeys": 16180,
      "demo-congrats": 30280,
      "demo-thanks": 5520,
      "ss-noservice": 4940,
    });
  });

  it("reads lengths from a sound directory: gsm by 33-byte frames of 20 ms, wav by its header, sub-folders by path", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "sim-sounds-"));
    try {
      await mkdir(path.join(dir, "digits"));
      await writeFile(path.join(dir, "beep.gsm"), Buffer.alloc(33 * 22));
      await writeFile(path.join(dir, "digits", "7.gsm"), Buffer.alloc(33 * 42));
      await writeFile(path.join(dir, "custom.wav"), silentWav(1234));
      await writeFile(path.join(dir, "raw.ulaw"), Buffer.alloc(4000));
      await writeFile(path.join(dir, "notes.txt"), "not a sound");
      expect(readSoundDurations(dir)).toEqual({ beep: 440, "digits/7": 840, custom: 1234, raw: 500 });
      const cfg = resolveConfig({ soundsDir: dir, sounds: { raw: 99 } });
      expect(cfg.sounds.custom).toBe(1234);
      expect(cfg.sounds.raw).toBe(99);
      expect(cfg.sounds["tt-weasels"]).toBe(2960);
      expect(resolveConfig({ soundsDir: null }).sounds.custom).toBeUndefined();
      expect(() => resolveConfig({ soundsDir: path.join(dir, "missing") })).toThrow(/^soundsDir .*missing: ENOENT/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("where Debian's sound package is installed, its files agree with the table", () => {
    const dir = defaultSoundsDir();
    if (dir === null) {
      expect(resolveConfig().soundsDir).toBeNull();
      return;
    }
    const files = readSoundDurations(dir);
    for (const name of ["beep", "tt-weasels", "tt-monkeys", "demo-congrats", "demo-thanks", "ss-noservice"]) {
      expect([name, files[name]]).toEqual([name, CORE_SOUNDS[name]]);
    }
  });

  it("ss-noservice plays (the bridge's answer to unknown numbers) instead of failing at once", async () => {
    const id = await call();
    const res = await ari(sim, "POST", `/ari/channels/${id}/play?media=sound:ss-noservice`);
    const fin = await sub.waitFor((e) => e.type === "PlaybackFinished" && e.playback.id === res.json.id, 10_000);
    expect(fin.playback.state).toBe("done");
    expect(await virtualMsBetween(id, "playbackStarted", "playbackFinished")).toBeGreaterThanOrEqual(4940);
    await sim.control.hangup(id);
  });
});

describe("recording durations (main/app.c __ast_play_and_record)", () => {
  it("whole seconds of audio written, rounded down; a terminating digit's audio is not written", () => {
    expect(recordedSeconds({ writtenMs: 3980, talkingMs: 3980, reason: "stop", digitMs: 0, maxSilenceSeconds: 0 }).duration).toBe(3);
    expect(recordedSeconds({ writtenMs: 4050, talkingMs: 4050, reason: "dtmf", digitMs: 100, maxSilenceSeconds: 0 }).duration).toBe(3);
    expect(recordedSeconds({ writtenMs: 4050, talkingMs: 4050, reason: "stop", digitMs: 100, maxSilenceSeconds: 0 }).duration).toBe(4);
  });

  it("silence: whole seconds minus (silence - 200 ms) / 1000 in whole seconds; the file keeps 200 ms of it", () => {
    expect(recordedSeconds({ writtenMs: 5500, talkingMs: 2500, reason: "silence", digitMs: 0, maxSilenceSeconds: 3 })).toEqual({
      duration: 3,
      talking: 3,
      keptMs: 2700,
    });
    expect(recordedSeconds({ writtenMs: 0, talkingMs: 0, reason: "noAudio", digitMs: 0, maxSilenceSeconds: 0 })).toEqual({ duration: 0, talking: 0, keptMs: 0 });
  });

  it("the beep lasts 0.44 s; a channel that sends no audio ends the recording after 4 s with duration 0", async () => {
    const id = await call({ sendsAudio: false });
    const r = await ari(sim, "POST", `/ari/channels/${id}/record?name=silent-1&format=wav&beep=true&maxDurationSeconds=30`);
    expect(r.status).toBe(201);
    const fin = await sub.waitFor((e) => e.type === "RecordingFinished" && e.recording.name === "silent-1", 10_000);
    expect(fin.recording).toMatchObject({ state: "done", duration: 0 });
    const took = await virtualMsBetween(id, "recordingStarted", "recordingFinished");
    expect(took).toBeGreaterThanOrEqual(440 + 4000);
    expect(took).toBeLessThan(30_000);
    const log = await sim.control.log({ channelId: id, kind: "recordingStop" });
    expect(log[0]?.reason).toBe("noAudio");
    await sim.control.hangup(id);
  });

  it("a phone that sends (silent) audio records to maxDurationSeconds", async () => {
    const id = await call();
    await ari(sim, "POST", `/ari/channels/${id}/record?name=phone-1&format=wav&maxDurationSeconds=5`);
    const fin = await sub.waitFor((e) => e.type === "RecordingFinished" && e.recording.name === "phone-1", 10_000);
    expect(fin.recording).toMatchObject({ state: "done", duration: 5 });
    await sim.control.hangup(id);
  });
});

describe("the dialplan after continue (main/pbx.c __ast_pbx_run)", () => {
  it("extension patterns as pbx.c matches them", () => {
    expect(extensionMatches("_X.", "4001")).toBe(true);
    expect(extensionMatches("_X.", "4")).toBe(false);
    expect(extensionMatches("_NXX", "200")).toBe(true);
    expect(extensionMatches("_NXX", "100")).toBe(false);
    expect(extensionMatches("_[a-c]!", "b")).toBe(true);
    expect(extensionMatches("_.", "after-sales")).toBe(true);
    expect(extensionMatches("support", "support")).toBe(true);
    expect(extensionMatches("support", "sales")).toBe(false);
    expect(dialplanHas({ "cc-queues": ["_."] }, "cc-queues", "after-sales")).toBe(true);
    expect(dialplanHas({ "cc-queues": ["_."] }, "other", "after-sales")).toBe(false);
  });

  it("continue into a context without that extension: StasisEnd, then the channel is hung up (cause 0)", async () => {
    const id = await call();
    expect((await ari(sim, "POST", `/ari/channels/${id}/continue?context=cc-queues&extension=after-sales&priority=1`)).status).toBe(204);
    await sub.waitFor((e) => e.type === "StasisEnd" && e.channel.id === id);
    const status = await sim.control.waitForCall(id, 5_000);
    expect(status).toMatchObject({ done: true, hungUpBy: "dialplan", cause: 0, continuedTo: { context: "cc-queues", exten: "after-sales", priority: 1 } });
    expect(status.log.find((e) => e.kind === "invalidExtension")).toMatchObject({ context: "cc-queues", exten: "after-sales", priority: 1 });
    expect((await ari(sim, "GET", `/ari/channels/${id}`)).status).toBe(404);
    // The app stopped following the channel at StasisEnd (app_send_end_msg unsubscribes it).
    expect(sub.events.some((e) => e.type === "ChannelDestroyed" && e.channel.id === id)).toBe(false);
  });

  it("continue into an extension the dialplan has: the call stays up until the caller hangs up", async () => {
    const id = await call();
    await ari(sim, "POST", `/ari/channels/${id}/continue?context=holding&extension=123`);
    await sub.waitFor((e) => e.type === "StasisEnd" && e.channel.id === id);
    await new Promise((r) => setTimeout(r, 50));
    expect((await ari(sim, "GET", `/ari/channels/${id}`)).json.dialplan).toMatchObject({ context: "holding", exten: "123" });
    await sim.control.hangup(id);
    expect((await sim.control.getCall(id)).hungUpBy).toBe("caller");
  });
});

describe("Local channels (main/core_local.c)", () => {
  it("originate Local/<exten>@<context> into the app: ;1 enters Stasis, the caller context's script plays the caller", async () => {
    const channelId = `local-${Date.now()}`;
    const r = await ari(sim, "POST", `/ari/channels?endpoint=${encodeURIComponent("Local/4001@cc-test-caller")}&app=cc-flows&appArgs=4001&callerId=13800000000&channelId=${channelId}`);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ id: channelId, state: "Down", caller: { number: "13800000000" } });
    expect(r.json.name).toMatch(/^Local\/4001@cc-test-caller-[0-9a-f]{8};1$/);
    const start = await sub.waitFor((e) => e.type === "StasisStart" && e.channel.id === channelId);
    expect(start.args).toEqual(["4001"]);
    expect(start.channel.state).toBe("Up");
    await ari(sim, "POST", `/ari/channels/${channelId}/play?media=sound:beep`);
    const dtmf = await sub.waitFor((e) => e.type === "ChannelDtmfReceived" && e.channel.id === channelId, 10_000);
    expect(dtmf.digit).toBe("1");
    const status = await sim.control.waitForCall(channelId, 10_000);
    expect(status).toMatchObject({ done: true, hungUpBy: "caller", script: { status: "completed" } });
    // Originated straight into the app (pbx_outgoing_exec): no second, APPUNLOAD hangup request.
    const requests = sub.events.filter((e) => e.type === "ChannelHangupRequest" && e.channel.id === channelId);
    expect(requests).toHaveLength(1);
  });

  it("a Local channel to an extension that does not exist is hung up without entering Stasis", async () => {
    const channelId = `local-missing-${Date.now()}`;
    const r = await ari(sim, "POST", `/ari/channels?endpoint=Local/1@nowhere&app=cc-flows&channelId=${channelId}`);
    expect(r.status).toBe(200);
    await sub.waitFor((e) => e.type === "ChannelDestroyed" && e.channel.id === channelId);
    expect(sub.events.some((e) => e.type === "StasisStart" && e.channel.id === channelId)).toBe(false);
    const log = await sim.control.log({ channelId });
    expect(log.find((e) => e.kind === "localNoSuchExtension")).toMatchObject({ exten: "1", context: "nowhere" });
  });

  it("a caller context with a script that does not parse is refused at start, naming the context", async () => {
    await expect(startAriSimulator({ callerContexts: { broken: "dance" } })).rejects.toThrow(/callerContexts\.broken: cannot parse/);
  });
});
