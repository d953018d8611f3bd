import { EventEmitter } from "node:events";

/** Q.850 cause texts as ast_cause2str gives them. */
export const CAUSE_TEXT: Record<number, string> = {
  0: "Unknown",
  1: "Unallocated (unassigned) number",
  16: "Normal Clearing",
  17: "User busy",
  18: "No user responding",
  19: "User alerting, no answer",
  21: "Call Rejected",
  26: "Answered elsewhere",
  28: "Invalid number format",
  31: "Normal, unspecified",
  34: "Circuit/channel congestion",
  38: "Network out of order",
  58: "Bearer capability not available",
  127: "Interworking, unspecified",
};

/** One unit of work on a channel's Stasis control thread (play, record, answer, continue). */
export interface Command {
  readonly kind: string;
  /** Begin; call done() exactly once when the command has finished. */
  start(done: () => void): void;
  /** The channel hung up while this command ran: finish synchronously, emitting the final events. */
  abortForHangup(): void;
  /** The command was still queued when the channel hung up: run it against a dead channel. */
  runDead(): void;
}

/** Commands run strictly one after another, like res_stasis' control queue. */
export class ControlQueue {
  private readonly queue: Command[] = [];
  private current: Command | null = null;
  private dead = false;

  get idle(): boolean {
    return this.current === null && this.queue.length === 0;
  }

  push(cmd: Command): void {
    if (this.dead) {
      cmd.runDead();
      return;
    }
    this.queue.push(cmd);
    this.pump();
  }

  private pump(): void {
    if (this.current || this.dead) return;
    const cmd = this.queue.shift();
    if (!cmd) return;
    this.current = cmd;
    let finished = false;
    cmd.start(() => {
      if (finished) return;
      finished = true;
      if (this.current === cmd) {
        this.current = null;
        this.pump();
      }
    });
  }

  /** Hangup: abort the running command, then drain the queue against the dead channel, synchronously. */
  killForHangup(): void {
    if (this.dead) return;
    this.dead = true;
    const cur = this.current;
    this.current = null;
    cur?.abortForHangup();
    while (this.queue.length > 0) this.queue.shift()!.runDead();
  }
}

export interface PartyId {
  name: string;
  number: string;
}

export interface DialplanLocation {
  context: string;
  exten: string;
  priority: number;
  app_name: string;
  app_data: string;
}

export class SimChannel {
  /** Emits: playbackStarted, playbackFinished, stateChange, stasisStart, stasisEnd, dtmf, talk, destroyed. */
  readonly emitter = new EventEmitter();
  readonly control = new ControlQueue();
  readonly vars = new Map<string, string>();
  /** Apps that receive this channel's events. */
  readonly apps = new Set<string>();
  /** Far-end / ring timers, cleared at hangup. */
  readonly timers = new Set<NodeJS.Timeout>();
  /** Stasis application controlling the channel; null when not in Stasis. */
  stasisApp: string | null = null;
  bridgeId: string | null = null;
  /** Bridge role set by addChannel?role= (holding bridges: participant or announcer); cleared on leaving a holding bridge. */
  bridgeRole: string | null = null;
  /** `PJSIP/<resource>` of a configured endpoint this channel was originated to (GET /endpoints channel_ids). */
  endpoint: string | null = null;
  /** An originated channel main/dial.c is still dialing (rung, not answered): its hangup ends the dial with a Dial event. */
  dialing: { dialstring: string } | null = null;
  /** Music-on-hold class playing to this channel (POST /channels/{id}/moh), null when none. */
  moh: string | null = null;
  /**
   * Internal channels (the Announcer a bridge plays MOH or announcements with) are hidden from apps by
   * res_stasis.c's app_sanitizer: no events, not in a bridge's `channels`.
   */
  internal = false;
  hungUp = false;
  destroyed = false;
  /** The caller is speaking (script "talk"). */
  talking = false;
  /**
   * Audio frames arrive even while the caller is silent (RTP from a phone). A Local channel whose other
   * half only waits sends none: recordings then end after 4 s (main/app.c "No audio available").
   */
  sendsAudio = true;
  /** Runs under __ast_pbx_run (came from the dialplan, or was continued to it), not an originate straight into an app. */
  runsDialplan = false;
  playbacksStarted = 0;
  playbacksFinished = 0;
  continuedTo: { context: string; exten: string; priority: number; label?: string } | null = null;
  destroyCause: number | null = null;
  hungUpBy: string | null = null;

