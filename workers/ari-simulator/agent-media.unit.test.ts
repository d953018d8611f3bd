import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEndpointDsl } from "./endpoints";
import { type AriSimulator, startAriSimulator } from "./server";
import { type RawEvent, type RawResponse, type RawSubscriber, ari, sleep, subscribe } from "./test-support";

const SCALE = 0.05;
let sim: AriSimulator;
let sub: RawSubscriber;

beforeAll(async () => {
  // As on Asterisk: only the endpoints pjsip.conf names exist.
  sim = await startAriSimulator({
    timeScale: SCALE,
    openEndpoints: false,
    mohClasses: ["default", "queue-vip"],
    endpoints: {
      "1001": "answer after 1s",
      "1002": "busy",
      "1003": "no answer",
      "1004": "unregistered",
      "1005": "answer after 500ms; talk 2s",
      "1008": "decline after 1s",
    },
  });
  sub = await subscribe(sim);
});
afterAll(async () => {
  await sub.close();
  await sim.close();
});

const forChannel = (id: string) => (e: RawEvent) => e.channel?.id === id || e.peer?.id === id;
const shape = (e: RawEvent) =>
  e.type === "Dial" ? `Dial:${e.dialstatus}` : e.type === "ChannelStateChange" ? `State:${e.channel.state}` : e.type;

async function inboundCaller(): Promise<string> {
  const { callId } = await sim.control.placeCall({ to: "4001", from: "13800000000" });
  await sub.waitFor((e) => e.type === "StasisStart" && e.channel.id === callId);
  await ari(sim, "POST", `/ari/channels/${callId}/answer`);
  return callId;
}

async function originate(endpoint: string, extra = ""): Promise<RawResponse> {
  return ari(sim, "POST", `/ari/channels?endpoint=${encodeURIComponent(endpoint)}&app=cc-flows&appArgs=agent,call-7${extra}`);
}

describe("endpoint scripts (control DSL)", () => {
  it("parses answer/ring/talk/busy/no answer/unregistered and refuses anything else", () => {
    expect(parseEndpointDsl("answer after 2s; talk 30s")).toEqual({ behaviour: "answer", registered: true, answerAfterMs: 2000, talkMs: 30000 });
    expect(parseEndpointDsl("ring 200ms; answer after 1.5s")).toEqual({ behaviour: "answer", registered: true, ringAfterMs: 200, answerAfterMs: 1500 });
    expect(parseEndpointDsl("busy").behaviour).toBe("busy");
    expect(parseEndpointDsl("no answer").behaviour).toBe("noAnswer");
    expect(parseEndpointDsl("unregistered").registered).toBe(false);
    expect(parseEndpointDsl("decline after 3s")).toMatchObject({ behaviour: "decline", answerAfterMs: 3000 });
    expect(() => parseEndpointDsl("answer after soon")).toThrow(/bad duration "soon"/);
    expect(() => parseEndpointDsl("dance")).toThrow(/cannot parse endpoint step "dance"/);
  });

  it("a bad endpoint script in the options names the endpoint", async () => {
    await expect(startAriSimulator({ endpoints: { "2001": "answer whenever" } })).rejects.toThrow(/^endpoints\.2001: /);
  });
});

