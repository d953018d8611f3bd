import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AriHttpError, createAriClient } from "../ari";
import { type AriSimulator, startAriSimulator } from "./server";
import { type RawSubscriber, ari, sleep, subscribe } from "./test-support";

let sim: AriSimulator;
let sub: RawSubscriber;

beforeAll(async () => {
  sim = await startAriSimulator({ timeScale: 0.05, busyNumbers: ["13900000017"] });
  sub = await subscribe(sim);
});
afterAll(async () => {
  await sub.close();
  await sim.close();
});

async function call(): Promise<string> {
  const { callId } = await sim.control.placeCall({ to: "4001", from: "13800000000" });
  await sub.waitFor((e) => e.type === "StasisStart" && e.channel.id === callId);
  return callId;
}

function wsAttempt(url: string): Promise<{ status: number; body: string; headers: Record<string, unknown> } | "open"> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.on("open", () => {
      ws.close();
      resolve("open");
    });
    ws.on("unexpected-response", (_req, res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    ws.on("error", () => undefined);
  });
}

describe("ARI simulator: status codes and error bodies", () => {
  it("unknown channel: 404 Channel not found, raw and through the typed client", async () => {
    const raw = await ari(sim, "GET", "/ari/channels/nope.1");
    expect(raw.status).toBe(404);
    expect(raw.json).toEqual({ message: "Channel not found" });
    expect(raw.headers.get("content-type")).toBe("application/json");
    const client = createAriClient({ url: sim.url, username: "asterisk", password: "asterisk", app: "cc-flows" });
    const err = await client.channels.play("nope.1", "sound:beep").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AriHttpError);
    expect(err).toMatchObject({ status: 404, method: "POST", path: "/channels/nope.1/play", ariMessage: "Channel not found" });
  });

  it("unknown playback: 404 Playback not found", async () => {
    const r = await ari(sim, "DELETE", "/ari/playbacks/does-not-exist");
    expect(r.status).toBe(404);
    expect(r.json).toEqual({ message: "Playback not found" });
  });

  it("play without media: 500 Failed to queue media for playback", async () => {
    const id = await call();
    const r = await ari(sim, "POST", `/ari/channels/${id}/play`);
    expect(r.status).toBe(500);
    expect(r.json).toEqual({ message: "Failed to queue media for playback" });
    await sim.control.hangup(id);
  });

  it("continue: 204 with an immediate StasisEnd, then play gives 409 Channel not in Stasis application", async () => {
    const id = await call();
    const r = await ari(sim, "POST", `/ari/channels/${id}/continue?context=cc-queues&extension=support`);
    expect(r.status).toBe(204);
    expect(r.text).toBe("");
    expect(sub.events.some((e) => e.type === "StasisEnd" && e.channel.id === id)).toBe(true);
    const play = await ari(sim, "POST", `/ari/channels/${id}/play?media=sound:beep`);
    expect(play.status).toBe(409);
    expect(play.json).toEqual({ message: "Channel not in Stasis application" });
    const status = await sim.control.getCall(id);
    expect(status.continuedTo).toEqual({ context: "cc-queues", exten: "support", priority: 1 });
    expect((await ari(sim, "GET", `/ari/channels/${id}`)).json.dialplan).toMatchObject({ context: "cc-queues", exten: "support" });
    await sim.control.hangup(id);
  });

  it("continue without arguments goes to the next priority of the current extension", async () => {
    const id = await call();
    await ari(sim, "POST", `/ari/channels/${id}/continue`);
    expect((await sim.control.getCall(id)).continuedTo).toEqual({ context: "from-trunk", exten: "4001", priority: 2 });
    await sim.control.hangup(id);
  });

  it("originate: unknown technology 500 Allocation failed, missing endpoint 400", async () => {
    const bad = await ari(sim, "POST", "/ari/channels?endpoint=Foo/123&app=cc-flows");
    expect(bad.status).toBe(500);
    expect(bad.json).toEqual({ error: "Allocation failed" });
    const client = createAriClient({ url: sim.url, username: "asterisk", password: "asterisk", app: "cc-flows" });
    const err = (await client.channels.originate({ endpoint: "Foo/1", app: "cc-flows" }).catch((e: unknown) => e)) as AriHttpError;
    expect(err.status).toBe(500);
    expect(err.ariMessage).toBe("Allocation failed");
    const missing = await ari(sim, "POST", "/ari/channels?app=cc-flows");
    expect(missing.status).toBe(400);
    expect(missing.json).toEqual({ message: "Endpoint must be specified" });
  });

  it("bad credentials 401 with WWW-Authenticate; api_key and Basic both authenticate", async () => {
    const r = await ari(sim, "GET", "/ari/channels", { auth: "asterisk:wrong" });
    expect(r.status).toBe(401);
    expect(r.json).toEqual({ message: "Authentication required" });
    expect(r.headers.get("www-authenticate")).toBe('Basic realm="Asterisk REST Interface"');
    expect((await ari(sim, "GET", "/ari/channels", { auth: null })).status).toBe(401);
    expect((await ari(sim, "GET", "/ari/channels?api_key=asterisk:asterisk", { auth: null })).status).toBe(200);
    expect((await ari(sim, "GET", "/ari/channels")).status).toBe(200);
  });

  it("unknown path 404 Resource not found; wrong method 405 Invalid method with Allow; trailing slash 404", async () => {
    const nf = await ari(sim, "GET", "/ari/nothing/here");
    expect(nf.status).toBe(404);
    expect(nf.json).toEqual({ message: "Resource not found" });
    const wm = await ari(sim, "PUT", "/ari/channels");
    expect(wm.status).toBe(405);
    expect(wm.json).toEqual({ message: "Invalid method" });
    expect(wm.headers.get("allow")).toBe("OPTIONS,GET,POST");
    const slash = await ari(sim, "GET", "/ari/channels/");
    expect(slash.status).toBe(404);
    expect(slash.json).toEqual({ message: "ARI URLs do not end with a slash. Try /ari/channels" });
  });

  it("answer: 204 and ChannelStateChange Up; hangup with an invalid reason 400", async () => {
    const id = await call();
    expect((await ari(sim, "POST", `/ari/channels/${id}/answer`)).status).toBe(204);
    const sc = await sub.waitFor((e) => e.type === "ChannelStateChange" && e.channel.id === id);
    expect(sc.channel.state).toBe("Up");
    const bad = await ari(sim, "DELETE", `/ari/channels/${id}?reason=whatever`);
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({ message: "Invalid reason for hangup provided" });
    expect((await ari(sim, "DELETE", `/ari/channels/${id}?reason=busy`)).status).toBe(204);
    const d = await sub.waitFor((e) => e.type === "ChannelDestroyed" && e.channel.id === id);
    expect(d).toMatchObject({ cause: 17, cause_txt: "User busy" });
    // The requests carry ast_softhangup's reason, not the hangup cause: EXPLICIT (32) from the DELETE,
    // then APPUNLOAD (16) when the dialplan that ran Stasis() ends.
    const requests = sub.events.filter((e) => e.type === "ChannelHangupRequest" && e.channel.id === id);
    expect(requests.map((e) => ({ cause: e.cause, soft: e.soft }))).toEqual([
      { cause: 32, soft: true },
      { cause: 16, soft: true },
    ]);
  });
});

