import { describe, expect, it } from "vitest";
import type { AnyAriEvent, ConnectionEvent } from "../ari/events";
import type { Channel } from "../ari/models";
import type { IvrCallInput } from "../workflows/call-input";
import { bargeInPlaybackId } from "../workflows/signals";
import { createAriBridge, type BridgeAri, type BridgeLogger } from "./bridge";
import type { CallWorkflows } from "./call-workflows";
import type { CallSignal } from "./event-mapping";
import type { EntryResolver } from "./resolve-entry-point";
import { channel, ev } from "./test-events";

type Deferred = { promise: Promise<void>; resolve: () => void };
function deferred(): Deferred {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => {
    resolve = () => r();
  });
  return { promise, resolve };
}

/** A fake Temporal: records starts and signals in one timeline; starts can be held back. */
class FakeWorkflows implements CallWorkflows {
  readonly timeline: string[] = [];
  readonly started: IvrCallInput[] = [];
  readonly running = new Set<string>();
  readonly holdStart = new Map<string, Deferred>();
  /** DTMF signals with the playback each one names. */
  readonly keys: { callId: string; digit: string; duringPlayback: string | null }[] = [];
  failSignals = 0;

  async start(input: IvrCallInput): Promise<"started" | "already-started"> {
    this.timeline.push(`start ${input.callId}`);
    await this.holdStart.get(input.callId)?.promise;
    this.started.push(input);
    const fresh = !this.running.has(input.callId);
    this.running.add(input.callId);
    this.timeline.push(`started ${input.callId}`);
    return fresh ? "started" : "already-started";
  }

  async signal(callId: string, signal: CallSignal): Promise<"delivered" | "not-running"> {
    if (this.failSignals > 0) {
      this.failSignals -= 1;
      throw new Error("temporal unavailable");
    }
    this.timeline.push(`${callId} ${signal.name}${signal.name === "dtmf" ? ` ${signal.payload.digit}` : ""}`);
    if (signal.name === "dtmf") this.keys.push({ callId, digit: signal.payload.digit, duringPlayback: signal.payload.duringPlayback ?? null });
    return this.running.has(callId) ? "delivered" : "not-running";
  }

  async listRunningCallIds() {
    return [...this.running];
  }
}

class FakeAri implements BridgeAri {
  readonly played: { id: string; media: string | string[]; playbackId?: string }[] = [];
  readonly hungUp: string[] = [];
  liveChannels: Channel[] = [];
  private anyHandler: ((event: AnyAriEvent) => void) | null = null;
  private readonly handlers = new Map<string, unknown>();

  channels: BridgeAri["channels"] = {
    play: async (id, media, opts) => {
      this.played.push({ id, media, playbackId: opts?.playbackId });
      return { id: opts?.playbackId ?? "p", media_uri: String(media), target_uri: `channel:${id}`, state: "queued" };
    },
    hangup: async (id) => {
      this.hungUp.push(id);
    },
  };
  events: BridgeAri["events"] = {
    onAny: (handler) => {
      this.anyHandler = handler;
      return () => {
        this.anyHandler = null;
      };
    },
    on: (type, handler) => {
      this.handlers.set(type, handler);
      return () => this.handlers.delete(type);
    },
  };
  listChannels = async () => this.liveChannels;

  emit(event: AnyAriEvent) {
    this.anyHandler?.(event);
  }

  connect(reconnected: boolean) {
    const event: ConnectionEvent = { type: "connection", state: "connected", reconnected, attempt: 1 };
    const handler = this.handlers.get("connection");
    if (typeof handler === "function") handler(event);
  }
}

const silent: BridgeLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

const anyFlow: EntryResolver = async () => ({ flowId: "f1", flowVersionId: "v1" });

function setup(resolveEntry: EntryResolver = anyFlow, attempts?: number) {
  const ari = new FakeAri();
  const workflows = new FakeWorkflows();
  let n = 0;
  const bridge = createAriBridge({
    ari,
    workflows,
    resolveEntry,
    app: "cc-flows",
    stepsPerRun: 200,
    newExecutionId: () => `exec-${++n}`,
    log: silent,
    retryDelayMs: 1,
    ...(attempts ? { attempts } : {}),
  });
  return { ari, workflows, bridge };
}

