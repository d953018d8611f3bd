import { randomBytes } from "node:crypto";
import { AppRegistry } from "./apps";
import { CallLog } from "./call-log";
import { Clock, asteriskTime, now } from "./clock";
import type { SimulatorConfig } from "./config";
import { dialplanHas } from "./dialplan";
import { dropAnnouncer, dropRecorders, kickLonely } from "./bridge-media";
import { SimEndpoints } from "./endpoints";
import { SimFaults } from "./faults";
import { MediaCache } from "./media-cache";
import {
  CAUSE_TEXT,
  type Command,
  SimBridge,
  SimChannel,
  type SimLiveRecording,
  type SimPlayback,
  type StoredRecording,
} from "./model";

/** main/dial.c ast_hangup_cause_to_dial_status. */
function dialStatus(cause: number): string {
  if (cause === 17) return "BUSY";
  if (cause === 34) return "CONGESTION";
  if (cause === 3 || cause === 20) return "CHANUNAVAIL";
  return "NOANSWER";
}

/** ast_softhangup reasons (include/asterisk/channel.h) that ChannelHangupRequest reports as its cause. */
const SOFTHANGUP_EXPLICIT = 32;
const SOFTHANGUP_APPUNLOAD = 16;

export interface InboundCallOptions {
  to: string;
  from: string;
  callerName?: string;
  app?: string;
  /** Stasis() arguments; default [to] as in `Stasis(cc-flows,${EXTEN})`. */
  args?: string[];
  language?: string;
  sendsAudio?: boolean;
  /** The channel's uniqueid instead of the next "<epoch>.<counter>" (a test that needs two servers' ids to collide). */
  channelId?: string;
}

/**
 * The simulated softswitch: every channel, playback, bridge and recording, and the event
 * delivery to Stasis applications. Feature modules (playbacks, recordings, bridges, originate)
 * operate on it.
 */
export class SimSwitch {
  readonly clock: Clock;
  readonly apps: AppRegistry;
  readonly log = new CallLog();
  readonly mediaCache = new MediaCache();
  /** Test fault injection (control API): events to drop, answers to hold back. */
  readonly faults = new SimFaults();
  readonly channels = new Map<string, SimChannel>();
  readonly playbacks = new Map<string, SimPlayback>();
  readonly bridges = new Map<string, SimBridge>();
  readonly liveRecordings = new Map<string, SimLiveRecording>();
  readonly storedRecordings = new Map<string, StoredRecording>();
  /** Configured PJSIP endpoints (agents' phones) and how each takes a call. */
  readonly endpoints = new SimEndpoints();
  readonly startedAt = Date.now();
  private uniqueSeq = 0;
  private announcerSeq = 0;
  private pjsipSeq = 0;
  private localSeq = 0;
  /** Follows a channel originated to a configured endpoint (set by the control API, for its call status). */
  onEndpointChannel: ((ch: SimChannel) => void) | null = null;
  /** Runs a caller script on a channel (set by the control API: a Local channel's caller context). */
  onCallerScript: ((ch: SimChannel, script: string) => void) | null = null;

  constructor(readonly cfg: SimulatorConfig) {
    this.clock = new Clock(cfg.timeScale);
    this.apps = new AppRegistry(cfg.asteriskId);
    for (const [resource, script] of Object.entries(cfg.endpoints)) this.endpoints.set("PJSIP", resource, script);
  }

  /** Asterisk uniqueid: "<epoch seconds>.<counter>". */
  newUniqueId(): string {
    return `${Math.floor(Date.now() / 1000)}.${this.uniqueSeq++}`;
  }

  newChannelName(endpoint: string): string {
    return `PJSIP/${endpoint}-${(this.pjsipSeq++).toString(16).padStart(8, "0")}`;
  }

  /** core_unreal.c: "%s/%s-%08x;1" with the tech and "<exten>@<context>". */
  newLocalChannelName(target: string): string {
    return `Local/${target}-${(this.localSeq++).toString(16).padStart(8, "0")};1`;
  }

  /** A bridge's media channel (chan_bridge_media.c via core_unreal.c: "Announcer/ARI-%08x;1"). */
  newMediaChannelName(tech: "Announcer" | "Recorder"): string {
    return `${tech}/ARI-${(this.announcerSeq++).toString(16).padStart(8, "0")};1`;
  }