  constructor(
    readonly id: string,
    public name: string,
    public state: string,
    readonly protocolId: string,
    public caller: PartyId,
    public connected: PartyId,
    public dialplan: DialplanLocation,
    readonly creationtime: string,
    public language: string,
    readonly direction: "inbound" | "outbound",
  ) {
    this.emitter.setMaxListeners(100);
  }

  toJSON(): Record<string, unknown> {
    return {
      id: this.id,
      name: this.name,
      state: this.state,
      protocol_id: this.protocolId,
      caller: { ...this.caller },
      connected: { ...this.connected },
      accountcode: "",
      dialplan: { ...this.dialplan },
      creationtime: this.creationtime,
      language: this.language,
    };
  }
}

export type PlaybackState = "queued" | "playing" | "continuing" | "paused" | "done" | "failed";

export class SimPlayback {
  state: PlaybackState = "queued";
  index = 0;
  canceled = false;
  stopped = false;
  controllable = false;

  constructor(
    readonly id: string,
    readonly medias: string[],
    readonly language: string,
    readonly targetUri: string,
    readonly channelId: string,
  ) {}

  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { id: this.id, media_uri: this.medias[this.index] };
    if (this.index < this.medias.length - 1) json.next_media_uri = this.medias[this.index + 1];
    json.target_uri = this.targetUri;
    json.language = this.language;
    json.state = this.state;
    return json;
  }
}

export type LiveRecordingState = "queued" | "recording" | "paused" | "done" | "failed" | "canceled";

export class SimLiveRecording {
  state: LiveRecordingState = "queued";
  duration: number | null = null;
  talkingDuration: number | null = null;
  cause: string | null = null;
  /** Set by the recording command so the REST stop/cancel can reach it. */
  finish: ((reason: "stop" | "cancel") => void) | null = null;

  constructor(
    readonly name: string,
    readonly format: string,
    readonly targetUri: string,
    readonly channelId: string,
    readonly opts: { maxDurationSeconds: number; maxSilenceSeconds: number; beep: boolean; terminateOn: string; ifExists: string },
  ) {}

  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = {
      name: this.name,
      format: this.format,
      state: this.state,
      target_uri: this.targetUri,
    };
    if (this.duration !== null) json.duration = this.duration;
    if (this.talkingDuration !== null && this.duration !== null) {
      json.talking_duration = this.talkingDuration;
      json.silence_duration = this.duration - this.talkingDuration;
    }
    if (this.cause) json.cause = this.cause;
    return json;
  }
}

export interface StoredRecording {
  name: string;
  format: string;
  durationMs: number;
  data: Buffer;
}

export class SimBridge {
  readonly channels: string[] = [];
  readonly apps = new Set<string>();
  /**
   * MOH through an Announcer channel (res_stasis.c bridge_moh_create): the class it plays (null: no class
   * found, silence); null when the bridge has no MOH channel.
   */
  moh: { mohClass: string | null } | null = null;
  /** The Announcer channel whose control queue plays POST /bridges/{id}/play (resource_bridges.c). */
  announcer: SimChannel | null = null;
  /** The Recorder channels of POST /bridges/{id}/record (resource_bridges.c ast_ari_bridges_record), one per recording. */
  readonly recorders = new Set<SimChannel>();
  constructor(
    readonly id: string,
    readonly type: "mixing" | "holding",
    readonly name: string,
    readonly creationtime: string,
  ) {}

  /** Members the bridge technology counts: the channels plus the internal Announcers (not in `channels`). */
  get memberCount(): number {
    return this.channels.length + (this.moh ? 1 : 0) + (this.announcer ? 1 : 0) + this.recorders.size;
  }

  toJSON(): Record<string, unknown> {
    return {
      id: this.id,
      technology: this.type === "holding" ? "holding_bridge" : this.memberCount > 2 ? "softmix" : "simple_bridge",
      bridge_type: this.type,
      bridge_class: "stasis",
      creator: "Stasis",
      name: this.name,
      channels: [...this.channels],
      creationtime: this.creationtime,
      video_mode: "talker",
    };
  }
}
