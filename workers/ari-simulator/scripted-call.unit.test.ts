import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AriClient, createAriClient } from "../ari";
import { parseScriptDsl } from "./script/dsl";
import { type AriSimulator, startAriSimulator } from "./server";
import { ari, subscribe } from "./test-support";

let sim: AriSimulator;
let app: AriClient;

beforeAll(async () => {
  sim = await startAriSimulator({ timeScale: 0.05 });
  app = createAriClient({ url: sim.url, username: "asterisk", password: "asterisk", app: "cc-flows" });
  await app.events.connect();
});
afterAll(async () => {
  await app.events.close();
  await sim.close();
});

describe("caller script DSL", () => {
  it("parses the command-line form", () => {
    expect(parseScriptDsl("wait prompt; press 2; wait 1s; press 0; hangup after 5s")).toEqual({
      steps: [{ waitForPlayback: "next" }, { press: "2" }, { wait: 1000 }, { press: "0" }, { wait: 5000 }, { hangup: true }],
    });
    expect(parseScriptDsl("wait prompt 2\nwait prompt end; press 12# gap 300ms; talk 2.5s; expect end; timeout 20s")).toEqual({
      steps: [
        { waitForPlayback: { started: 2 } },
        { waitForPlaybackFinished: true },
        { pressSequence: "12#", gapMs: 300 },
        { talk: 2500 },
        { expectStasisEnd: true },
      ],
      timeoutMs: 20000,
    });
    expect(() => parseScriptDsl("dance")).toThrow(/cannot parse/);
    expect(() => parseScriptDsl("wait forever")).toThrow(/bad duration/);
  });

  it("rejects a malformed JSON script with 400", async () => {
    const r = await fetch(`${sim.url}/_sim/calls`, {
      method: "POST",
      body: JSON.stringify({ to: "1", from: "2", script: [{ press: "22" }] }),
    });
    expect(r.status).toBe(400);
  });
});

describe("a scripted call against a tiny hand-written app", () => {
  it("answers, plays the menu, reacts to DTMF with barge-in, hands over to a queue", async () => {
    // The app names each playback before it asks for it: the caller's key can arrive before play's answer.
    const current = new Map<string, string>();
    const play = async (channelId: string, media: string | string[], playbackId: string) => {
      current.set(channelId, playbackId);
      await app.channels.play(channelId, media, { playbackId });
    };
    const offStart = app.events.on("StasisStart", (e) => {
      void (async () => {
        await app.channels.answer(e.channel.id);
        await play(e.channel.id, ["sound:demo-instruct"], `menu-${e.channel.id}`);
      })();
    });
    const offDtmf = app.events.on("ChannelDtmfReceived", (e) => {
      void (async () => {
        const playbackId = current.get(e.channel.id);
        if (playbackId) await app.playbacks.stop(playbackId).catch(() => undefined);
        if (e.digit === "2") await play(e.channel.id, "sound:demo-thanks", `thanks-${e.channel.id}`);
        if (e.digit === "0") await app.channels.continueInDialplan(e.channel.id, { context: "cc-queues", extension: "support", priority: 1 });
      })();
    });
    try {
      const { callId, rejected } = await sim.control.placeCall({
        to: "4001",
        from: "13800000000",
        script: "wait prompt; press 2; wait prompt 2; wait 1s; press 0; expect end",
      });
      expect(rejected).toBe(false);
      const status = await sim.control.waitForCall(callId, 10_000);
      expect(status.script).toEqual({ status: "completed", step: 6 });
      expect(status.continuedTo).toEqual({ context: "cc-queues", exten: "support", priority: 1 });
      expect(status.hungUpBy).toBe("caller");
      const kinds = status.log.map((e) => e.kind);
      for (const k of ["answer", "playRequest", "dtmf", "playbackStop", "continue", "stasisEnd", "destroyed"]) expect(kinds).toContain(k);
      const dtmf2 = status.log.find((e) => e.kind === "dtmf" && e.digit === "2")!;
      const plays = status.log.filter((e) => e.kind === "playRequest");
      expect(plays.map((p) => p.media)).toEqual([["sound:demo-instruct"], ["sound:demo-thanks"]]);
      const latency = plays[1]!.t - dtmf2.t;
      expect(latency).toBeGreaterThan(0);
      expect(latency).toBeLessThan(500);
      // barge-in: the menu was stopped, so it finished "done" before its natural end
      const menuFinished = status.log.find((e) => e.kind === "playbackFinished" && e.playbackId === plays[0]!.playbackId)!;
      expect(menuFinished.state).toBe("done");
      expect(menuFinished.t).toBeLessThan(plays[1]!.t);
    } finally {
      offStart();
      offDtmf();
    }
  });

  it("an inbound call while no application is registered is rejected", async () => {
    const { rejected, callId } = await sim.control.placeCall({ to: "4001", from: "1", app: "not-registered" });
    expect(rejected).toBe(true);
    expect((await sim.control.getCall(callId)).state).toBe("Destroyed");
  });
});