describe("originate to agent endpoints (resource_channels.c, main/dial.c, chan_pjsip.c)", () => {
  it("answers: 200 Down, Dial, Ringing, Up, StasisStart with appArgs; no ChannelCreated; listed on its endpoint", async () => {
    const r = await originate("PJSIP/1001");
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ state: "Down", name: expect.stringMatching(/^PJSIP\/1001-[0-9a-f]{8}$/) });
    const id: string = r.json.id;
    const ep = await ari(sim, "GET", "/ari/endpoints/PJSIP/1001");
    expect(ep.json).toEqual({ technology: "PJSIP", resource: "1001", state: "online", channel_ids: [id] });
    const start = await sub.waitFor((e) => e.type === "StasisStart" && e.channel.id === id, 5000);
    expect(start.args).toEqual(["agent", "call-7"]);
    expect(sub.events.filter(forChannel(id)).map(shape)).toEqual([
      "Dial:",
      "State:Ringing",
      "Dial:RINGING",
      "State:Up",
      "Dial:ANSWER",
      "ChannelVarset",
      "StasisStart",
    ]);
    expect(sub.events.some((e) => e.type === "ChannelCreated")).toBe(false);
    // Answered after ~1 s of ringing (simulated time).
    const log = await sim.control.log({ channelId: id });
    const t = (kind: string) => log.find((e) => e.kind === kind)!.t;
    expect((t("farEndAnswer") - t("originate")) / SCALE).toBeGreaterThanOrEqual(1000);
    expect((await sim.control.getCall(id)).endpoint).toBe("PJSIP/1001");
    await ari(sim, "DELETE", `/ari/channels/${id}`);
    expect((await ari(sim, "GET", "/ari/endpoints/PJSIP/1001")).json.channel_ids).toEqual([]);
  });

  it("the agent hangs up after its talk time: one ChannelHangupRequest cause 16 (not soft), StasisEnd, ChannelDestroyed 16", async () => {
    const r = await originate("PJSIP/1005");
    const id: string = r.json.id;
    const d = await sub.waitFor((e) => e.type === "ChannelDestroyed" && e.channel.id === id, 5000);
    expect(d).toMatchObject({ cause: 16, cause_txt: "Normal Clearing" });
    const after = sub.events.filter(forChannel(id)).map(shape);
    expect(after.slice(after.indexOf("StasisStart") + 1)).toEqual(["ChannelHangupRequest", "StasisEnd", "ChannelVarset", "ChannelDestroyed"]);
    expect(sub.events.find((e) => e.type === "ChannelHangupRequest" && e.channel.id === id)).toMatchObject({ cause: 16 });
    expect(sub.events.find((e) => e.type === "ChannelHangupRequest" && e.channel.id === id)!.soft).toBeUndefined();
    expect((await sim.control.getCall(id)).hungUpBy).toBe("farEnd");
  });

  it("busy: Dial BUSY, ChannelDestroyed 17 User busy, no StasisStart", async () => {
    const id: string = (await originate("PJSIP/1002")).json.id;
    const d = await sub.waitFor((e) => e.type === "ChannelDestroyed" && e.channel.id === id);
    expect(d).toMatchObject({ cause: 17, cause_txt: "User busy" });
    expect(sub.events.filter(forChannel(id)).map(shape)).toEqual(["Dial:", "Dial:BUSY", "ChannelHangupRequest", "ChannelDestroyed"]);
  });

  it("no answer: rings until the originate timeout, then ChannelDestroyed 19 with no Dial event and no hangup request", async () => {
    const id: string = (await originate("PJSIP/1003", "&timeout=2")).json.id;
    await sub.waitFor((e) => e.type === "ChannelStateChange" && e.channel.id === id && e.channel.state === "Ringing");
    const d = await sub.waitFor((e) => e.type === "ChannelDestroyed" && e.channel.id === id, 5000);
    expect(d).toMatchObject({ cause: 19, cause_txt: "User alerting, no answer" });
    expect(sub.events.filter(forChannel(id)).map(shape)).toEqual(["Dial:", "State:Ringing", "Dial:RINGING", "ChannelDestroyed"]);
    expect((await sim.control.getCall(id)).hungUpBy).toBe("timeout");
  });

  it("decline (603): ChannelHangupRequest cause 21, the dial reports NOANSWER, ChannelDestroyed 21 Call Rejected", async () => {
    const id: string = (await originate("PJSIP/1008")).json.id;
    const d = await sub.waitFor((e) => e.type === "ChannelDestroyed" && e.channel.id === id, 5000);
    expect(d).toMatchObject({ cause: 21, cause_txt: "Call Rejected" });
    expect(sub.events.filter(forChannel(id)).map(shape)).toEqual([
      "Dial:",
      "State:Ringing",
      "Dial:RINGING",
      "ChannelHangupRequest",
      "Dial:NOANSWER",
      "ChannelDestroyed",
    ]);
    expect(sub.events.find((e) => e.type === "ChannelHangupRequest" && e.channel.id === id)).toMatchObject({ cause: 21 });
  });

  it("the app withdraws a ringing offer: soft hangup request, Dial status from the reason (ast_hangup_cause_to_dial_status), destroyed", async () => {
    const id: string = (await originate("PJSIP/1003", "&timeout=60")).json.id;
    await sub.waitFor((e) => e.type === "ChannelStateChange" && e.channel.id === id && e.channel.state === "Ringing");
    expect((await ari(sim, "DELETE", `/ari/channels/${id}`)).status).toBe(204);
    expect(sub.events.filter(forChannel(id)).map(shape).slice(3)).toEqual(["ChannelHangupRequest", "Dial:NOANSWER", "ChannelDestroyed"]);
    expect(sub.events.find((e) => e.type === "ChannelHangupRequest" && e.channel.id === id)).toMatchObject({ cause: 32, soft: true });
    expect(sub.events.find((e) => e.type === "ChannelDestroyed" && e.channel.id === id)).toMatchObject({ cause: 16 });
    const busy: string = (await originate("PJSIP/1003", "&timeout=60")).json.id;
    await sub.waitFor((e) => e.type === "ChannelStateChange" && e.channel.id === busy && e.channel.state === "Ringing");
    await ari(sim, "DELETE", `/ari/channels/${busy}?reason=busy`);
    expect(sub.events.some((e) => e.type === "Dial" && e.peer.id === busy && e.dialstatus === "BUSY")).toBe(true);
  });

  it("unregistered or unknown endpoint: 500 Allocation failed before any channel exists; offline / 404 on /endpoints", async () => {
    const before = (await ari(sim, "GET", "/ari/channels")).json.length;
    for (const endpoint of ["PJSIP/1004", "PJSIP/9999"]) {
      const r = await originate(endpoint);
      expect(r.status).toBe(500);
      expect(r.json).toEqual({ error: "Allocation failed" });
    }
    expect((await ari(sim, "GET", "/ari/channels")).json.length).toBe(before);
    expect((await ari(sim, "GET", "/ari/endpoints/PJSIP/1004")).json).toMatchObject({ state: "offline", channel_ids: [] });
    const missing = await ari(sim, "GET", "/ari/endpoints/PJSIP/9999");
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ message: "Endpoint not found" });
  });

  it("create-with-id: the leg keeps our id; the same id again is 409, but an unregistered endpoint fails first (500)", async () => {
    const r = await ari(sim, "POST", "/ari/channels/agent-leg-1?endpoint=PJSIP/1001&app=cc-flows&appArgs=agent");
    expect(r.status).toBe(200);
    expect(r.json.id).toBe("agent-leg-1");
    const again = await ari(sim, "POST", "/ari/channels/agent-leg-1?endpoint=PJSIP/1001&app=cc-flows");
    expect(again.status).toBe(409);
    expect(again.json).toEqual({ message: "Channel with given unique ID already exists" });
    // chan_pjsip's request runs before the channel (and its id) is allocated.
    expect((await ari(sim, "POST", "/ari/channels/agent-leg-1?endpoint=PJSIP/1004&app=cc-flows")).status).toBe(500);
    await sub.waitFor((e) => e.type === "StasisStart" && e.channel.id === "agent-leg-1", 5000);
    await ari(sim, "DELETE", "/ari/channels/agent-leg-1");
  });

  it("GET /endpoints and /endpoints/{tech}: every configured endpoint; an unknown technology is 404", async () => {
    const all = await ari(sim, "GET", "/ari/endpoints");
    expect(all.json.map((e: { resource: string; state: string }) => `${e.resource}:${e.state}`)).toEqual(
      expect.arrayContaining(["1001:online", "1002:online", "1004:offline"]),
    );
    expect((await ari(sim, "GET", "/ari/endpoints/PJSIP")).json).toHaveLength(all.json.length);
    const bad = await ari(sim, "GET", "/ari/endpoints/SIP");
    expect(bad.status).toBe(404);
    expect(bad.json).toEqual({ message: "No Endpoints found - invalid tech SIP" });
  });

  it("the control API reconfigures an endpoint at run time and hangs up an agent's channel as the far end", async () => {
    await sim.control.setEndpoint("1006", "answer after 200ms");
    const id: string = (await originate("PJSIP/1006")).json.id;
    await sub.waitFor((e) => e.type === "StasisStart" && e.channel.id === id, 5000);
    await sim.control.hangup(id);
    const status = await sim.control.waitForCall(id, 5000);
    expect(status).toMatchObject({ done: true, hungUpBy: "farEnd", cause: 16 });
    await sim.control.setEndpoint("1006", { registered: false });
    expect((await originate("PJSIP/1006")).status).toBe(500);
    await sim.control.removeEndpoint("1006");
    expect((await ari(sim, "GET", "/ari/endpoints/PJSIP/1006")).status).toBe(404);
    await expect(sim.control.setEndpoint("1006", "answer sometime")).rejects.toThrow(/400/);
    await expect(sim.control.setEndpoint("1006", "answer", "IAX2")).rejects.toThrow(/400: technology IAX2 is not configured/);
    expect((await sim.control.setEndpoint("1007", "busy", "pjsip")).technology).toBe("PJSIP");
    await sim.control.removeEndpoint("1007");
  });
});

