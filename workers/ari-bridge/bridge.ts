import { randomUUID } from "node:crypto";
import type { AriClient } from "../ari";
import type { AnyAriEvent, ConnectionEvent } from "../ari/events";
import type { Channel } from "../ari/models";
import { ChannelPlaybacks } from "./channel-playbacks";
import type { CallWorkflows } from "./call-workflows";
import { mapAriEvent, type BridgeAction, type CallSignal } from "./event-mapping";
import { KeyedSerialQueue } from "./keyed-serial-queue";
import type { EntryResolver } from "./resolve-entry-point";

export interface BridgeLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** The part of the ARI client the bridge uses. */
export interface BridgeAri {
  channels: Pick<AriClient["channels"], "play" | "hangup">;
  events: Pick<AriClient["events"], "on" | "onAny">;
  listChannels: AriClient["listChannels"];
}

export interface AriBridgeDeps {
  ari: BridgeAri;
  workflows: CallWorkflows;
  resolveEntry: EntryResolver;
  /** Our Stasis application name. */
  app: string;
  /** Passed to each call workflow: continue-as-new every N steps. */
  stepsPerRun?: number;
  newExecutionId?: () => string;
  log?: BridgeLogger;
  /**
   * A failed start or signal (Temporal unreachable) is retried this many times, the delay doubling
   * up to 2 s. Default 20 (about 35 s: a Temporal restart); a signal given up on is an event lost.
   */
  attempts?: number;
  retryDelayMs?: number;
}

export interface AriBridge {
  /** Subscribes to the event stream (connect it afterwards). Returns an unsubscribe function. */
  attach(): () => void;
  /** Handles one ARI event: exposed for tests. */
  handleEvent(event: AnyAriEvent): Promise<void>;
  /**
   * After a (re)connect, events may have been lost: start calls whose StasisStart was missed, ask every
   * call in Stasis to check its playback, recording or transfer leg against ARI, end calls whose
   * channel is gone.
   */
  reconcile(): Promise<void>;
  /** Resolves when every queued event has been handled. */
  idle(): Promise<void>;
}

/**
 * Events sent while the WebSocket is down are lost for good, and every call waiting on one is silent
 * until the bridge reconnects and reconciles: retry often (a refused local connection costs little).
 */
export const BRIDGE_RECONNECT = { initialDelayMs: 50, maxDelayMs: 500 };

const MAX_RETRY_DELAY_MS = 2_000;
const NO_SERVICE_SOUND = "sound:ss-noservice";
const NO_SERVICE_MAX_MS = 15_000;
const MAX_REMEMBERED_ENDS = 50_000;

export const consoleBridgeLogger: BridgeLogger = {
  info: (m, f) => console.log(`[ari-bridge] ${m}`, f ?? ""),
  warn: (m, f) => console.warn(`[ari-bridge] ${m}`, f ?? ""),
  error: (m, f) => console.error(`[ari-bridge] ${m}`, f ?? ""),
};

/**
 * The only code that turns ARI events into workflow signals. Events of one call are handled in
 * order (one promise chain per caller channel): a DTMF that arrives while the call's workflow is
 * being started waits for the start, so the workflow never misses it.
 */
