import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AriSimulator, startAriSimulator } from "../ari-simulator/server";
import { type AriClient, createAriClient } from "./client";
import { type AriEventMap, type KnownAriEvent, isKnownEvent } from "./events";

/**
 * A whole agent connection done by hand through our ARI client against the simulator, the way the queue
 * runtime will drive it: caller waits in a holding bridge with MOH and an announcement, the agent's
 * endpoint is originated, both talk in a mixing bridge, the agent hangs up and the app ends the caller.
 */
let sim: AriSimulator;
let ari: AriClient;
const seen: Array<{ type: string; channel?: string; bridge?: string }> = [];

beforeAll(async () => {
  sim = await startAriSimulator({
    timeScale: 0.1,
    openEndpoints: false,
    endpoints: {
      "1001": "answer after 2s; talk 3s",
      "1002": "busy",
      "1003": "no answer",
      "1004": "unregistered",
      "1005": "decline after 1s",
    },
  });
  ari = createAriClient({ url: sim.url, username: "asterisk", password: "asterisk", app: "cc-flows" });
  ari.events.onAny((e) => {
    if (!isKnownEvent(e)) return;
    seen.push({ type: e.type, channel: channelOf(e), bridge: "bridge" in e ? e.bridge.id : undefined });
  });
  await ari.events.connect();
});
afterAll(async () => {
  await ari.events.close();
  await sim.close();
});

function channelOf(e: KnownAriEvent): string | undefined {
  if (e.type === "Dial") return e.peer.id;
  return "channel" in e ? e.channel?.id : undefined;
}

function next<K extends keyof AriEventMap>(type: K, pred: (e: AriEventMap[K]) => boolean, timeoutMs = 15_000): Promise<AriEventMap[K]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no ${type} within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = ari.events.on(type, (e) => {
      if (!pred(e)) return;
      clearTimeout(timer);
      off();
      resolve(e);
    });
  });
}

async function waitingCaller(): Promise<{ caller: string; holding: string }> {
  const started = next("StasisStart", (e) => e.args[0] === "4001");
  await sim.control.placeCall({ to: "4001", from: "13800000000" });
  const caller = (await started).channel.id;
  await ari.channels.answer(caller);
  const holding = await ari.bridges.create({ type: "holding", name: "queue-after-sales" });
  await ari.bridges.addChannel(holding.id, caller, { role: "participant" });
  await ari.bridges.startMoh(holding.id, "default");
  expect((await sim.control.getCall(caller)).hearsMoh).toBe("default");
  return { caller, holding: holding.id };
}

async function endCaller(caller: string, holding: string): Promise<void> {
  await ari.channels.hangup(caller);
  await ari.bridges.destroy(holding);
}