  newProtocolId(): string {
    return `${randomBytes(16).toString("hex")}@10.0.0.1:5060`;
  }

  // ---- event delivery -------------------------------------------------------------------

  /** Sends an event to each app; returns the time the last frame left (null if nobody listened). */
  emit(apps: Iterable<string>, event: Record<string, unknown>): number | null {
    if (this.faults.shouldDrop(event)) {
      this.log.add("eventDropped", undefined, { type: event.type });
      return null;
    }
    let sent: number | null = null;
    for (const app of new Set(apps)) sent = this.apps.send(app, event) ?? sent;
    return sent;
  }

  /** Channel event with Asterisk's field order: blob fields, type, timestamp, extra, channel. */
  emitChannel(
    ch: SimChannel,
    type: string,
    blob: Record<string, unknown> = {},
    extra: Record<string, unknown> = {},
    apps: Iterable<string> = ch.apps,
  ): number | null {
    return this.emit(apps, { ...blob, type, timestamp: asteriskTime(), ...extra, channel: ch.toJSON() });
  }

  setState(ch: SimChannel, state: string): void {
    if (ch.state === state) return;
    ch.state = state;
    this.emitChannel(ch, "ChannelStateChange");
    ch.emitter.emit("stateChange", state);
  }

  setVar(ch: SimChannel, variable: string, value: string): void {
    ch.vars.set(variable, value);
    this.emitChannel(ch, "ChannelVarset", { variable, value });
  }

  // ---- channel lifecycle ----------------------------------------------------------------

  /** Inbound call reaching `exten => _X.,1,Stasis(app,${EXTEN})` (with cfg.stasisRetry: the README's retry loop). */
  inboundCall(o: InboundCallOptions): SimChannel {
    const app = o.app ?? this.cfg.defaultApp;
    const args = o.args ?? [o.to];
    if (o.channelId !== undefined && this.channels.has(o.channelId)) throw new Error(`channel ${o.channelId} exists`);
    const ch = new SimChannel(
      o.channelId ?? this.newUniqueId(),
      this.newChannelName(this.cfg.inboundEndpoint ?? o.from),
      "Ring",
      this.newProtocolId(),
      { name: o.callerName ?? "", number: o.from },
      { name: "", number: "" },
      {
        context: this.cfg.inboundContext,
        exten: o.to,
        priority: 1,
        app_name: "Stasis",
        app_data: [app, ...args].join(","),
      },
      asteriskTime(),
      o.language ?? "en",
      "inbound",
    );
    ch.runsDialplan = true;
    ch.sendsAudio = o.sendsAudio ?? true;
    this.channels.set(ch.id, ch);
    this.log.add("inbound", ch.id, { to: o.to, from: o.from, app, args });
    this.inboundStasis(ch, app, args, 0);
    return ch;
  }

  /** Runs Stasis(app,args) on the channel; when the app is not registered the call fails and hangs up. */
  enterStasis(ch: SimChannel, app: string, args: string[]): void {
    if (!this.tryStasis(ch, app, args)) this.hangup(ch, { cause: 16, by: "dialplan" });
  }

  /**
   * Stasis() as app_stasis.c runs it: an application that is not registered ("doesn't exist") or whose
   * socket is gone ("not active", res_stasis.c) fails at once with STASISSTATUS=FAILED, and the
   * dialplan goes on with its next priority. False when it failed.
   */
  private tryStasis(ch: SimChannel, app: string, args: string[]): boolean {
    ch.dialplan = { ...ch.dialplan, app_name: "Stasis", app_data: [app, ...args].join(",") };
    this.setVar(ch, "STASISSTATUS", "");
    if (!this.apps.isActive(app)) {
      this.log.add("stasisFailed", ch.id, { app, reason: "application not registered" });
      ch.vars.set("STASISSTATUS", "FAILED");
      this.emitChannel(ch, "ChannelVarset", { variable: "STASISSTATUS", value: "FAILED" });
      return false;
    }
    ch.stasisApp = app;
    ch.apps.add(app);
    const t = this.emit([app], { type: "StasisStart", timestamp: asteriskTime(), args, channel: ch.toJSON() });
    this.log.add("stasisStart", ch.id, { app, args, sent: t });
    ch.emitter.emit("stasisStart");
    return true;
  }