export function createAriBridge(deps: AriBridgeDeps): AriBridge {
  const log = deps.log ?? consoleBridgeLogger;
  const attempts = deps.attempts ?? 20;
  const retryDelayMs = deps.retryDelayMs ?? 200;
  const newExecutionId = deps.newExecutionId ?? randomUUID;
  const queue = new KeyedSerialQueue((key, err) => log.error("event handling failed", { call: key, error: String(err) }));
  /** Channels whose end was already signalled: ChannelHangupRequest, StasisEnd and ChannelDestroyed make one signal. */
  const ended = new Set<string>();
  /** Our own "no service" playbacks: hang up when they finish. */
  const noService = new Map<string, { channelId: string; timer: NodeJS.Timeout }>();
  const playbacks = new ChannelPlaybacks();

  async function withRetry<T>(what: string, run: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await run();
      } catch (err) {
        if (attempt >= attempts) throw err;
        log.warn(`${what} failed; retrying`, { attempt, error: String(err) });
        await new Promise((resolve) => setTimeout(resolve, Math.min(retryDelayMs * 2 ** (attempt - 1), MAX_RETRY_DELAY_MS)));
      }
    }
  }

  async function startCall(action: Extract<BridgeAction, { kind: "start-call" }>): Promise<void> {
    const entry = await withRetry("entry point lookup", () => deps.resolveEntry({ args: action.args, dialed: action.dialed }));
    if (!entry) {
      log.warn("no flow for this call: playing ss-noservice", { channel: action.channelId, dialed: action.dialed, args: action.args });
      await refuse(action.channelId);
      return;
    }
    const result = await withRetry("workflow start", () =>
      deps.workflows.start({
        callId: action.channelId,
        executionId: newExecutionId(),
        flowId: entry.flowId,
        flowVersionId: entry.flowVersionId,
        ...(entry.testPlanId ? { testPlanId: entry.testPlanId } : {}),
        ...(entry.testPlanId && entry.pretend ? { pretend: entry.pretend } : {}),
        caller: action.caller,
        dialed: action.dialed,
        // The flow's start node picks the language; Asterisk's channel default ("en") says nothing.
        language: "",
        ...(deps.stepsPerRun ? { stepsPerRun: deps.stepsPerRun } : {}),
      }),
    );
    log.info(result === "started" ? "call started" : "call already running", { channel: action.channelId, flow: entry.flowId });
  }

  async function refuse(channelId: string): Promise<void> {
    const playbackId = `noservice-${randomUUID()}`;
    const timer = setTimeout(() => {
      noService.delete(playbackId);
      void hangupQuietly(channelId);
    }, NO_SERVICE_MAX_MS);
    timer.unref();
    // Registered before the request: a playback that fails at once finishes before the 201 arrives.
    noService.set(playbackId, { channelId, timer });
    try {
      await deps.ari.channels.play(channelId, NO_SERVICE_SOUND, { playbackId });
    } catch {
      noService.delete(playbackId);
      clearTimeout(timer);
      await hangupQuietly(channelId);
    }
  }

  async function hangupQuietly(channelId: string): Promise<void> {
    await deps.ari.channels.hangup(channelId).catch(() => undefined);
  }

  async function signal(callId: string, event: CallSignal): Promise<void> {
    if (event.name === "playbackFinished" && playbacks.finishedNeedsNoSignal(callId, event.payload.playbackId)) return;
    const sig = event.name === "dtmf" ? withPlaybackPlaying(callId, event) : event;
    const result = await withRetry(`signal ${sig.name}`, () => deps.workflows.signal(callId, sig));
    if (result === "not-running" && sig.name !== "hangup" && sig.name !== "playbackFinished" && sig.name !== "reconcile") {
      log.warn("event for a call without a running workflow", { call: callId, signal: sig.name });
    }
    if (sig.name === "dtmf") playbacks.keySignalled(callId);
    if (sig.name === "hangup") playbacks.channelEnded(callId);
  }

  /** The key names the prompt it was pressed during, when the bridge saw that prompt start. */
  function withPlaybackPlaying(callId: string, sig: Extract<CallSignal, { name: "dtmf" }>): CallSignal {
    const playing = playbacks.current(callId);
    return playing === null ? sig : { name: "dtmf", payload: { ...sig.payload, duringPlayback: playing } };
  }

  function noServiceFinished(event: AnyAriEvent): boolean {
    if (event.type !== "PlaybackFinished" || "unknown" in event) return false;
    const pending = noService.get(event.playback.id);
    if (!pending) return false;
    noService.delete(event.playback.id);
    clearTimeout(pending.timer);
    void hangupQuietly(pending.channelId);
    return true;
  }

  function dispatch(action: BridgeAction, destroyed: string | null): Promise<void> {
    switch (action.kind) {
      case "none":
        return Promise.resolve();
      case "start-call":
        return queue.run(action.channelId, () => startCall(action));
      case "playback-started":
        return queue.run(action.callId, async () => playbacks.started(action.callId, action.playbackId));
      case "signal": {
        if (action.endOf !== undefined) {
          if (ended.has(action.endOf)) {
            if (destroyed === action.endOf) ended.delete(action.endOf);
            return Promise.resolve();
          }
          // ChannelDestroyed is a channel's last event: nothing to dedupe after it. Channels that left
          // for the dialplan may never report it: the set is bounded.
          if (destroyed !== action.endOf) {
            if (ended.size >= MAX_REMEMBERED_ENDS) ended.clear();
            ended.add(action.endOf);
          }
        }
        return queue.run(action.callId, () => signal(action.callId, action.signal));
      }
    }
  }

  function handleEvent(event: AnyAriEvent): Promise<void> {
    if (noServiceFinished(event)) return Promise.resolve();
    const destroyed = event.type === "ChannelDestroyed" && !("unknown" in event) ? event.channel.id : null;
    return dispatch(mapAriEvent(event), destroyed);
  }

  /** Stasis(app,arg1,…) as Asterisk reports it in a channel's dialplan location. */
  function stasisArgsOf(channel: Channel): string[] | null {
    if (channel.dialplan.app_name !== "Stasis" || channel.dialplan.app_data === undefined) return null;
    const [app, ...args] = channel.dialplan.app_data.split(",");
    return app === deps.app ? args : null;
  }

  async function reconcile(): Promise<void> {
    const [channels, running] = await Promise.all([deps.ari.listChannels(), deps.workflows.listRunningCallIds()]);
    const live = new Set(channels.map((c) => c.id));
    const runningCalls = new Set(running);
    const reconcileSignal: CallSignal = { name: "reconcile", payload: {} };
    for (const channel of channels) {
      const args = stasisArgsOf(channel);
      if (args === null) continue;
      const stasisStart: AnyAriEvent = { type: "StasisStart", application: deps.app, args, channel };
      const isCall = mapAriEvent(stasisStart).kind === "start-call";
      // A running call only needs to check what it waits for: no entry point lookup, no start, so it hears its next prompt sooner.
      if (isCall && runningCalls.has(channel.id)) {
        void dispatch({ kind: "signal", callId: channel.id, signal: reconcileSignal }, null);
        continue;
      }
      // Replaying StasisStart is safe: starts and the leg-answered signal are idempotent.
      void handleEvent(stasisStart);
      // Queued behind the start (the list may lag behind a start that just happened).
      if (isCall) void dispatch({ kind: "signal", callId: channel.id, signal: reconcileSignal }, null);
    }
    for (const callId of running) {
      if (live.has(callId)) continue;
      log.info("channel gone while disconnected: ending its call", { call: callId });
      void dispatch({ kind: "signal", callId, endOf: callId, signal: { name: "hangup", payload: { cause: null } } }, null);
    }
  }

  function onConnection(event: ConnectionEvent): void {
    if (event.state !== "connected") {
      log.warn(`ARI event stream ${event.state}`, event.error ? { error: event.error } : undefined);
      return;
    }
    log.info(event.reconnected ? "ARI event stream reconnected: reconciling" : "ARI event stream connected");
    if (event.reconnected) playbacks.forgetAll();
    reconcile().catch((err: unknown) => log.error("reconcile failed", { error: String(err) }));
  }

  return {
    attach() {
      const offAny = deps.ari.events.onAny((event) => void handleEvent(event));
      const offConnection = deps.ari.events.on("connection", onConnection);
      return () => {
        offAny();
        offConnection();
        for (const { timer } of noService.values()) clearTimeout(timer);
        noService.clear();
      };
    },
    handleEvent,
    reconcile,
    idle: () => queue.idle(),
  };
}