describe("agent connection through the ARI client (simulator)", () => {
  it("caller on hold with an announcement, agent answers, both bridged, agent hangs up, app hangs up the caller", async () => {
    const { caller, holding } = await waitingCaller();

    // An announcement: a holding bridge has one announcer, so MOH pauses for it.
    await ari.bridges.stopMoh(holding);
    const announced = next("PlaybackFinished", (e) => e.playback.id === "comfort-1");
    const pb = await ari.bridges.play(holding, "sound:queue-callswaiting", { playbackId: "comfort-1" });
    expect(pb.target_uri).toBe(`bridge:${holding}`);
    expect((await announced).playback.state).toBe("done");
    await ari.bridges.startMoh(holding);

    // A match: ring the agent's endpoint straight into the app.
    const agentUp = next("StasisStart", (e) => e.args[0] === "agent");
    const agent = await ari.channels.originate({ endpoint: "PJSIP/1001", app: "cc-flows", appArgs: `agent,${caller}`, timeout: 20, callerId: "13800000000" });
    expect(agent.state).toBe("Down");
    const start = await agentUp;
    expect(start.channel.id).toBe(agent.id);
    expect(start.args).toEqual(["agent", caller]);
    expect(start.channel.state).toBe("Up");

    const talk = await ari.bridges.create({ type: "mixing", name: "talk" });
    await ari.bridges.removeChannel(holding, caller);
    await ari.bridges.addChannel(talk.id, [caller, agent.id]);
    expect((await ari.bridges.get(talk.id)).channels.sort()).toEqual([caller, agent.id].sort());
    // The holding bridge emptied: its MOH went with its last channel.
    await expect(ari.bridges.stopMoh(holding)).rejects.toMatchObject({ status: 409 });
    expect((await sim.control.getCall(caller)).hearsMoh).toBeNull();

    // The agent ends the call after 3 s of talk; nothing happens to the caller until the app acts.
    const agentGone = await next("ChannelDestroyed", (e) => e.channel.id === agent.id);
    expect(agentGone.cause).toBe(16);
    expect((await ari.bridges.get(talk.id)).channels).toEqual([caller]);
    expect((await ari.channels.get(caller)).state).toBe("Up");
    const callerGone = next("ChannelDestroyed", (e) => e.channel.id === caller);
    await ari.channels.hangup(caller);
    expect((await callerGone).cause).toBe(16);
    await ari.bridges.destroy(talk.id);
    await ari.bridges.destroy(holding);

    const order = seen.filter((e) => e.channel === agent.id).map((e) => e.type);
    expect(order.slice(0, 5)).toEqual(["Dial", "ChannelStateChange", "Dial", "ChannelStateChange", "Dial"]);
    expect(order).toEqual(expect.arrayContaining(["ChannelEnteredBridge", "ChannelHangupRequest", "ChannelLeftBridge", "StasisEnd", "ChannelDestroyed"]));
    expect(seen.some((e) => e.type === "BridgeDestroyed" && e.bridge === talk.id)).toBe(true);
    const status = await sim.control.getCall(caller);
    expect(status).toMatchObject({ done: true, hungUpBy: "app" });
  });

  it("busy agent: Dial BUSY, cause 17; the caller keeps waiting with MOH", async () => {
    const { caller, holding } = await waitingCaller();
    const busy = next("Dial", (e) => e.dialstatus === "BUSY");
    const ch = await ari.channels.originate({ endpoint: "PJSIP/1002", app: "cc-flows", appArgs: "agent" });
    const gone = next("ChannelDestroyed", (e) => e.channel.id === ch.id);
    expect((await busy).peer.id).toBe(ch.id);
    expect(await gone).toMatchObject({ cause: 17, cause_txt: "User busy" });
    expect((await sim.control.getCall(caller)).hearsMoh).toBe("default");
    await endCaller(caller, holding);
  });

  it("agent does not answer: rings until the originate timeout, cause 19", async () => {
    const { caller, holding } = await waitingCaller();
    const ch = await ari.channels.originate({ endpoint: "PJSIP/1003", app: "cc-flows", appArgs: "agent", timeout: 2 });
    await next("ChannelStateChange", (e) => e.channel.id === ch.id && e.channel.state === "Ringing");
    const gone = await next("ChannelDestroyed", (e) => e.channel.id === ch.id);
    expect(gone).toMatchObject({ cause: 19, cause_txt: "User alerting, no answer" });
    expect(seen.some((e) => e.type === "StasisStart" && e.channel === ch.id)).toBe(false);
    expect((await sim.control.getCall(caller)).inStasis).toBe(true);
    await endCaller(caller, holding);
  });

  it("unregistered agent: the originate itself fails (500), no channel; the endpoint reads offline", async () => {
    const { caller, holding } = await waitingCaller();
    const before = (await ari.channels.list()).length;
    await expect(ari.channels.originate({ endpoint: "PJSIP/1004", app: "cc-flows" })).rejects.toMatchObject({
      status: 500,
      ariMessage: "Allocation failed",
    });
    expect((await ari.channels.list()).length).toBe(before);
    expect((await ari.endpoints.get("PJSIP", "1004")).state).toBe("offline");
    await endCaller(caller, holding);
  });

  it("agent declines: cause 21 Call Rejected, the caller keeps waiting", async () => {
    const { caller, holding } = await waitingCaller();
    const ch = await ari.channels.originate({ endpoint: "PJSIP/1005", app: "cc-flows", appArgs: "agent" });
    const gone = await next("ChannelDestroyed", (e) => e.channel.id === ch.id);
    expect(gone).toMatchObject({ cause: 21, cause_txt: "Call Rejected" });
    expect((await sim.control.getCall(caller)).hearsMoh).toBe("default");
    await endCaller(caller, holding);
  });

  it("caller hangs up while the agent rings: the app withdraws the offer, nothing is left", async () => {
    const { caller, holding } = await waitingCaller();
    const ringing = next("ChannelStateChange", (e) => e.channel.state === "Ringing");
    const agent = await ari.channels.originate({ endpoint: "PJSIP/1003", app: "cc-flows", appArgs: "agent", timeout: 30 });
    expect((await ringing).channel.id).toBe(agent.id);
    const callerGone = next("ChannelDestroyed", (e) => e.channel.id === caller);
    await sim.control.hangup(caller);
    expect((await callerGone).cause).toBe(16);
    const withdrawn = next("Dial", (e) => e.peer.id === agent.id && e.dialstatus === "NOANSWER");
    await ari.channels.hangup(agent.id);
    await withdrawn;
    await ari.bridges.destroy(holding);
    expect((await ari.channels.list()).map((c) => c.id)).not.toContain(agent.id);
    expect(await ari.bridges.list()).toEqual([]);
  });
});