  /** The inbound dialplan after a failed Stasis(): Wait() and try again, then the sorry prompt and Hangup(). */
  private inboundStasis(ch: SimChannel, app: string, args: string[], retriesDone: number): void {
    if (this.tryStasis(ch, app, args)) return;
    const retry = this.cfg.stasisRetry;
    if (!retry) return this.hangup(ch, { cause: 16, by: "dialplan" });
    if (retriesDone < retry.attempts) {
      ch.dialplan = { ...ch.dialplan, app_name: "Wait", app_data: String(retry.waitMs / 1000) };
      ch.timers.add(this.clock.timer(retry.waitMs, () => this.inboundStasis(ch, app, args, retriesDone + 1)));
      return;
    }
    // Playback() answers the channel first; an unknown sound fails at once and the dialplan hangs up.
    ch.dialplan = { ...ch.dialplan, app_name: "Playback", app_data: retry.sorrySound };
    if (ch.state !== "Up") this.setState(ch, "Up");
    const ms = this.cfg.sounds[retry.sorrySound] ?? 0;
    this.log.add("dialplanPlayback", ch.id, { media: `sound:${retry.sorrySound}`, ms });
    ch.timers.add(this.clock.timer(ms, () => this.hangup(ch, { cause: 16, by: "dialplan" })));
  }

  /** Leaves Stasis (continue or hangup): StasisEnd, STASISSTATUS, then the app stops following the channel. */
  leaveStasis(ch: SimChannel, status: "SUCCESS" | "FAILED"): void {
    const app = ch.stasisApp;
    if (!app) return;
    ch.stasisApp = null;
    const t = this.emitChannel(ch, "StasisEnd");
    this.log.add("stasisEnd", ch.id, { app, sent: t });
    this.setVar(ch, "STASISSTATUS", status);
    ch.emitter.emit("stasisEnd");
  }

  /**
   * Hangup from any side. Order as measured on Asterisk 22: ChannelHangupRequest, the running playback
   * fails, queued playbacks start and fail, ChannelLeftBridge, StasisEnd, ChannelVarset, (a second
   * ChannelHangupRequest), ChannelDestroyed, all synchronously.
   *
   * The `cause` of a soft hangup request is ast_softhangup's reason flag, not a Q.850 cause
   * (main/channel.c): the app's DELETE is AST_SOFTHANGUP_EXPLICIT (32, res/ari/resource_channels.c),
   * and a channel that came to Stasis from the dialplan gets AST_SOFTHANGUP_APPUNLOAD (16) when
   * __ast_pbx_run (main/pbx.c) ends after the Stasis app returned. ChannelDestroyed carries the cause.
   */
  hangup(ch: SimChannel, o: { cause?: number; soft?: boolean; by: string; noRequest?: boolean }): void {
    if (ch.hungUp) return;
    const cause = o.cause ?? 16;
    ch.hungUp = true;
    ch.hungUpBy = o.by;
    for (const t of ch.timers) clearTimeout(t);
    ch.timers.clear();
    this.log.add("hangup", ch.id, { by: o.by, cause });
    if (!o.noRequest) {
      this.emitChannel(ch, "ChannelHangupRequest", o.soft ? { cause: SOFTHANGUP_EXPLICIT, soft: true } : { cause });
    }
    ch.control.killForHangup();
    if (ch.dialing) {
      // main/dial.c monitor_dial: ast_read of the hung-up channel fails, the dial publishes a Dial event
      // whose status comes from the hangup cause (ast_hangup_cause_to_dial_status), then ast_hangup.
      const { dialstring } = ch.dialing;
      ch.dialing = null;
      this.emit(ch.apps, { type: "Dial", timestamp: asteriskTime(), dialstatus: dialStatus(cause), forward: "", dialstring, peer: ch.toJSON() });
    }
    if (ch.bridgeId) {
      const bridge = this.bridges.get(ch.bridgeId);
      if (bridge) this.removeFromBridge(bridge, ch);
    }
    this.leaveStasis(ch, "SUCCESS");
    if (ch.runsDialplan) this.emitChannel(ch, "ChannelHangupRequest", { cause: SOFTHANGUP_APPUNLOAD, soft: true });
    this.destroy(ch, cause);
  }