describe("bridges: MOH, announcements, roles (resource_bridges.c, res_stasis.c, bridge_holding.c)", () => {
  it("holding bridge MOH: 204 for any class (unknown falls back to default), no events for the Announcer, 409 to stop twice", async () => {
    const caller = await inboundCaller();
    const b = (await ari(sim, "POST", "/ari/bridges?type=holding&name=queue-a")).json;
    expect(b).toMatchObject({ technology: "holding_bridge", bridge_type: "holding", channels: [] });
    expect((await ari(sim, "POST", `/ari/bridges/${b.id}/addChannel?channel=${caller}&role=participant`)).status).toBe(204);
    const seen = sub.events.length;
    expect((await ari(sim, "POST", `/ari/bridges/${b.id}/moh?mohClass=no-such-class`)).status).toBe(204);
    expect((await sim.control.getCall(caller)).hearsMoh).toBe("default");
    expect((await ari(sim, "POST", `/ari/bridges/${b.id}/moh?mohClass=queue-vip`)).status).toBe(204);
    expect((await sim.control.getCall(caller)).hearsMoh).toBe("queue-vip");
    expect((await ari(sim, "GET", `/ari/bridges/${b.id}`)).json.channels).toEqual([caller]);
    await sleep(20);
    expect(sub.events.slice(seen)).toEqual([]);
    expect((await ari(sim, "DELETE", `/ari/bridges/${b.id}/moh`)).status).toBe(204);
    expect((await sim.control.getCall(caller)).hearsMoh).toBeNull();
    const again = await ari(sim, "DELETE", `/ari/bridges/${b.id}/moh`);
    expect(again.status).toBe(409);
    expect(again.json).toEqual({ message: "Bridge isn't playing music" });
    const none = await ari(sim, "POST", "/ari/bridges/nope/moh");
    expect(none.status).toBe(404);
    expect(none.json).toEqual({ message: "Bridge not found" });
    await ari(sim, "DELETE", `/ari/channels/${caller}`);
    await ari(sim, "DELETE", `/ari/bridges/${b.id}`);
  });

  it("the last channel leaving takes the MOH with it (the Announcer is lonely)", async () => {
    const caller = await inboundCaller();
    const b = (await ari(sim, "POST", "/ari/bridges?type=holding")).json;
    await ari(sim, "POST", `/ari/bridges/${b.id}/addChannel?channel=${caller}`);
    await ari(sim, "POST", `/ari/bridges/${b.id}/moh`);
    await ari(sim, "POST", `/ari/bridges/${b.id}/removeChannel?channel=${caller}`);
    expect((await ari(sim, "DELETE", `/ari/bridges/${b.id}/moh`)).status).toBe(409);
    await ari(sim, "DELETE", `/ari/channels/${caller}`);
    await ari(sim, "DELETE", `/ari/bridges/${b.id}`);
  });

  it("bridge announcements: 201 queued, target bridge:<id>, events to the bridge's app, strictly one after another, stoppable", async () => {
    const caller = await inboundCaller();
    const b = (await ari(sim, "POST", "/ari/bridges?type=holding")).json;
    await ari(sim, "POST", `/ari/bridges/${b.id}/addChannel?channel=${caller}`);
    const first = await ari(sim, "POST", `/ari/bridges/${b.id}/play?media=sound:tt-weasels`);
    expect(first.status).toBe(201);
    expect(first.headers.get("location")).toBe(`/ari/playbacks/${first.json.id}`);
    expect(first.json).toMatchObject({ media_uri: "sound:tt-weasels", target_uri: `bridge:${b.id}`, state: "queued", language: "en" });
    const second = await ari(sim, "POST", `/ari/bridges/${b.id}/play/pos-3?media=sound:beep`);
    expect(second.json).toMatchObject({ id: "pos-3", state: "queued" });
    const secondStarted = await sub.waitFor((e) => e.type === "PlaybackStarted" && e.playback.id === "pos-3", 5000);
    const firstFinished = sub.events.find((e) => e.type === "PlaybackFinished" && e.playback.id === first.json.id);
    expect(firstFinished?.playback).toMatchObject({ state: "done", target_uri: `bridge:${b.id}` });
    expect(sub.events.indexOf(firstFinished!)).toBeLessThan(sub.events.indexOf(secondStarted));
    expect(secondStarted.application).toBe("cc-flows");
    await sub.waitFor((e) => e.type === "PlaybackFinished" && e.playback.id === "pos-3", 5000);
    // tt-weasels is 2.96 s: the second prompt started after it.
    const log = await sim.control.log({ kind: "playbackStarted" });
    const t1 = log.find((e) => e.playbackId === first.json.id)!.t;
    const t2 = log.find((e) => e.playbackId === "pos-3")!.t;
    expect((t2 - t1) / SCALE).toBeGreaterThanOrEqual(2900);

    const long = await ari(sim, "POST", `/ari/bridges/${b.id}/play?media=sound:tt-monkeys`);
    await sub.waitFor((e) => e.type === "PlaybackStarted" && e.playback.id === long.json.id);
    expect((await ari(sim, "DELETE", `/ari/playbacks/${long.json.id}`)).status).toBe(204);
    const stopped = await sub.waitFor((e) => e.type === "PlaybackFinished" && e.playback.id === long.json.id);
    expect(stopped.playback.state).toBe("done");
    expect((await ari(sim, "GET", `/ari/playbacks/${long.json.id}`)).status).toBe(404);
    expect((await ari(sim, "GET", `/ari/bridges/${b.id}`)).json.channels).toEqual([caller]);

    const empty = await ari(sim, "POST", `/ari/bridges/${b.id}/play?media=`);
    expect(empty.status).toBe(500);
    expect(empty.json).toEqual({ error: "Allocation failed" });
    expect((await ari(sim, "POST", "/ari/bridges/nope/play?media=sound:beep")).status).toBe(404);
    await ari(sim, "DELETE", `/ari/channels/${caller}`);
    await ari(sim, "DELETE", `/ari/bridges/${b.id}`);
  });

  it("a holding bridge has one announcer: an announcement while MOH plays fails at once; after MOH stops it plays", async () => {
    const caller = await inboundCaller();
    const b = (await ari(sim, "POST", "/ari/bridges?type=holding")).json;
    await ari(sim, "POST", `/ari/bridges/${b.id}/addChannel?channel=${caller}`);
    await ari(sim, "POST", `/ari/bridges/${b.id}/moh`);
    const refused = await ari(sim, "POST", `/ari/bridges/${b.id}/play?media=sound:beep`);
    expect(refused.status).toBe(201);
    const end = await sub.waitFor((e) => e.type === "PlaybackFinished" && e.playback.id === refused.json.id);
    expect(end.playback.state).toBe("failed");
    expect((await sim.control.getCall(caller)).hearsMoh).toBe("default");
    await ari(sim, "DELETE", `/ari/bridges/${b.id}/moh`);
    const ok = await ari(sim, "POST", `/ari/bridges/${b.id}/play?media=sound:beep`);
    expect((await sub.waitFor((e) => e.type === "PlaybackFinished" && e.playback.id === ok.json.id, 5000)).playback.state).toBe("done");
    // The Announcer left when its queue ran dry, so MOH can start again.
    await ari(sim, "POST", `/ari/bridges/${b.id}/moh`);
    expect((await sim.control.getCall(caller)).hearsMoh).toBe("default");
    await ari(sim, "DELETE", `/ari/channels/${caller}`);
    await ari(sim, "DELETE", `/ari/bridges/${b.id}`);
  });

  it("a channel hanging up leaves the bridge; its peer stays bridged and up until the app hangs it up", async () => {
    const caller = await inboundCaller();
    const agent: string = (await originate("PJSIP/1001")).json.id;
    await sub.waitFor((e) => e.type === "StasisStart" && e.channel.id === agent, 5000);
    const b = (await ari(sim, "POST", "/ari/bridges?type=mixing")).json;
    await ari(sim, "POST", `/ari/bridges/${b.id}/addChannel?channel=${caller},${agent}`);
    await sim.control.hangup(agent);
    const left = await sub.waitFor((e) => e.type === "ChannelLeftBridge" && e.channel.id === agent);
    expect(left.bridge.channels).toEqual([caller]);
    await sleep(50);
    expect((await ari(sim, "GET", `/ari/channels/${caller}`)).json.state).toBe("Up");
    expect((await ari(sim, "GET", `/ari/bridges/${b.id}`)).json.channels).toEqual([caller]);
    expect(sub.events.some((e) => e.type === "ChannelHangupRequest" && e.channel.id === caller)).toBe(false);
    await ari(sim, "DELETE", `/ari/channels/${caller}`);
    expect((await ari(sim, "GET", `/ari/bridges/${b.id}`)).json.channels).toEqual([]);
    await ari(sim, "DELETE", `/ari/bridges/${b.id}`);
  });

  it("roles: an announcer in a holding bridge hears no MOH, participants do; leaving clears the role", async () => {
    const a = await inboundCaller();
    const p = await inboundCaller();
    const b = (await ari(sim, "POST", "/ari/bridges?type=holding")).json;
    await ari(sim, "POST", `/ari/bridges/${b.id}/addChannel?channel=${p}`);
    await ari(sim, "POST", `/ari/bridges/${b.id}/addChannel?channel=${a}&role=announcer`);
    await ari(sim, "POST", `/ari/bridges/${b.id}/moh`);
    // bridge_holding.c: one announcer only, so the MOH Announcer is refused.
    expect((await sim.control.getCall(p)).hearsMoh).toBeNull();
    expect((await ari(sim, "DELETE", `/ari/bridges/${b.id}/moh`)).status).toBe(409);
    await ari(sim, "POST", `/ari/bridges/${b.id}/removeChannel?channel=${a}`);
    await ari(sim, "POST", `/ari/bridges/${b.id}/moh`);
    expect((await sim.control.getCall(p)).hearsMoh).toBe("default");
    const log = await sim.control.log({ kind: "bridgeEnter" });
    expect(log.filter((e) => e.bridgeId === b.id).map((e) => e.role)).toEqual(["holding_participant", "announcer"]);
    await ari(sim, "DELETE", `/ari/channels/${a}`);
    await ari(sim, "DELETE", `/ari/channels/${p}`);
    await ari(sim, "DELETE", `/ari/bridges/${b.id}`);
  });

  it("channel MOH: 204 with the class, 409 while an originated channel still rings (not in Stasis yet)", async () => {
    const caller = await inboundCaller();
    expect((await ari(sim, "POST", `/ari/channels/${caller}/moh?mohClass=queue-vip`)).status).toBe(204);
    expect((await sim.control.getCall(caller)).hearsMoh).toBe("queue-vip");
    expect((await ari(sim, "DELETE", `/ari/channels/${caller}/moh`)).status).toBe(204);
    expect((await sim.control.getCall(caller)).hearsMoh).toBeNull();
    await ari(sim, "DELETE", `/ari/channels/${caller}`);
    const ringing: string = (await originate("PJSIP/1003", "&timeout=60")).json.id;
    await sub.waitFor((e) => e.type === "ChannelStateChange" && e.channel.id === ringing && e.channel.state === "Ringing");
    // Not in Stasis yet: find_control answers 409 before the state check.
    expect((await ari(sim, "POST", `/ari/channels/${ringing}/moh`)).status).toBe(409);
    await ari(sim, "DELETE", `/ari/channels/${ringing}`);
  });

  it("bridge recording: 201 with target bridge:<id>, events to the bridge's app, ends at maxDuration; errors 404/422", async () => {
    const caller = await inboundCaller();
    const b = (await ari(sim, "POST", "/ari/bridges?type=mixing")).json;
    await ari(sim, "POST", `/ari/bridges/${b.id}/addChannel?channel=${caller}`);
    expect((await ari(sim, "POST", `/ari/bridges/nope/record?name=x&format=wav`)).status).toBe(404);
    const badFormat = await ari(sim, "POST", `/ari/bridges/${b.id}/record?name=x&format=mp3`);
    expect(badFormat.status).toBe(422);
    expect(badFormat.json).toEqual({ message: "specified format is unknown on this system" });
    const r = await ari(sim, "POST", `/ari/bridges/${b.id}/record?name=talk-1&format=wav&maxDurationSeconds=2`);
    expect(r.status).toBe(201);
    expect(r.headers.get("location")).toBe("/ari/recordings/live/talk-1");
    expect(r.json).toMatchObject({ name: "talk-1", format: "wav", state: "queued", target_uri: `bridge:${b.id}` });
    const done = await sub.waitFor((e) => e.type === "RecordingFinished" && e.recording.name === "talk-1", 5000);
    expect(done.recording).toMatchObject({ state: "done", duration: 2, target_uri: `bridge:${b.id}` });
    expect(sub.events.some((e) => e.type === "RecordingStarted" && e.recording.name === "talk-1")).toBe(true);
    expect((await ari(sim, "GET", "/ari/recordings/stored/talk-1")).status).toBe(200);
    expect((await ari(sim, "GET", `/ari/bridges/${b.id}`)).json.channels).toEqual([caller]);
    await ari(sim, "DELETE", `/ari/channels/${caller}`);
    await ari(sim, "DELETE", `/ari/bridges/${b.id}`);
  });

  it("the Recorder hears the mix of a mixing bridge but no caller in a holding bridge; it stops when the bridge empties", async () => {
    for (const type of ["mixing", "holding"]) {
      const caller = await inboundCaller();
      const b = (await ari(sim, "POST", `/ari/bridges?type=${type}`)).json;
      await ari(sim, "POST", `/ari/bridges/${b.id}/addChannel?channel=${caller}`);
      const name = `silence-${type}`;
      const ch = sim.sw.channels.get(caller)!;
      // Talking before the recording starts, so no silence timer can win a race with the HTTP answer.
      sim.sw.talk(ch, true);
      await ari(sim, "POST", `/ari/bridges/${b.id}/record?name=${name}&format=wav&maxSilenceSeconds=1&maxDurationSeconds=20`);
      const finished = (e: RawEvent) => e.type === "RecordingFinished" && e.recording.name === name;
      if (type === "mixing") {
        // 2.5 s of talk reach the Recorder, then 1 s of silence ends it.
        await sleep(2500 * SCALE);
        sim.sw.talk(ch, false);
        const done = await sub.waitFor(finished, 5000);
        expect(done.recording.talking_duration).toBeGreaterThanOrEqual(2);
        expect(done.recording.duration).toBeGreaterThanOrEqual(3);
      } else {
        // The caller talks all along, yet the Recorder hears silence and stops on it (not at maxDuration).
        await sub.waitFor(finished, 5000);
        sim.sw.talk(ch, false);
      }
      const stop = (await sim.control.log({ kind: "recordingStop" })).find((e) => e.name === name);
      expect(stop?.reason).toBe("silence");
      await ari(sim, "DELETE", `/ari/channels/${caller}`);
      await ari(sim, "DELETE", `/ari/bridges/${b.id}`);
    }
    const caller = await inboundCaller();
    const b = (await ari(sim, "POST", "/ari/bridges?type=mixing")).json;
    await ari(sim, "POST", `/ari/bridges/${b.id}/addChannel?channel=${caller}`);
    await ari(sim, "POST", `/ari/bridges/${b.id}/record?name=until-empty&format=wav`);
    await sub.waitFor((e) => e.type === "RecordingStarted" && e.recording.name === "until-empty");
    await ari(sim, "POST", `/ari/bridges/${b.id}/removeChannel?channel=${caller}`);
    const done = await sub.waitFor((e) => e.type === "RecordingFinished" && e.recording.name === "until-empty");
    expect(done.recording.state).toBe("done");
    await ari(sim, "DELETE", `/ari/channels/${caller}`);
    await ari(sim, "DELETE", `/ari/bridges/${b.id}`);
  });
});