describe("ARI simulator: WebSocket", () => {
  it("missing app 400 (HTML, as ast_http_error), bad credentials 401", async () => {
    const noApp = await wsAttempt(`ws://127.0.0.1:${sim.port}/ari/events?api_key=asterisk:asterisk`);
    expect(noApp).not.toBe("open");
    if (noApp === "open") return;
    expect(noApp.status).toBe(400);
    expect(noApp.body).toContain("<p>Missing param 'app'</p>");
    const badAuth = await wsAttempt(`ws://127.0.0.1:${sim.port}/ari/events?app=x&api_key=asterisk:nope`);
    expect(badAuth).not.toBe("open");
    if (badAuth === "open") return;
    expect(badAuth.status).toBe(401);
    expect(JSON.parse(badAuth.body)).toEqual({ message: "Authentication required" });
  });

  it("the typed client's connect() rejects with AriHttpError 401 on bad credentials", async () => {
    const client = createAriClient({ url: sim.url, username: "asterisk", password: "bad", app: "x1" });
    const err = await client.events.connect().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AriHttpError);
    expect((err as AriHttpError).status).toBe(401);
  });

  it("a second connection for the same app sends ApplicationReplaced to the first and takes its events", async () => {
    const first = await subscribe(sim, "replaced-app");
    const second = await subscribe(sim, "replaced-app");
    const rep = await first.waitFor((e) => e.type === "ApplicationReplaced");
    expect(Object.keys(rep)).toEqual(["type", "timestamp", "application", "asterisk_id"]);
    expect(rep.application).toBe("replaced-app");
    const { callId } = await sim.control.placeCall({ to: "5000", from: "1", app: "replaced-app" });
    await second.waitFor((e) => e.type === "StasisStart" && e.channel.id === callId);
    expect(first.events.some((e) => e.type === "StasisStart")).toBe(false);
    await sim.control.hangup(callId);
    await first.close();
    await second.close();
  });

  it("channels stay in Stasis when the socket drops; events meanwhile are dropped; the next connection gets new events", async () => {
    const a = await subscribe(sim, "drop-app");
    const { callId } = await sim.control.placeCall({ to: "5001", from: "2", app: "drop-app" });
    await a.waitFor((e) => e.type === "StasisStart");
    await a.close();
    await sleep(20);
    const list = await ari(sim, "GET", "/ari/channels");
    expect(list.json.map((c: { id: string }) => c.id)).toContain(callId);
    const pb = await ari(sim, "POST", `/ari/channels/${callId}/play?media=sound:beep`);
    expect(pb.status).toBe(201);
    await sleep(40);
    const b = await subscribe(sim, "drop-app");
    await ari(sim, "POST", `/ari/channels/${callId}/play?media=sound:hello-world&playbackId=after-reconnect`);
    await b.waitFor((e) => e.type === "PlaybackStarted" && e.playback.id === "after-reconnect");
    expect(b.events.some((e) => e.playback?.id === pb.json.id)).toBe(false);
    await sim.control.hangup(callId);
    await b.close();
  });
});