  private destroy(ch: SimChannel, cause: number): void {
    ch.destroyed = true;
    ch.destroyCause = cause;
    this.emitChannel(ch, "ChannelDestroyed", { cause, cause_txt: CAUSE_TEXT[cause] ?? "Unknown" });
    this.channels.delete(ch.id);
    this.log.add("destroyed", ch.id, { cause });
    ch.emitter.emit("destroyed");
  }

  /**
   * A channel left in the dialplan where no extension matches: pbx.c logs "sent to invalid extension but
   * no invalid handler" (the `i` and `e` extensions are not modelled) and hangs up; nothing set a
   * hangup cause, so ChannelDestroyed says 0.
   */
  private invalidExtension(ch: SimChannel, target: { context: string; exten: string; priority: number }): void {
    if (ch.hungUp) return;
    ch.hungUp = true;
    ch.hungUpBy = "dialplan";
    for (const t of ch.timers) clearTimeout(t);
    ch.timers.clear();
    this.log.add("invalidExtension", ch.id, { ...target });
    ch.control.killForHangup();
    this.emitChannel(ch, "ChannelHangupRequest", { cause: SOFTHANGUP_APPUNLOAD, soft: true });
    this.destroy(ch, 0);
  }

  /** Where the channel now runs dialplan: a listed extension keeps the call, anything else drops it. */
  enterDialplan(ch: SimChannel, target: { context: string; exten: string; priority: number }): void {
    ch.runsDialplan = true;
    ch.dialplan = { context: target.context, exten: target.exten, priority: target.priority, app_name: "", app_data: "" };
    if (dialplanHas(this.cfg.dialplan, target.context, target.exten)) return;
    // pbx.c decides on the next turn of its loop, right after the Stasis app returned.
    setImmediate(() => this.invalidExtension(ch, target));
  }

  /** Queues a command on the channel's control thread. */
  queue(ch: SimChannel, cmd: Command): void {
    ch.control.push(cmd);
  }

  /** Answer as a synchronous Stasis command: it waits behind a running playback, like Asterisk. */
  answer(ch: SimChannel, requestedAt: number): Promise<boolean> {
    return new Promise((resolve) => {
      this.queue(ch, {
        kind: "answer",
        start: (done) => {
          this.log.add("answer", ch.id, { requestedAt });
          if (ch.state !== "Up") this.setState(ch, "Up");
          resolve(true);
          done();
        },
        abortForHangup: () => resolve(false),
        runDead: () => resolve(false),
      });
    });
  }

  /** continue: an async command; StasisEnd is immediate when the control queue is idle. */
  continueInDialplan(ch: SimChannel, target: { context: string; exten: string; priority: number; label?: string }, requestedAt: number): void {
    this.queue(ch, {
      kind: "continue",
      start: (done) => {
        if (ch.stasisApp) {
          const app = ch.stasisApp;
          ch.continuedTo = target;
          this.log.add("continue", ch.id, { ...target, requestedAt });
          this.leaveStasis(ch, "SUCCESS");
          ch.apps.delete(app);
          this.enterDialplan(ch, target);
          ch.emitter.emit("continued", target);
        }
        done();
      },
      abortForHangup: () => undefined,
      runDead: () => undefined,
    });
  }

  /** The caller presses a digit; the event is sent when the digit ends (duration_ms). */
  dtmf(ch: SimChannel, digit: string, durationMs: number): void {
    if (ch.hungUp) return;
    const t = this.emitChannel(ch, "ChannelDtmfReceived", { digit, duration_ms: durationMs });
    this.log.add("dtmf", ch.id, { digit, durationMs, delivered: t !== null }, t ?? now());
    ch.emitter.emit("dtmf", digit, durationMs);
  }

  /** The caller starts or stops speaking; a bridge's Recorder hears the mix of a mixing bridge's members. */
  talk(ch: SimChannel, talking: boolean): void {
    ch.talking = talking;
    ch.emitter.emit("talk", talking);
    const bridge = ch.bridgeId ? this.bridges.get(ch.bridgeId) : undefined;
    if (bridge) this.mixTalk(bridge);
  }