describe("ARI bridge", () => {
  it("starts the call workflow with the resolved flow version", async () => {
    const calls: { args: string[]; dialed: string }[] = [];
    const { workflows, bridge } = setup(async (call) => {
      calls.push(call);
      return { flowId: "f9", flowVersionId: "v9" };
    });
    await bridge.handleEvent(ev.stasisStart("c1", ["bank"], { caller: { name: "", number: "139" }, dialplan: { context: "x", exten: "95588", priority: 1 } }));

    expect(calls).toEqual([{ args: ["bank"], dialed: "95588" }]);
    expect(workflows.started).toEqual([
      { callId: "c1", executionId: "exec-1", flowId: "f9", flowVersionId: "v9", caller: "139", dialed: "95588", language: "", stepsPerRun: 200 },
    ]);
  });

  it("holds a call's events until its workflow has started, in arrival order", async () => {
    const { ari, workflows, bridge } = setup();
    const hold = deferred();
    workflows.holdStart.set("c1", hold);
    const detach = bridge.attach();
    ari.emit(ev.stasisStart("c1"));
    ari.emit(ev.dtmf("c1", "1"));
    ari.emit(ev.playbackFinished("channel:c1", "p1"));
    ari.emit(ev.dtmf("c1", "2"));
    ari.emit(ev.hangupRequest("c1", 16));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(workflows.timeline).toEqual(["start c1"]);

    hold.resolve();
    await bridge.idle();
    expect(workflows.timeline).toEqual(["start c1", "started c1", "c1 dtmf 1", "c1 playbackFinished", "c1 dtmf 2", "c1 hangup"]);
    detach();
  });

  it("skips PlaybackFinished of a barge-in prompt once a key pressed during it was signalled; signals every other one", async () => {
    const { ari, workflows, bridge } = setup();
    const detach = bridge.attach();
    const bargeIn = bargeInPlaybackId("a");
    const other = bargeInPlaybackId("b");
    ari.emit(ev.stasisStart("c1"));
    // Interrupted by a key: the workflow stopped it itself and does not need its end.
    ari.emit(ev.playbackStarted("c1", bargeIn));
    ari.emit(ev.dtmf("c1", "1"));
    ari.emit(ev.playbackFinished("channel:c1", bargeIn));
    // Played to its end, then a key: its end is needed (and comes first).
    ari.emit(ev.playbackStarted("c1", other));
    ari.emit(ev.playbackFinished("channel:c1", other));
    ari.emit(ev.dtmf("c1", "2"));
    // Not a barge-in prompt: a key pressed during it does not end it for the workflow.
    ari.emit(ev.playbackStarted("c1", "plain"));
    ari.emit(ev.dtmf("c1", "3"));
    ari.emit(ev.playbackFinished("channel:c1", "plain"));
    await bridge.idle();
    expect(workflows.timeline).toEqual([
      "start c1",
      "started c1",
      "c1 dtmf 1",
      "c1 playbackFinished",
      "c1 dtmf 2",
      "c1 dtmf 3",
      "c1 playbackFinished",
    ]);
    detach();
  });

  it("names in each key's signal the prompt playing on its channel when it was pressed, in ARI's order; none after a reconnect", async () => {
    const { ari, workflows, bridge } = setup();
    const detach = bridge.attach();
    ari.emit(ev.stasisStart("c1"));
    ari.emit(ev.stasisStart("c2"));
    ari.emit(ev.dtmf("c1", "1"));
    ari.emit(ev.playbackStarted("c1", "notice"));
    ari.emit(ev.dtmf("c1", "2"));
    ari.emit(ev.dtmf("c2", "5"));
    ari.emit(ev.playbackFinished("channel:c1", "notice"));
    ari.emit(ev.dtmf("c1", "3"));
    ari.emit(ev.playbackStarted("c1", bargeInPlaybackId("menu")));
    ari.emit(ev.dtmf("c1", "4"));
    await bridge.idle();
    // The menu's PlaybackFinished was lost while the socket was down: after the reconnect nothing is known.
    ari.liveChannels = [channel("c1"), channel("c2")];
    ari.connect(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await bridge.idle();
    ari.emit(ev.dtmf("c1", "6"));
    await bridge.idle();
    // Each channel's events in order (channels are independent queues).
    const keysOf = (callId: string) => workflows.keys.filter((k) => k.callId === callId).map(({ digit, duringPlayback }) => [digit, duringPlayback]);
    expect(keysOf("c1")).toEqual([
      ["1", null],
      ["2", "notice"],
      ["3", null],
      ["4", bargeInPlaybackId("menu")],
      ["6", null],
    ]);
    expect(keysOf("c2")).toEqual([["5", null]]);
    detach();
  });

  it("signals a barge-in prompt's PlaybackFinished when the key's signal could not be delivered, or the key came before the prompt started", async () => {
    const { ari, workflows, bridge } = setup(anyFlow, 2);
    const detach = bridge.attach();
    ari.emit(ev.stasisStart("c1"));
    await bridge.idle();
    ari.emit(ev.dtmf("c1", "1"));
    ari.emit(ev.playbackStarted("c1", bargeInPlaybackId("a")));
    ari.emit(ev.playbackFinished("channel:c1", bargeInPlaybackId("a")));
    await bridge.idle();
    ari.emit(ev.playbackStarted("c1", bargeInPlaybackId("b")));
    workflows.failSignals = 2;
    ari.emit(ev.dtmf("c1", "2"));
    await bridge.idle();
    ari.emit(ev.playbackFinished("channel:c1", bargeInPlaybackId("b")));
    await bridge.idle();
    expect(workflows.timeline).toEqual(["start c1", "started c1", "c1 dtmf 1", "c1 playbackFinished", "c1 playbackFinished"]);
    detach();
  });

  it("does not hold one call's events behind another call's slow start", async () => {
    const { ari, workflows, bridge } = setup();
    const hold = deferred();
    workflows.holdStart.set("slow", hold);
    bridge.attach();
    ari.emit(ev.stasisStart("slow"));
    ari.emit(ev.stasisStart("fast"));
    ari.emit(ev.dtmf("fast", "9"));
    ari.emit(ev.dtmf("slow", "1"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(workflows.timeline).toEqual(["start slow", "start fast", "started fast", "fast dtmf 9"]);
    hold.resolve();
    await bridge.idle();
    expect(workflows.timeline.slice(4)).toEqual(["started slow", "slow dtmf 1"]);
  });

  it("sends one hangup for ChannelHangupRequest, StasisEnd and ChannelDestroyed of a channel", async () => {
    const { workflows, bridge } = setup();
    await bridge.handleEvent(ev.stasisStart("c1"));
    await bridge.handleEvent(ev.hangupRequest("c1", 16));
    await bridge.handleEvent(ev.stasisEnd("c1"));
    await bridge.handleEvent(ev.destroyed("c1"));
    expect(workflows.timeline.filter((t) => t.endsWith("hangup"))).toEqual(["c1 hangup"]);
  });

  it("sends one hangup for Asterisk's two ChannelHangupRequests of an app hangup (softhangup 32, then 16 after StasisEnd)", async () => {
    const { workflows, bridge } = setup();
    await bridge.handleEvent(ev.stasisStart("c1"));
    await bridge.handleEvent(ev.hangupRequest("c1", 32));
    await bridge.handleEvent(ev.stasisEnd("c1"));
    await bridge.handleEvent(ev.hangupRequest("c1", 16));
    await bridge.handleEvent(ev.destroyed("c1"));
    await bridge.handleEvent(ev.stasisStart("c2"));
    await bridge.handleEvent(ev.hangupRequest("c2", 16));
    expect(workflows.timeline.filter((t) => t.endsWith("hangup"))).toEqual(["c1 hangup", "c2 hangup"]);
  });

  it("plays ss-noservice to an unknown number, then hangs up without starting a workflow", async () => {
    const { ari, workflows, bridge } = setup(async () => null);
    await bridge.handleEvent(ev.stasisStart("c1", [], { dialplan: { context: "x", exten: "999", priority: 1 } }));
    expect(workflows.started).toEqual([]);
    expect(ari.played).toHaveLength(1);
    expect(ari.played[0]?.media).toBe("sound:ss-noservice");
    expect(ari.hungUp).toEqual([]);

    await bridge.handleEvent(ev.playbackFinished("channel:c1", ari.played[0]?.playbackId ?? ""));
    expect(ari.hungUp).toEqual(["c1"]);
  });

  it("retries a signal while Temporal is unreachable", async () => {
    const { workflows, bridge } = setup();
    await bridge.handleEvent(ev.stasisStart("c1"));
    workflows.failSignals = 2;
    await bridge.handleEvent(ev.dtmf("c1", "7"));
    expect(workflows.timeline).toContain("c1 dtmf 7");
  });

  it("after a reconnect, ends calls whose channel is gone and starts calls whose StasisStart was missed (not running ones)", async () => {
    const { ari, workflows, bridge } = setup();
    workflows.running.add("gone");
    workflows.running.add("alive");
    ari.liveChannels = [
      channel("alive"),
      channel("missed", { dialplan: { context: "from-trunk", exten: "4000", priority: 1, app_name: "Stasis", app_data: "cc-flows,sales" } }),
      channel("elsewhere", { dialplan: { context: "default", exten: "100", priority: 1, app_name: "Dial", app_data: "PJSIP/100" } }),
    ];
    bridge.attach();
    ari.connect(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await bridge.idle();

    expect(workflows.timeline).toContain("gone hangup");
    expect(workflows.timeline).not.toContain("alive hangup");
    expect(workflows.started.map((s) => s.callId)).toEqual(["missed"]);
    expect(workflows.timeline.filter((t) => t.startsWith("start "))).toEqual(["start missed"]);
  });

  it("after a reconnect, asks every call in Stasis to check what it waits for against ARI, after its start", async () => {
    const { ari, workflows, bridge } = setup();
    workflows.running.add("alive");
    const leg = channel("alive~leg~1", { dialplan: { context: "default", exten: "s", priority: 1, app_name: "Stasis", app_data: "cc-flows,transfer-leg,alive" } });
    ari.liveChannels = [
      channel("alive"),
      channel("missed", { dialplan: { context: "from-trunk", exten: "4000", priority: 1, app_name: "Stasis", app_data: "cc-flows,sales" } }),
      channel("elsewhere", { dialplan: { context: "default", exten: "100", priority: 1, app_name: "Dial", app_data: "PJSIP/100" } }),
      leg,
    ];
    bridge.attach();
    ari.connect(false);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await bridge.idle();

    const reconciles = workflows.timeline.filter((t) => t.endsWith(" reconcile")).sort();
    expect(reconciles).toEqual(["alive reconcile", "missed reconcile"]);
    expect(workflows.timeline.indexOf("missed reconcile")).toBeGreaterThan(workflows.timeline.indexOf("started missed"));
    expect(workflows.timeline).toContain("alive transferLegAnswered");
  });
});
