import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AriSimulator, startAriSimulator } from "../ari-simulator/server";
import { createAriClient } from "./client";
import type { ConnectionEvent } from "./events";
import { eventsUrl } from "./event-stream";
import { isKnownEvent, parseAriEvent } from "./events";

describe("ARI event parsing", () => {
  it("parses known events into typed objects", () => {
    const e = parseAriEvent(
      JSON.stringify({
        digit: "5",
        duration_ms: 120,
        type: "ChannelDtmfReceived",
        timestamp: "2026-11-21T05:37:00.000+0000",
        channel: {
          id: "1763700000.12",
          name: "PJSIP/13800000000-00000001",
          state: "Up",
          protocol_id: "abc",
          caller: { name: "", number: "13800000000" },
          connected: { name: "", number: "" },
          accountcode: "",
          dialplan: { context: "from-trunk", exten: "4001", priority: 1, app_name: "Stasis", app_data: "cc-flows,4001" },
          creationtime: "2026-11-21T05:37:00.000+0000",
          language: "en",
        },
        asterisk_id: "52:54:00:a1:b2:c3",
        application: "cc-flows",
      }),
    );
    expect(isKnownEvent(e)).toBe(true);
    if (e.type !== "ChannelDtmfReceived" || !isKnownEvent(e)) throw new Error("wrong type");
    expect(e.digit).toBe("5");
    expect(e.duration_ms).toBe(120);
    expect(e.channel.dialplan.exten).toBe("4001");
  });

  it("passes unknown types and malformed payloads through without throwing", () => {
    const unknown = parseAriEvent('{"type":"PeerStatusChange","application":"cc-flows","peer":{}}');
    expect(unknown).toMatchObject({ type: "PeerStatusChange", unknown: true, application: "cc-flows" });
    const bad = parseAriEvent('{"type":"StasisStart","application":"cc-flows","args":"not-an-array"}');
    expect(bad).toMatchObject({ type: "StasisStart", unknown: true });
    expect("parseError" in bad && bad.parseError).toBeTruthy();
    expect(parseAriEvent("{not json")).toMatchObject({ type: "InvalidJson", unknown: true });
  });

  it("builds the events URL with app, api_key and subscribeAll=false", () => {
    const u = new URL(eventsUrl({ url: "http://127.0.0.1:8088/", username: "u", password: "p", app: "cc-flows" }));
    expect(u.protocol).toBe("ws:");
    expect(u.pathname).toBe("/ari/events");
    expect(Object.fromEntries(u.searchParams)).toEqual({ app: "cc-flows", api_key: "u:p", subscribeAll: "false" });
  });
});

describe("ARI client against the simulator", () => {
  let sim: AriSimulator;
  beforeAll(async () => {
    sim = await startAriSimulator({ timeScale: 0.05 });
  });
  afterAll(async () => {
    await sim.close();
  });

  it("reconnects after the socket drops, reports it, and the channel is still there to reconcile", async () => {
    const client = createAriClient({
      url: sim.url,
      username: "asterisk",
      password: "asterisk",
      app: "cc-flows",
      reconnect: { initialDelayMs: 20, maxDelayMs: 100 },
    });
    const lifecycle: ConnectionEvent[] = [];
    client.events.on("connection", (e) => lifecycle.push(e));
    const starts: string[] = [];
    client.events.on("StasisStart", (e) => starts.push(e.channel.id));
    await client.events.connect();
    expect(client.events.connected).toBe(true);
    const { callId } = await sim.control.placeCall({ to: "4001", from: "13800000000" });
    await expect.poll(() => starts).toContain(callId);

    sim.sw.apps.closeAll();
    await expect.poll(() => lifecycle.map((e) => `${e.state}:${e.reconnected}`), { timeout: 3000 }).toEqual([
      "connected:false",
      "disconnected:false",
      "connected:true",
    ]);
    const channels = await client.listChannels();
    expect(channels.map((c) => c.id)).toContain(callId);

    const started: string[] = [];
    client.events.on("PlaybackStarted", (e) => started.push(e.playback.id));
    const pb = await client.channels.play(callId, "sound:hello-world", { playbackId: "after-reconnect" });
    expect(pb.state).toBe("queued");
    await expect.poll(() => started).toContain("after-reconnect");
    await client.channels.hangup(callId);
    await client.events.close();
    expect(client.events.connected).toBe(false);
  });

  it("stops on ApplicationReplaced instead of fighting for the app", async () => {
    const a = createAriClient({ url: sim.url, username: "asterisk", password: "asterisk", app: "shared", reconnect: { initialDelayMs: 10 } });
    const b = createAriClient({ url: sim.url, username: "asterisk", password: "asterisk", app: "shared" });
    const states: string[] = [];
    a.events.on("connection", (e) => states.push(e.state));
    const seen: string[] = [];
    a.events.onAny((e) => seen.push(e.type));
    await a.events.connect();
    await b.events.connect();
    await expect.poll(() => states).toEqual(["connected", "replaced"]);
    expect(seen).toContain("ApplicationReplaced");
    await new Promise((r) => setTimeout(r, 100));
    expect(states).toEqual(["connected", "replaced"]);
    expect(a.events.connected).toBe(false);
    expect(b.events.connected).toBe(true);
    await b.events.close();
  });

  it("typed REST calls: get, variables, asterisk info", async () => {
    const client = createAriClient({ url: sim.url, username: "asterisk", password: "asterisk", app: "cc-flows2" });
    await client.events.connect();
    const { callId } = await sim.control.placeCall({ to: "4002", from: "13800000001", app: "cc-flows2" });
    const ch = await client.channels.get(callId);
    expect(ch).toMatchObject({ id: callId, state: "Ring", caller: { number: "13800000001" } });
    await client.channels.setVariable(callId, "FLOW_ID", "f-1");
    expect(await client.channels.getVariable(callId, "FLOW_ID")).toBe("f-1");
    expect(await client.channels.getVariable(callId, "CALLERID(num)")).toBe("13800000001");
    const err = await client.channels.getVariable(callId, "NOPE").catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 404, ariMessage: "Provided variable was not found" });
    expect((await client.asteriskInfo()).system).toEqual({ version: "22.10.0", entity_id: "52:54:00:a1:b2:c3" });
    await client.channels.hangup(callId, "normal");
    await expect(client.channels.get(callId)).rejects.toMatchObject({ status: 404 });
    await client.events.close();
  });
});