describe("recordings", () => {
  // Half speed, not 1/20: recorded durations are whole seconds, and 50 ms of a loaded machine's delay
  // would be a second at 1/20.
  let sim: AriSimulator;
  beforeAll(async () => {
    sim = await startAriSimulator({ timeScale: 0.5 });
  });
  afterAll(() => sim.close());

  it("records until maxSilenceSeconds of silence after the caller talked; stored, playable", async () => {
    const raw = await subscribe(sim, "rec-app");
    const { callId } = await sim.control.placeCall({ to: "7000", from: "1", app: "rec-app", script: "wait answer; talk 3s; wait 4s" });
    await raw.waitFor((e) => e.type === "StasisStart");
    const r = await ari(sim, "POST", `/ari/channels/${callId}/record?name=msg-1&format=wav&maxSilenceSeconds=2&maxDurationSeconds=20&ifExists=overwrite`);
    expect(r.status).toBe(201);
    expect(r.json).toEqual({ name: "msg-1", format: "wav", state: "queued", target_uri: `channel:${callId}` });
    expect(r.headers.get("location")).toBe("/ari/recordings/live/msg-1");
    const started = await raw.waitFor((e) => e.type === "RecordingStarted");
    expect(started.recording.state).toBe("recording");
    const fin = await raw.waitFor((e) => e.type === "RecordingFinished", 15_000);
    // 3 s of talk + 2 s of silence = 5 whole seconds written, minus (2000 - 200) / 1000 = 1 s of trailing
    // silence (integer division, main/app.c); talking_duration subtracts all silence the same way.
    expect(fin.recording).toMatchObject({ name: "msg-1", state: "done", duration: 4, talking_duration: 4, silence_duration: 0 });
    expect(raw.events.some((e) => e.type === "ChannelStateChange" && e.channel.state === "Up")).toBe(true);
    expect((await ari(sim, "GET", "/ari/recordings/stored/msg-1")).json).toEqual({ name: "msg-1", format: "wav" });
    expect((await ari(sim, "GET", "/ari/recordings/live/msg-1")).status).toBe(404);
    const client = createAriClient({ url: sim.url, username: "asterisk", password: "asterisk", app: "rec-app" });
    expect(await client.recordings.getStored("msg-1")).toEqual({ name: "msg-1", format: "wav" });
    const pb = await client.channels.play(callId, "recording:msg-1");
    const done = await raw.waitFor((e) => e.type === "PlaybackFinished" && e.playback.id === pb.id, 15_000);
    expect(done.playback.state).toBe("done");
    const again = await ari(sim, "POST", `/ari/channels/${callId}/record?name=msg-1&format=wav`);
    expect(again.status).toBe(409);
    expect(again.json).toEqual({ message: "Recording 'msg-1' already exists and can not be overwritten" });
    await sim.control.hangup(callId);
    await raw.close();
  });

  it("terminateOn # stops the recording on the digit; an unknown format is 422", async () => {
    const raw = await subscribe(sim, "rec-app2");
    const { callId } = await sim.control.placeCall({ to: "7000", from: "1", app: "rec-app2", script: "wait answer; talk 2s; press #" });
    await raw.waitFor((e) => e.type === "StasisStart");
    expect((await ari(sim, "POST", `/ari/channels/${callId}/record?name=x&format=mp9`)).status).toBe(422);
    await ari(sim, "POST", `/ari/channels/${callId}/record?name=msg-2&format=wav&terminateOn=%23`);
    const fin = await raw.waitFor((e) => e.type === "RecordingFinished", 15_000);
    const dtmf = raw.events.findIndex((e) => e.type === "ChannelDtmfReceived");
    expect(dtmf).toBeGreaterThan(-1);
    expect(dtmf).toBeLessThan(raw.events.indexOf(fin));
    expect(fin.recording.duration).toBe(2);
    expect(fin.recording.talking_duration).toBeUndefined();
    await sim.control.hangup(callId);
    await raw.close();
  });
});