describe("ARI simulator: originate", () => {
  it("answers 200 with the channel Down, then Dial, Ringing, Up, StasisStart with appArgs", async () => {
    const r = await ari(sim, "POST", "/ari/channels?endpoint=PJSIP/13700000000@trunk&app=cc-flows&appArgs=dialed,x&callerId=Agent%20%3C4000%3E");
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ state: "Down", name: expect.stringMatching(/^PJSIP\/trunk-[0-9a-f]{8}$/), caller: { name: "Agent", number: "4000" } });
    const id = r.json.id as string;
    const start = await sub.waitFor((e) => e.type === "StasisStart" && e.channel.id === id);
    expect(start.args).toEqual(["dialed", "x"]);
    expect(start.channel).toMatchObject({ state: "Up", dialplan: { app_name: "Stasis", app_data: "cc-flows,dialed,x" } });
    const seq = sub.events
      .filter((e) => e.channel?.id === id || e.peer?.id === id)
      .map((e) => (e.type === "Dial" ? `Dial:${e.dialstatus}` : e.type === "ChannelStateChange" ? `State:${e.channel.state}` : e.type));
    expect(seq).toEqual(["Dial:", "State:Ringing", "Dial:RINGING", "State:Up", "Dial:ANSWER", "ChannelVarset", "StasisStart"]);
    expect(sub.events.find((e) => e.type === "Dial" && e.peer.id === id)!.dialstring).toBe("13700000000@trunk");
    await ari(sim, "DELETE", `/ari/channels/${id}`);
  });

  it("play on an originated channel before it answers: 409, it is not in Stasis yet", async () => {
    const r = await ari(sim, "POST", "/ari/channels?endpoint=PJSIP/1001&app=cc-flows");
    const id = r.json.id as string;
    const p = await ari(sim, "POST", `/ari/channels/${id}/play?media=sound:beep`);
    expect(p.status).toBe(409);
    expect(p.json).toEqual({ message: "Channel not in Stasis application" });
    await ari(sim, "DELETE", `/ari/channels/${id}`);
  });

  it("busy far end: Dial BUSY and ChannelDestroyed cause 17 User busy", async () => {
    const r = await ari(sim, "POST", "/ari/channels?endpoint=PJSIP/13900000017@trunk&app=cc-flows");
    const id = r.json.id as string;
    const d = await sub.waitFor((e) => e.type === "ChannelDestroyed" && e.channel.id === id);
    expect(d).toMatchObject({ cause: 17, cause_txt: "User busy" });
    expect(sub.events.some((e) => e.type === "Dial" && e.peer.id === id && e.dialstatus === "BUSY")).toBe(true);
    expect(sub.events.some((e) => e.type === "StasisStart" && e.channel.id === id)).toBe(false);
  });

  it("an originate to an app nobody is subscribed to answers 200, and the channel hangs up without StasisStart", async () => {
    const r = await ari(sim, "POST", "/ari/channels?endpoint=PJSIP/1002&app=nobody-here");
    expect(r.status).toBe(200);
    const id = r.json.id as string;
    for (let i = 0; i < 100 && (await ari(sim, "GET", `/ari/channels/${id}`)).status === 200; i++) await sleep(10);
    expect((await ari(sim, "GET", `/ari/channels/${id}`)).status).toBe(404);
    expect(sub.events.some((e) => e.channel?.id === id || e.peer?.id === id)).toBe(false);
    const log = await sim.control.log({ channelId: id });
    expect(log.map((e) => e.kind)).toContain("stasisFailed");
  });
});
