import { describe, expect, it } from "vitest";
import type { KnownAriEvent } from "../ari/events";
import { holdingBridgeId, transferLegChannelId } from "../workflows/signals";
import { attemptId, channelIdOfAttempt } from "../campaigns/campaign-ids";
import { mapAriEvent } from "./event-mapping";
import { channel, ev } from "./test-events";

describe("mapAriEvent", () => {
  it("starts a call for an inbound StasisStart, with caller, dialed number and arguments", () => {
    const event = ev.stasisStart("1700.1", ["bank"], { caller: { name: "", number: "13900000001" }, dialplan: { context: "from-trunk", exten: "95588", priority: 1 } });
    expect(mapAriEvent(event)).toEqual({ kind: "start-call", channelId: "1700.1", args: ["bank"], caller: "13900000001", dialed: "95588" });
  });

  it("tells a campaign attempt its channel was answered instead of starting a call, and gives it the hangup cause", () => {
    const channelId = channelIdOfAttempt(attemptId("camp1", "contact1", 2));
    expect(mapAriEvent(ev.stasisStart(channelId, ["campaign", "camp1:contact1:2"]))).toEqual({
      kind: "signal",
      callId: channelId,
      signal: { name: "campaignAnswered", payload: { channelId } },
    });
    expect(mapAriEvent(ev.hangupRequest(channelId, 17))).toEqual({ kind: "signal", callId: channelId, endOf: channelId, signal: { name: "hangup", payload: { cause: 17 } } });
  });

  it("routes a transfer leg's StasisStart to its call as answered", () => {
    const leg = transferLegChannelId("1700.1", "abc");
    expect(mapAriEvent(ev.stasisStart(leg, ["transfer-leg", "1700.1"]))).toEqual({
      kind: "signal",
      callId: "1700.1",
      signal: { name: "transferLegAnswered", payload: { legChannelId: leg } },
    });
  });

  it("routes an announcement in a queued caller's holding bridge to that caller; other bridges' playbacks to nobody", () => {
    const bridge = holdingBridgeId("1700.1", "u1");
    expect(mapAriEvent(ev.playbackFinished(`bridge:${bridge}`, "a1", "done"))).toEqual({
      kind: "signal",
      callId: "1700.1",
      signal: { name: "playbackFinished", payload: { playbackId: "a1", state: "done" } },
    });
    expect(mapAriEvent(ev.playbackFinished("bridge:some-conference", "a2", "done"))).toEqual({ kind: "none" });
  });

  it("maps DTMF, playback and recording events to signals of the channel's call", () => {
    expect(mapAriEvent(ev.dtmf("c1", "5"))).toEqual({ kind: "signal", callId: "c1", signal: { name: "dtmf", payload: { digit: "5", durationMs: 100 } } });
    // No workflow waits for a playback to start (a signal would cost a workflow task per prompt): the bridge only notes it.
    expect(mapAriEvent(ev.playbackStarted("c1", "p1"))).toEqual({ kind: "playback-started", callId: "c1", playbackId: "p1" });
    expect(mapAriEvent(ev.playbackFinished("channel:c1", "p1", "failed"))).toEqual({
      kind: "signal",
      callId: "c1",
      signal: { name: "playbackFinished", payload: { playbackId: "p1", state: "failed" } },
    });
    expect(mapAriEvent(ev.recordingFinished("c1", "r1", 4))).toEqual({
      kind: "signal",
      callId: "c1",
      signal: { name: "recordingFinished", payload: { name: "r1", durationSeconds: 4, state: "done", format: "wav" } },
    });
    expect(mapAriEvent(ev.recordingFailed("c1", "r2"))).toMatchObject({ signal: { payload: { name: "r2", state: "failed", durationSeconds: 0 } } });
  });

  it("ignores playbacks on bridges, DTMF of transfer legs and events it does not know", () => {
    expect(mapAriEvent(ev.playbackFinished("bridge:b1", "p1"))).toEqual({ kind: "none" });
    expect(mapAriEvent(ev.dtmf(transferLegChannelId("c1", "x"), "1"))).toEqual({ kind: "none" });
    expect(mapAriEvent(ev.unknown("ChannelTalkingStarted"))).toEqual({ kind: "none" });
    expect(mapAriEvent({ type: "ChannelStateChange", application: "cc-flows", channel: channel("c1") })).toEqual({ kind: "none" });
  });

  it("turns each way a channel ends into a hangup of its call, with the cause when known", () => {
    expect(mapAriEvent(ev.hangupRequest("c1", 16))).toEqual({ kind: "signal", callId: "c1", endOf: "c1", signal: { name: "hangup", payload: { cause: 16 } } });
    // Asterisk 22.10.1: the app's hangup is {cause: 32, soft: true}, a softhangup flag rather than a cause.
    const soft: KnownAriEvent = { type: "ChannelHangupRequest", application: "cc-flows", cause: 32, soft: true, channel: channel("c1") };
    expect(mapAriEvent(soft)).toMatchObject({ signal: { name: "hangup", payload: { cause: null } } });
    expect(mapAriEvent(ev.stasisEnd("c1"))).toEqual({ kind: "signal", callId: "c1", endOf: "c1", signal: { name: "hangup", payload: { cause: null } } });
    expect(mapAriEvent(ev.destroyed("c1", 17))).toMatchObject({ signal: { name: "hangup", payload: { cause: 17 } } });
  });

  it("reports a transfer leg that ends (busy, no answer, agent hangup) to its call", () => {
    const leg = transferLegChannelId("c1", "x");
    expect(mapAriEvent(ev.destroyed(leg, 17, "User busy"))).toEqual({
      kind: "signal",
      callId: "c1",
      endOf: leg,
      signal: { name: "transferLegFailed", payload: { legChannelId: leg, reason: "User busy" } },
    });
    expect(mapAriEvent(ev.hangupRequest(leg))).toMatchObject({ signal: { name: "transferLegFailed", payload: { reason: "hangup" } } });
    expect(mapAriEvent(ev.hangupRequest(leg, 17))).toMatchObject({ signal: { payload: { reason: "User busy" } } });
    expect(mapAriEvent(ev.hangupRequest(leg, 99))).toMatchObject({ signal: { payload: { reason: "cause 99" } } });
  });
});
