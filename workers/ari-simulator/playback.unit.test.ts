import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planMedia, numberWords } from "./playbacks";
import { type AriSimulator, startAriSimulator } from "./server";
import { type RawSubscriber, ari, subscribe } from "./test-support";

let sim: AriSimulator;
let sub: RawSubscriber;

beforeAll(async () => {
  sim = await startAriSimulator({ timeScale: 0.05 });
  sub = await subscribe(sim);
});
afterAll(async () => {
  await sub.close();
  await sim.close();
});

/** Places a call (no script: the caller stays) and waits for its StasisStart. */
async function call(script?: string): Promise<string> {
  const { callId } = await sim.control.placeCall({ to: "4001", from: "13800000000", ...(script ? { script } : {}) });
  await sub.waitFor((e) => e.type === "StasisStart" && e.channel.id === callId);
  return callId;
}
const eventsFor = (id: string) =>
  sub.events.filter((e) => e.channel?.id === id || e.playback?.target_uri === `channel:${id}`);

describe("ARI simulator: playbacks", () => {
  it("StasisStart carries args, dialed exten, state Ring and Asterisk's channel shape", async () => {
    const id = await call();
    const e = sub.events.find((x) => x.type === "StasisStart" && x.channel.id === id)!;
    expect(e.args).toEqual(["4001"]);
    expect(Object.keys(e)).toEqual(["type", "timestamp", "args", "channel", "asterisk_id", "application"]);
    expect(e.application).toBe("cc-flows");
    expect(e.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
    expect(e.channel).toMatchObject({
      name: expect.stringMatching(/^PJSIP\/13800000000-[0-9a-f]{8}$/),
      state: "Ring",
      caller: { name: "", number: "13800000000" },
      connected: { name: "", number: "" },
      accountcode: "",
      dialplan: { context: "from-trunk", exten: "4001", priority: 1, app_name: "Stasis", app_data: "cc-flows,4001" },
      language: "en",
    });
    expect(id).toMatch(/^\d+\.\d+$/);
    expect(Object.keys(e.channel)).toEqual(["id", "name", "state", "protocol_id", "caller", "connected", "accountcode", "dialplan", "creationtime", "language"]);
    await sim.control.hangup(id);
  });

  it("play answers 201 with state queued and a Location; PlaybackStarted is on the socket before the reply", async () => {
    const id = await call();
    const res = await ari(sim, "POST", `/ari/channels/${id}/play?media=sound:hello-world`);
    const seenAtReply = sub.events.some((e) => e.type === "PlaybackStarted" && e.playback.id === res.json.id);
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ id: res.json.id, media_uri: "sound:hello-world", target_uri: `channel:${id}`, language: "en", state: "queued" });
    expect(res.headers.get("location")).toBe(`/ari/playbacks/${res.json.id}`);
    expect(seenAtReply).toBe(true);
    const fin = await sub.waitFor((e) => e.type === "PlaybackFinished" && e.playback.id === res.json.id);
    expect(fin.playback.state).toBe("done");
    await sim.control.hangup(id);
  });

  it("playbacks on one channel play one after another", async () => {
    const id = await call();
    const a = (await ari(sim, "POST", `/ari/channels/${id}/play?media=sound:hello-world`)).json;
    const b = (await ari(sim, "POST", `/ari/channels/${id}/play?media=sound:beep`)).json;
    expect(b.state).toBe("queued");
    await sub.waitFor((e) => e.type === "PlaybackFinished" && e.playback.id === b.id);
    const seq = eventsFor(id)
      .filter((e) => e.type.startsWith("Playback"))
      .map((e) => `${e.type}:${e.playback.id === a.id ? "a" : "b"}:${e.playback.state}`);
    expect(seq).toEqual(["PlaybackStarted:a:playing", "PlaybackFinished:a:done", "PlaybackStarted:b:playing", "PlaybackFinished:b:done"]);
    await sim.control.hangup(id);
  });

  it("playbackId as query parameter and as path segment", async () => {
    const id = await call();
    const q = await ari(sim, "POST", `/ari/channels/${id}/play?media=sound:tt-monkeys&playbackId=pb-query-1`);
    const p = await ari(sim, "POST", `/ari/channels/${id}/play/pb-path-1?media=sound:beep`);
    expect(q.json.id).toBe("pb-query-1");
    expect(p.json.id).toBe("pb-path-1");
    expect(p.headers.get("location")).toBe("/ari/playbacks/pb-path-1");
    expect((await ari(sim, "GET", "/ari/playbacks/pb-path-1")).json.state).toBe("queued");
    await sim.control.hangup(id);
  });

  it("comma-separated media is a playlist: next_media_uri, PlaybackContinuing, one PlaybackFinished", async () => {
    const id = await call();
    const res = await ari(sim, "POST", `/ari/channels/${id}/play?media=sound:beep,sound:hello-world`);
    expect(res.json.next_media_uri).toBe("sound:hello-world");
    await sub.waitFor((e) => e.type === "PlaybackFinished" && e.playback.id === res.json.id);
    const seq = eventsFor(id).filter((e) => e.playback?.id === res.json.id).map((e) => `${e.type}:${e.playback.media_uri}`);
    expect(seq).toEqual([
      "PlaybackStarted:sound:beep",
      "PlaybackContinuing:sound:beep",
      "PlaybackStarted:sound:hello-world",
      "PlaybackFinished:sound:hello-world",
    ]);
    await sim.control.hangup(id);
  });

  it("a JSON body media array is a playlist too; a repeated media query parameter keeps the last one (as Asterisk's generated parser)", async () => {
    const id = await call();
    const body = await ari(sim, "POST", `/ari/channels/${id}/play`, { body: { media: ["sound:beep", "sound:beep"] } });
    expect(body.json.next_media_uri).toBe("sound:beep");
    const rep = await ari(sim, "POST", `/ari/channels/${id}/play?media=sound:beep&media=sound:vm-goodbye`);
    expect(rep.json.media_uri).toBe("sound:vm-goodbye");
    expect(rep.json.next_media_uri).toBeUndefined();
    await sim.control.hangup(id);
  });

  it("DTMF does not interrupt a playback; ChannelDtmfReceived carries digit and duration_ms", async () => {
    const id = await call("wait prompt; press 5 for 80ms");
    const res = await ari(sim, "POST", `/ari/channels/${id}/play?media=sound:demo-thanks`);
    const dtmf = await sub.waitFor((e) => e.type === "ChannelDtmfReceived" && e.channel.id === id);
    expect(dtmf).toMatchObject({ digit: "5", duration_ms: 80 });
    expect(Object.keys(dtmf).slice(0, 4)).toEqual(["digit", "duration_ms", "type", "timestamp"]);
    expect((await ari(sim, "GET", `/ari/playbacks/${res.json.id}`)).json.state).toBe("playing");
    const fin = await sub.waitFor((e) => e.type === "PlaybackFinished" && e.playback.id === res.json.id);
    expect(fin.playback.state).toBe("done");
    expect(sub.events.indexOf(dtmf)).toBeLessThan(sub.events.indexOf(fin));
    await sim.control.hangup(id);
  });

  it("DELETE /playbacks/{id} ends it with PlaybackFinished done, then the id gives 404", async () => {
    const id = await call();
    const res = await ari(sim, "POST", `/ari/channels/${id}/play?media=sound:tt-monkeys`);
    const del = await ari(sim, "DELETE", `/ari/playbacks/${res.json.id}`);
    expect(del.status).toBe(204);
    const fin = await sub.waitFor((e) => e.type === "PlaybackFinished" && e.playback.id === res.json.id);
    expect(fin.playback.state).toBe("done");
    const after = await ari(sim, "GET", `/ari/playbacks/${res.json.id}`);
    expect(after.status).toBe(404);
    expect(after.json).toEqual({ message: "Playback not found" });
    await sim.control.hangup(id);
  });

  it("stopping a queued playback reports PlaybackFinished done without PlaybackStarted", async () => {
    const id = await call();
    // The queued beep is reported when the queue reaches it: behind tt-monkeys (16 s, 0.8 s at this time
    // scale) it is still queued when the DELETE arrives on a loaded machine (hello-world's 0.07 s was not).
    await ari(sim, "POST", `/ari/channels/${id}/play?media=sound:tt-monkeys`);
    const q = (await ari(sim, "POST", `/ari/channels/${id}/play?media=sound:beep`)).json;
    expect((await ari(sim, "DELETE", `/ari/playbacks/${q.id}`)).status).toBe(204);
    const fin = await sub.waitFor((e) => e.type === "PlaybackFinished" && e.playback.id === q.id);
    expect(fin.playback.state).toBe("done");
    expect(sub.events.some((e) => e.type === "PlaybackStarted" && e.playback.id === q.id)).toBe(false);
    await sim.control.hangup(id);
  });

  it("a missing sound file answers 201, then PlaybackStarted and PlaybackFinished failed", async () => {
    const id = await call();
    const res = await ari(sim, "POST", `/ari/channels/${id}/play?media=sound:no-such-file`);
    expect(res.status).toBe(201);
    const fin = await sub.waitFor((e) => e.type === "PlaybackFinished" && e.playback.id === res.json.id);
    expect(fin.playback.state).toBe("failed");
    const types = eventsFor(id).filter((e) => e.playback?.id === res.json.id).map((e) => e.type);
    expect(types).toEqual(["PlaybackStarted", "PlaybackFinished"]);
    await sim.control.hangup(id);
  });

  it("hangup mid-playback: HangupRequest, running fails, each queued starts and fails, StasisEnd, Varset, HangupRequest, Destroyed, with no timer between", async () => {
    const id = await call();
    const p1 = (await ari(sim, "POST", `/ari/channels/${id}/play?media=sound:tt-monkeys`)).json;
    const p2 = (await ari(sim, "POST", `/ari/channels/${id}/play?media=sound:hello-world`)).json;
    const p3 = (await ari(sim, "POST", `/ari/channels/${id}/play?media=sound:beep`)).json;
    await sim.control.hangup(id);
    await sub.waitFor((e) => e.type === "ChannelDestroyed" && e.channel.id === id);
    const name = (e: any) => (e.playback ? `${e.type}:${[p1.id, p2.id, p3.id].indexOf(e.playback.id) + 1}:${e.playback.state}` : e.type);
    const seq = eventsFor(id).map(name);
    const from = seq.indexOf("ChannelHangupRequest");
    expect(seq.slice(from)).toEqual([
      "ChannelHangupRequest",
      "PlaybackFinished:1:failed",
      "PlaybackStarted:2:playing",
      "PlaybackFinished:2:failed",
      "PlaybackStarted:3:playing",
      "PlaybackFinished:3:failed",
      "StasisEnd",
      "ChannelVarset",
      // main/pbx.c: __ast_pbx_run's ast_softhangup(AST_SOFTHANGUP_APPUNLOAD) once Stasis() returned
      "ChannelHangupRequest",
      "ChannelDestroyed",
    ]);
    const destroyed = sub.events.find((e) => e.type === "ChannelDestroyed" && e.channel.id === id)!;
    expect(destroyed).toMatchObject({ cause: 16, cause_txt: "Normal Clearing" });
    const varset = sub.events.find((e) => e.type === "ChannelVarset" && e.channel.id === id && e.variable === "STASISSTATUS")!;
    expect(varset.value).toBe("SUCCESS");
    const log = await sim.control.log({ channelId: id });
    const hang = log.find((e) => e.kind === "hangup")!;
    const dest = log.find((e) => e.kind === "destroyed")!;
    expect(hang.by).toBe("caller");
    // Asterisk tears the channel down at once; the bound leaves room for a loaded machine's event-loop pauses.
    expect(dest.t - hang.t).toBeLessThan(20);
    for (const p of [p1, p2, p3]) expect((await ari(sim, "GET", `/ari/playbacks/${p.id}`)).status).toBe(404);
  });

  it("media durations: core sounds as long as the real files, digits: the digits/N files, number ~0.6 s a word, tone until stopped, unknown fails", () => {
    const sw = sim.sw;
    expect(planMedia(sw, "sound:hello-world")).toMatchObject({ kind: "play", ms: 1420 });
    expect(planMedia(sw, "sound:nope")).toMatchObject({ kind: "fail" });
    // digits/1 + digits/2 + digits/3 of asterisk-core-sounds-en 1.6.1; letters are skipped (main/say.c)
    expect(planMedia(sw, "digits:1a2*3")).toMatchObject({ kind: "play", ms: 920 + 760 + 820 + 840, controllable: false });
    expect(planMedia(sw, "number:42")).toMatchObject({ kind: "play", ms: 1200 });
    expect(planMedia(sw, "tone:ring")).toMatchObject({ kind: "forever" });
    expect(planMedia(sw, "recording:none")).toEqual({ kind: "skip" });
    expect(planMedia(sw, "sound:https://x.test/a.wav")).toEqual({ kind: "fetch", url: "https://x.test/a.wav" });
    expect([7, 20, 42, 100, 115, 1000, 2024].map(numberWords)).toEqual([1, 1, 2, 2, 3, 2, 4]);
  });
});