describe("bridges and transfer", () => {
  it("bridges the caller with an originated agent; hangup in a bridge leaves it before StasisEnd", async () => {
    const raw = await subscribe(sim, "bridge-app");
    const client = createAriClient({ url: sim.url, username: "asterisk", password: "asterisk", app: "bridge-app" });
    const { callId } = await sim.control.placeCall({ to: "4001", from: "1", app: "bridge-app" });
    await raw.waitFor((e) => e.type === "StasisStart" && e.channel.id === callId);
    await client.channels.answer(callId);
    const bridge = await client.bridges.create({ type: "mixing", name: "b1" });
    expect(bridge).toMatchObject({ bridge_type: "mixing", bridge_class: "stasis", creator: "Stasis", name: "b1", channels: [] });
    const agent = await client.channels.originate({ endpoint: "PJSIP/1001", app: "bridge-app", appArgs: "agent" });
    expect(agent.state).toBe("Down");
    await raw.waitFor((e) => e.type === "StasisStart" && e.channel.id === agent.id);
    await client.bridges.addChannel(bridge.id, [callId, agent.id]);
    const entered = await raw.waitFor((e) => e.type === "ChannelEnteredBridge" && e.channel.id === agent.id);
    expect(entered.bridge.channels).toEqual([callId, agent.id]);
    expect((await client.bridges.get(bridge.id)).channels).toEqual([callId, agent.id]);
    const bad = await ari(sim, "POST", `/ari/bridges/${bridge.id}/addChannel?channel=nope`);
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({ message: "Channel not found" });
    await client.bridges.removeChannel(bridge.id, agent.id);
    await raw.waitFor((e) => e.type === "ChannelLeftBridge" && e.channel.id === agent.id);
    await sim.control.hangup(callId);
    await raw.waitFor((e) => e.type === "ChannelDestroyed" && e.channel.id === callId);
    const seq = raw.events.filter((e) => e.channel?.id === callId).map((e) => e.type);
    expect(seq.slice(seq.indexOf("ChannelHangupRequest"))).toEqual(["ChannelHangupRequest", "ChannelLeftBridge", "StasisEnd", "ChannelVarset", "ChannelHangupRequest", "ChannelDestroyed"]);
    await client.bridges.destroy(bridge.id);
    expect((await ari(sim, "GET", `/ari/bridges/${bridge.id}`)).json).toEqual({ message: "Bridge not found" });
    await client.channels.hangup(agent.id);
    const log = await sim.control.log({ channelId: agent.id });
    expect(log.map((e) => e.kind)).toEqual(expect.arrayContaining(["originate", "farEndAnswer", "bridgeEnter", "bridgeLeave", "hangup"]));
    await raw.close();
  });
});
