import { z } from "zod";
import type { LogEntry } from "../call-log";
import type { SimChannel } from "../model";
import { parseScriptDsl } from "../script/dsl";
import { type ScriptRun as ScriptRunT, ScriptRun } from "../script/runner";
import { type CallScript, CallScriptSchema, ScriptStepSchema } from "../script/schema";
import type { SimSwitch } from "../switch";

export const PlaceCallSchema = z.object({
  to: z.string().min(1),
  from: z.string().min(1),
  callerName: z.string().optional(),
  app: z.string().optional(),
  args: z.array(z.string()).optional(),
  language: z.string().optional(),
  /** false: the caller's side sends no audio frames at all (a Local channel whose other half only waits). */
  sendsAudio: z.boolean().optional(),
  /** The caller channel's uniqueid; default the switch's next "<epoch>.<counter>". */
  channelId: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, "letters, digits, . _ - only").optional(),
  /** DSL text, an array of steps, or {steps, timeoutMs}. */
  script: z.union([z.string(), z.array(ScriptStepSchema), CallScriptSchema]).optional(),
});
export type PlaceCallRequest = z.infer<typeof PlaceCallSchema>;

export interface CallStatus {
  callId: string;
  /** Channel state, or "Destroyed". */
  state: string;
  /** The call is over: hung up, or handed to the dialplan and released by the caller. */
  done: boolean;
  inStasis: boolean;
  /** Where `continue` sent the call, if it did. */
  continuedTo: { context: string; exten: string; priority: number; label?: string } | null;
  hungUpBy: string | null;
  cause: number | null;
  /** The configured endpoint (`PJSIP/1001`) a channel was originated to, null for inbound calls. */
  endpoint: string | null;
  bridgeId: string | null;
  /** The music-on-hold class this channel hears (its own MOH, or its bridge's), null when none. */
  hearsMoh: string | null;
  script: { status: string; step: number; error?: string } | null;
  log: LogEntry[];
}

interface SimCall {
  channel: SimChannel;
  script: ScriptRunT | null;
  done: Promise<void>;
}

/**
 * MOH reaching a channel: its own (POST /channels/{id}/moh), else its bridge's Announcer; in a holding
 * bridge only participants hear the announcer (bridge_holding.c holding_bridge_write).
 */
function hearsMoh(sw: SimSwitch, ch: SimChannel): string | null {
  if (ch.moh) return ch.moh;
  const bridge = ch.bridgeId ? sw.bridges.get(ch.bridgeId) : undefined;
  if (!bridge?.moh) return null;
  if (bridge.type === "holding" && ch.bridgeRole === "announcer") return null;
  return bridge.moh.mohClass;
}

export function toScript(s: PlaceCallRequest["script"]): CallScript | null {
  if (s === undefined) return null;
  if (typeof s === "string") return parseScriptDsl(s);
  if (Array.isArray(s)) return { steps: s };
  return s;
}

/** Scripted inbound calls placed through the control API. */
export class CallManager {
  private readonly calls = new Map<string, SimCall>();

  constructor(private readonly sw: SimSwitch) {}

  place(req: PlaceCallRequest): SimChannel {
    const script = toScript(req.script);
    const ch = this.sw.inboundCall({
      to: req.to,
      from: req.from,
      callerName: req.callerName,
      app: req.app,
      args: req.args,
      language: req.language,
      sendsAudio: req.sendsAudio,
      channelId: req.channelId,
    });
    const done = new Promise<void>((resolve) => {
      if (ch.destroyed) return resolve();
      ch.emitter.once("destroyed", () => resolve());
    });
    let run: ScriptRunT | null = null;
    if (script && !ch.destroyed) {
      run = new ScriptRun(this.sw, ch, script);
      run.start();
    }
    this.calls.set(ch.id, { channel: ch, script: run, done });
    return ch;
  }

  /** A channel originated to a configured endpoint: followed for its status (no script; the endpoint's script rules it). */
  track(ch: SimChannel): void {
    const done = new Promise<void>((resolve) => {
      if (ch.destroyed) return resolve();
      ch.emitter.once("destroyed", () => resolve());
    });
    this.calls.set(ch.id, { channel: ch, script: null, done });
  }

  /** A channel the switch created itself (a Local originate) whose caller side follows `script`. */
  adopt(ch: SimChannel, scriptText: string): void {
    const done = new Promise<void>((resolve) => {
      if (ch.destroyed) return resolve();
      ch.emitter.once("destroyed", () => resolve());
    });
    const run = new ScriptRun(this.sw, ch, parseScriptDsl(scriptText));
    // The caller's side starts once it has answered (its dialplan's Answer()).
    if (ch.state === "Up") run.start();
    else {
      const onState = (state: string) => {
        if (state !== "Up") return;
        ch.emitter.off("stateChange", onState);
        run.start();
      };
      ch.emitter.on("stateChange", onState);
      ch.emitter.once("destroyed", () => ch.emitter.off("stateChange", onState));
    }
    this.calls.set(ch.id, { channel: ch, script: run, done });
  }

  has(id: string): boolean {
    return this.calls.has(id);
  }

  status(id: string): CallStatus | null {
    const call = this.calls.get(id);
    if (!call) return null;
    const ch = call.channel;
    return {
      callId: ch.id,
      state: ch.destroyed ? "Destroyed" : ch.state,
      done: ch.destroyed,
      inStasis: ch.stasisApp !== null,
      continuedTo: ch.continuedTo,
      hungUpBy: ch.hungUpBy,
      cause: ch.destroyCause,
      endpoint: ch.endpoint,
      bridgeId: ch.bridgeId,
      hearsMoh: ch.destroyed ? null : hearsMoh(this.sw, ch),
      script: call.script
        ? { status: call.script.status, step: call.script.step, ...(call.script.error ? { error: call.script.error } : {}) }
        : null,
      log: this.sw.log.forChannel(ch.id),
    };
  }

  list(): Array<{ callId: string; state: string; done: boolean }> {
    return [...this.calls.values()].map((c) => ({
      callId: c.channel.id,
      state: c.channel.destroyed ? "Destroyed" : c.channel.state,
      done: c.channel.destroyed,
    }));
  }

  /** Resolves true when the call ended within timeoutMs. */
  async wait(id: string, timeoutMs: number): Promise<boolean> {
    const call = this.calls.get(id);
    if (!call) return false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const r = await Promise.race([call.done.then(() => true as const), timeout]);
    clearTimeout(timer);
    return r;
  }
}
