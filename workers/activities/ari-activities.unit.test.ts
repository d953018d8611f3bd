import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAriClient } from "../ari";
import { startAriSimulator, type AriSimulator } from "../ari-simulator";
import { subscribe, type RawSubscriber } from "../ari-simulator/test-support";
import { createAriActivities, type AriActivities, type OriginateLegInput, type StartRecordingInput } from "./ari-activities";

/**
 * After a worker crash a local activity runs again (its result was never recorded). Each command
 * must then leave the call as one run would have: no second answer, no prompt heard twice, no
 * recording started over, no "caller gone" for a channel we already sent to the dialplan.
 */
describe("ARI activities run twice (re-execution after a crash)", () => {
  let sim: AriSimulator;
  let sub: RawSubscriber;
  let activities: AriActivities;

  beforeAll(async () => {
    sim = await startAriSimulator({ port: 0, timeScale: 1 });
    sub = await subscribe(sim);
    activities = createAriActivities(new Map([["default", { ari: createAriClient({ url: sim.url, username: "asterisk", password: "asterisk", app: "cc-flows" }), outboundTrunk: "trunk" }]]), {
      app: "cc-flows",
    });
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
  const logOf = (channelId: string, kind: string) => sim.control.log({ channelId, kind });

  it("answers once", async () => {
    const callId = await call();
    expect(await activities.answerChannel("default", callId)).toBe("ok");
    expect(await activities.answerChannel("default", callId)).toBe("ok");
    expect(await logOf(callId, "answer")).toHaveLength(1);
  });

  it("does not restart a prompt whose playback id exists; 404 means it is over", async () => {
    const callId = await call();
    expect(await activities.playMedia("default", callId, ["sound:tt-monkeys"], "pb-twice")).toBe("ok");
    expect(await activities.playMedia("default", callId, ["sound:tt-monkeys"], "pb-twice")).toBe("ok");
    expect(await logOf(callId, "playRequest")).toHaveLength(1);
    expect(await activities.playbackState("default", "pb-twice")).toBe("active");
    expect(await activities.stopPlayback("default", "pb-twice")).toBe("ok");
    expect(await activities.playbackState("default", "pb-twice")).toBe("ended");
    expect(await activities.playbackState("default", "never-played")).toBe("ended");
  });

  it("does not start a recording over, and reads its end from ARI", async () => {
    const callId = await call();
    const input: StartRecordingInput = { channelId: callId, name: "rec-twice", format: "wav", maxDurationSeconds: 30, maxSilenceSeconds: 0, beep: false, terminateOn: "none" };
    expect(await activities.startRecording("default", input)).toBe("ok");
    expect(await activities.startRecording("default", input)).toBe("ok");
    expect(await logOf(callId, "record")).toHaveLength(1);
    await sub.waitFor((e) => e.type === "RecordingStarted" && e.recording.name === "rec-twice");
    expect(await activities.recordingState("default", "rec-twice")).toEqual({ kind: "active" });
    expect(await activities.stopRecording("default", "rec-twice")).toBe("ok");
    expect(await activities.recordingState("default", "rec-twice")).toMatchObject({ kind: "ended", state: "done", format: "wav" });
    // Finished earlier: the stored file tells it was made, so it is not recorded again.
    expect(await activities.startRecording("default", input)).toBe("ok");
    expect(await logOf(callId, "record")).toHaveLength(1);
  });

  it("a second continue to the same place is not a hangup", async () => {
    const callId = await call();
    expect(await activities.continueInDialplan("default", callId, "cc-queues", "sales")).toBe("ok");
    await sub.waitFor((e) => e.type === "StasisEnd" && e.channel.id === callId);
    expect(await activities.continueInDialplan("default", callId, "cc-queues", "sales")).toBe("ok");
    expect(await activities.continueInDialplan("default", callId, "elsewhere", "sales")).toBe("gone");
  });

  it("originates a transfer leg once for one leg id", async () => {
    const callId = await call();
    const leg: OriginateLegInput = { callId, legChannelId: `${callId}~leg~1`, target: { kind: "endpoint", endpoint: "PJSIP/agent1" }, timeoutSeconds: 20 };
    expect(await activities.originateLeg("default", leg)).toEqual({ ok: true });
    expect(await activities.originateLeg("default", leg)).toEqual({ ok: true });
    expect(await logOf(leg.legChannelId, "originate")).toHaveLength(1);
  });

  it("bridges two channels again without a second bridge (Asterisk refuses a second create with 409)", async () => {
    const a = await call();
    const b = await call();
    expect(await activities.bridgeChannels("default", "bridge-twice", [a, b])).toBe("ok");
    expect(await activities.bridgeChannels("default", "bridge-twice", [a, b])).toBe("ok");
    const raw = await fetch(`${sim.url}/ari/bridges/bridge-twice`, { method: "POST", headers: { Authorization: `Basic ${Buffer.from("asterisk:asterisk").toString("base64")}` } });
    expect(raw.status).toBe(409);
    expect(await raw.json()).toEqual({ message: "Bridge with id 'bridge-twice' already exists" });
    expect((await logOf(a, "bridgeEnter")).length).toBe(1);
    expect(await activities.destroyBridge("default", "bridge-twice")).toBe("ok");
  });

  it("reports a channel's state, and a hung-up channel as gone", async () => {
    const callId = await call();
    expect(await activities.channelState("default", callId)).toEqual({ kind: "present", state: "Ring", inStasis: true });
    await sim.control.hangup(callId);
    expect(await activities.channelState("default", callId)).toEqual({ kind: "gone" });
    expect(await activities.answerChannel("default", callId)).toBe("gone");
  });
});

describe("ARI activities with several Asterisk servers", () => {
  let east: AriSimulator;
  let west: AriSimulator;
  let subs: RawSubscriber[];
  let activities: AriActivities;
  const client = (sim: AriSimulator) => createAriClient({ url: sim.url, username: "asterisk", password: "asterisk", app: "cc-flows" });

  beforeAll(async () => {
    [east, west] = await Promise.all([startAriSimulator({ port: 0 }), startAriSimulator({ port: 0 })]);
    subs = await Promise.all([subscribe(east), subscribe(west)]);
    activities = createAriActivities(
      new Map([
        ["east", { ari: client(east), outboundTrunk: "east-trunk" }],
        ["west", { ari: client(west), outboundTrunk: undefined }],
      ]),
      { app: "cc-flows" },
    );
  });
  afterAll(async () => {
    await Promise.all(subs.map((sub) => sub.close()));
    await Promise.all([east.close(), west.close()]);
  });

  it("sends each command to the Asterisk the call is on, also when both have a channel with the same id", async () => {
    // Asterisk uniqueids are "<epoch>.<counter>": two servers started in the same second hand out the same
    // ones. Whether these two did depends on the clock, so the west call takes the id east handed out.
    const onEast = await east.control.placeCall({ to: "4001", from: "1" });
    const onWest = await west.control.placeCall({ to: "4001", from: "2", channelId: onEast.callId });
    expect(onWest.callId).toBe(onEast.callId);
    const channelId = onEast.callId;
    await Promise.all(subs.map((sub) => sub.waitFor((e) => e.type === "StasisStart" && e.channel.id === channelId)));

    expect(await activities.answerChannel("west", channelId)).toBe("ok");
    expect(await activities.playMedia("west", channelId, ["sound:tt-monkeys"], "pb-west")).toBe("ok");
    expect(await west.control.log({ channelId, kind: "answer" })).toHaveLength(1);
    expect(await west.control.log({ channelId, kind: "playRequest" })).toHaveLength(1);
    expect(await east.control.log({ channelId, kind: "answer" })).toHaveLength(0);
    expect(await east.control.log({ channelId, kind: "playRequest" })).toHaveLength(0);
    expect(await activities.playbackState("east", "pb-west")).toBe("ended");
    expect(await activities.playbackState("west", "pb-west")).toBe("active");

    // Each server's own outbound trunk.
    const leg: OriginateLegInput = { callId: channelId, legChannelId: `${channelId}~leg~n`, target: { kind: "number", number: "13900000000", callerId: null }, timeoutSeconds: 5 };
    expect(await activities.originateLeg("west", leg)).toEqual({ ok: false, reason: expect.stringContaining("no outbound trunk") });
    expect(await activities.originateLeg("east", leg)).toEqual({ ok: true });
    expect((await east.control.log({ channelId: leg.legChannelId, kind: "originate" }))[0]).toMatchObject({ endpoint: "PJSIP/13900000000@east-trunk" });
  });

  it("refuses an Asterisk id it does not know, without retrying, naming the ones it has", async () => {
    await expect(activities.hangupChannel("north", "1.1")).rejects.toMatchObject({
      nonRetryable: true,
      message: expect.stringMatching(/no Asterisk "north" .*east, west/),
    });
  });
});
