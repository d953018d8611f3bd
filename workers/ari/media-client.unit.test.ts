import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AriSimulator, startAriSimulator } from "../ari-simulator/server";
import { type AriClient, createAriClient } from "./client";
import { AriHttpError } from "./errors";
import { parseAriEvent } from "./events";
import { EndpointSchema } from "./models";

let sim: AriSimulator;
let client: AriClient;

beforeAll(async () => {
  sim = await startAriSimulator({
    timeScale: 0.05,
    openEndpoints: false,
    endpoints: { "1001": "answer after 500ms", "1004": "unregistered" },
  });
  client = createAriClient({ url: sim.url, username: "asterisk", password: "asterisk", app: "cc-flows" });
  await client.events.connect();
});
afterAll(async () => {
  await client.events.close();
  await sim.close();
});

async function callerInStasis(): Promise<string> {
  const started = new Promise<string>((resolve) => {
    const off = client.events.on("StasisStart", (e) => {
      off();
      resolve(e.channel.id);
    });
  });
  await sim.control.placeCall({ to: "4001", from: "13800000000" });
  return started;
}

describe("endpoint model", () => {
  it("validates an endpoint and names the field that is wrong", () => {
    expect(EndpointSchema.parse({ technology: "PJSIP", resource: "1001", state: "online", channel_ids: [] }).state).toBe("online");
    const bad = EndpointSchema.safeParse({ technology: "PJSIP", resource: "1001", state: "sleeping", channel_ids: [] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["state"]);
  });

  it("types the bridge lifecycle events", () => {
    const bridge = { id: "b1", technology: "holding_bridge", bridge_type: "holding", bridge_class: "stasis", creator: "Stasis", name: "", channels: [] };
    const e = parseAriEvent(JSON.stringify({ type: "BridgeDestroyed", application: "cc-flows", bridge }));
    expect(e).toMatchObject({ type: "BridgeDestroyed", bridge: { id: "b1" } });
    expect("unknown" in e).toBe(false);
  });
});

describe("ARI client: endpoints, bridge MOH and announcements", () => {
  it("lists and reads endpoints; a missing one is a 404 AriHttpError", async () => {
    const all = await client.endpoints.list();
    expect(all.map((e) => `${e.resource}:${e.state}`).sort()).toEqual(["1001:online", "1004:offline"]);
    expect(await client.endpoints.listByTech("PJSIP")).toHaveLength(2);
    expect(await client.endpoints.get("PJSIP", "1001")).toEqual({ technology: "PJSIP", resource: "1001", state: "online", channel_ids: [] });
    const err = await client.endpoints.get("PJSIP", "9999").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AriHttpError);
    expect(err).toMatchObject({ status: 404, ariMessage: "Endpoint not found" });
  });

  it("originate to an unregistered endpoint rejects with 500 Allocation failed", async () => {
    const err = await client.channels.originate({ endpoint: "PJSIP/1004", app: "cc-flows" }).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 500, ariMessage: "Allocation failed" });
  });

  it("starts and stops bridge MOH; stopping twice is a conflict", async () => {
    const caller = await callerInStasis();
    const bridge = await client.bridges.create({ type: "holding", name: "wait" });
    await client.bridges.addChannel(bridge.id, caller, { role: "participant" });
    await client.bridges.startMoh(bridge.id, "default");
    expect((await sim.control.getCall(caller)).hearsMoh).toBe("default");
    await client.bridges.stopMoh(bridge.id);
    const err = await client.bridges.stopMoh(bridge.id).catch((e: unknown) => e);
    expect(err instanceof AriHttpError && err.isConflict).toBe(true);
    await client.channels.hangup(caller);
    await client.bridges.destroy(bridge.id);
  });

  it("plays an announcement to a bridge with an id; the typed events carry target bridge:<id>", async () => {
    const caller = await callerInStasis();
    const bridge = await client.bridges.create({ type: "holding" });
    await client.bridges.addChannel(bridge.id, caller);
    const finished = new Promise<string>((resolve) => {
      client.events.on("PlaybackFinished", (e) => {
        if (e.playback.id === "pos-1") resolve(`${e.playback.state}:${e.playback.target_uri}`);
      });
    });
    const pb = await client.bridges.play(bridge.id, ["sound:queue-callswaiting", "digits:3"], { playbackId: "pos-1" });
    expect(pb).toMatchObject({ id: "pos-1", state: "queued", target_uri: `bridge:${bridge.id}`, next_media_uri: "digits:3" });
    expect(await finished).toBe(`done:bridge:${bridge.id}`);
    await client.channels.hangup(caller);
    await client.bridges.destroy(bridge.id);
  });

  it("records a bridge: the live recording targets the bridge and finishes", async () => {
    const caller = await callerInStasis();
    const bridge = await client.bridges.create({ type: "mixing" });
    await client.bridges.addChannel(bridge.id, caller);
    const finished = new Promise<number | undefined>((resolve) => {
      client.events.on("RecordingFinished", (e) => {
        if (e.recording.name === "call-rec") resolve(e.recording.duration);
      });
    });
    const rec = await client.bridges.record(bridge.id, { name: "call-rec", format: "wav", maxDurationSeconds: 1 });
    expect(rec).toMatchObject({ name: "call-rec", state: "queued", target_uri: `bridge:${bridge.id}` });
    expect(await finished).toBe(1);
    expect((await client.recordings.getStored("call-rec")).format).toBe("wav");
    await client.channels.hangup(caller);
    await client.bridges.destroy(bridge.id);
  });

  it("reads an originated agent channel on its endpoint while it rings", async () => {
    const ch = await client.channels.originate({ endpoint: "PJSIP/1001", app: "cc-flows", appArgs: "agent", timeout: 20 });
    expect((await client.endpoints.get("PJSIP", "1001")).channel_ids).toEqual([ch.id]);
    await client.channels.hangup(ch.id);
    expect((await client.endpoints.get("PJSIP", "1001")).channel_ids).toEqual([]);
  });
});