  /**
   * The Recorder (role "recorder") hears the mix in a mixing bridge; in a holding bridge it is a
   * participant and hears only the announcer (bridge_holding.c holding_bridge_write), never a caller.
   */
  mixTalk(bridge: SimBridge): void {
    const talking = bridge.type === "mixing" && bridge.channels.some((id) => this.channels.get(id)?.talking);
    for (const rec of bridge.recorders) {
      if (rec.talking === talking) continue;
      rec.talking = talking;
      rec.emitter.emit("talk", talking);
    }
  }

  // ---- bridges (membership is needed by hangup) -----------------------------------------

  /**
   * addChannel: the role replaces the channel's roles (resource_bridges.c clears them first); in a
   * holding bridge a channel without the announcer role is a participant (res/stasis/stasis_bridge.c).
   */
  addToBridge(bridge: SimBridge, ch: SimChannel, role?: string): void {
    const newRole = role || (bridge.type === "holding" ? "holding_participant" : null);
    if (ch.bridgeId === bridge.id) {
      ch.bridgeRole = newRole;
      return;
    }
    if (ch.bridgeId) {
      const old = this.bridges.get(ch.bridgeId);
      if (old) this.removeFromBridge(old, ch);
    }
    ch.bridgeRole = newRole;
    bridge.channels.push(ch.id);
    ch.bridgeId = bridge.id;
    for (const app of ch.apps) bridge.apps.add(app);
    this.emit(new Set([...bridge.apps, ...ch.apps]), {
      type: "ChannelEnteredBridge",
      timestamp: asteriskTime(),
      bridge: bridge.toJSON(),
      channel: ch.toJSON(),
    });
    this.log.add("bridgeEnter", ch.id, { bridgeId: bridge.id, role: ch.bridgeRole });
    this.mixTalk(bridge);
    if (bridge.type === "mixing" && bridge.channels.length >= 2) {
      const members = bridge.channels.map((id) => this.channels.get(id)).filter((c): c is SimChannel => !!c);
      for (const m of members) {
        const others = members.filter((o) => o !== m);
        this.setVar(m, "BRIDGEPEER", others.map((o) => o.name).join(","));
        if (others.length === 1) this.setVar(m, "BRIDGEPVTCALLID", others[0]!.protocolId);
      }
    }
  }

  removeFromBridge(bridge: SimBridge, ch: SimChannel): void {
    const i = bridge.channels.indexOf(ch.id);
    if (i < 0) return;
    bridge.channels.splice(i, 1);
    ch.bridgeId = null;
    // stasis_bridge.c bridge_stasis_pull clears the roles when leaving a holding bridge.
    if (bridge.type === "holding") ch.bridgeRole = null;
    this.emit(new Set([...bridge.apps, ...ch.apps]), {
      type: "ChannelLeftBridge",
      timestamp: asteriskTime(),
      bridge: bridge.toJSON(),
      channel: ch.toJSON(),
    });
    this.log.add("bridgeLeave", ch.id, { bridgeId: bridge.id });
    this.mixTalk(bridge);
    kickLonely(this, bridge);
  }

  destroyBridge(bridge: SimBridge): void {
    for (const id of [...bridge.channels]) {
      const ch = this.channels.get(id);
      if (ch) this.removeFromBridge(bridge, ch);
    }
    bridge.moh = null;
    dropAnnouncer(this, bridge);
    dropRecorders(bridge);
    this.bridges.delete(bridge.id);
    this.emit(bridge.apps, { type: "BridgeDestroyed", timestamp: asteriskTime(), bridge: bridge.toJSON() });
    this.log.add("bridgeDestroy", undefined, { bridgeId: bridge.id });
  }

  shutdown(): void {
    for (const bridge of this.bridges.values()) {
      bridge.announcer?.control.killForHangup();
      for (const rec of bridge.recorders) rec.control.killForHangup();
    }
    for (const ch of [...this.channels.values()]) {
      for (const t of ch.timers) clearTimeout(t);
      ch.control.killForHangup();
    }
    this.apps.closeAll();
  }
}
