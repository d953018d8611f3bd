import { type EndpointScript, type EndpointScriptInput, EndpointScriptSchema, parseEndpointDsl } from "./endpoints";
import { defaultSoundsDir, readSoundDurations } from "./sound-files";

/** Options of the simulator; every field has a default (see resolveConfig). */
export interface SimulatorOptions {
  /** TCP port; 0 = ephemeral. Default 8088. */
  port?: number;
  host?: string;
  username?: string;
  password?: string;
  /** 0.1 = ten times faster than real time. Default 1. */
  timeScale?: number;
  asteriskId?: string;
  /** Extra or overriding sound durations in ms, keyed by sound name without extension ("hello-world", "custom/menu"). */
  sounds?: Record<string, number>;
  /**
   * Directory of real Asterisk sound files whose lengths replace the built-in table (Debian's
   * asterisk-core-sounds-en-gsm). Default: the first of SOUND_DIR_CANDIDATES that exists; null = table only.
   */
  soundsDir?: string | null;
  /**
   * The dialplan a `continue` (or an originate to an extension) lands in: context -> extensions (names or
   * `_` patterns) whose application keeps the call until the caller hangs up (Queue, Dial…). Anywhere else
   * the channel is "sent to invalid extension" and hung up, as Asterisk's pbx.c does.
   * Default: DEFAULT_DIALPLAN (the contexts the README tells operators to add).
   */
  dialplan?: Record<string, string[]>;
  /**
   * Dialplan contexts that play the caller's side of a `Local/<exten>@<context>` originate (a script in
   * the caller DSL, standing in for Answer/SendDTMF/Wait lines). Default none.
   */
  callerContexts?: Record<string, string>;
  /** Extra time an http(s) prompt plays beyond its WAV length (fetch + cache); Asterisk: 150–500 ms. Default 250. */
  httpMediaDelayMs?: number;
  /** Outbound far end: ms until it rings, then ms of ringing until it answers. */
  ringAfterMs?: number;
  answerAfterMs?: number;
  /** Numbers/extensions whose far end answers busy (cause 17). */
  busyNumbers?: string[];
  /** Numbers/extensions that ring and never answer (originate timeout applies). */
  noAnswerNumbers?: string[];
  /**
   * PJSIP endpoints configured (agents' phones): resource -> script (or its text, see parseEndpointDsl).
   * An originate to `PJSIP/<resource>` follows the endpoint's script; the control API changes them at run time.
   */
  endpoints?: Record<string, EndpointScriptInput | string>;
  /**
   * true (default): an endpoint not in `endpoints` exists and behaves like a trunk (ringAfterMs,
   * answerAfterMs, busyNumbers, noAnswerNumbers). false: it does not exist, as on Asterisk, where the
   * originate fails with 500 Allocation failed (chan_pjsip.c "endpoint was not found").
   */
  openEndpoints?: boolean;
  /** musiconhold.conf classes; an unknown class falls back to "default" (res_musiconhold.c). Default ["default"]. */
  mohClasses?: string[];
  /** Channel technologies that exist; anything else gives 500 Allocation failed. Default ["PJSIP"]. */
  technologies?: string[];
  /** Dialplan context inbound calls arrive in. Default "from-trunk". */
  inboundContext?: string;
  /**
   * The inbound dialplan's answer to Stasis() failing (no application connected, STASISSTATUS=FAILED):
   * Stasis is tried again every `waitMs` (Wait()) up to `attempts` more times, then the caller hears
   * `sorrySound` (Playback answers the channel) and is hung up. Default null: `exten => _X.,1,Stasis(…)`
   * alone, the call is hung up at once.
   */
  stasisRetry?: { attempts: number; waitMs: number; sorrySound: string } | null;
  /** Stasis app inbound scripted calls enter when the call does not name one. Default "cc-flows". */
  defaultApp?: string;
  /** Endpoint name used in inbound channel names (PJSIP/<endpoint>-0000000a); default = caller number. */
  inboundEndpoint?: string;
  /** Default DTMF digit length (ms) for script presses. Default 100. */
  dtmfDurationMs?: number;
  /** Overall script timeout in real ms when a script does not set one. Default 60000. */
  scriptTimeoutMs?: number;
  version?: string;
}

export type SimulatorConfig = Required<Omit<SimulatorOptions, "inboundEndpoint" | "soundsDir" | "endpoints">> & {
  endpoints: Record<string, EndpointScript>;
  inboundEndpoint?: string;
  soundsDir: string | null;
};

/** Queue transfers continue to cc-queues,<queue>,1: every queue name is taken to exist there. */
export const DEFAULT_DIALPLAN: Record<string, string[]> = { "cc-queues": ["_."] };

/**
 * Lengths (ms) of Asterisk's core sounds (en), read from Debian's asterisk-core-sounds-en-gsm 1.6.1
 * (33-byte frames of 20 ms); used when no sound directory is found. beep, tt-weasels, tt-monkeys,
 * demo-congrats and demo-thanks were also measured on Asterisk 22.10.1 (PlaybackStarted → Finished) and agree.
 * Unknown names fail like a missing file.
 */
export const CORE_SOUNDS: Record<string, number> = {
  "hello-world": 1420,
  beep: 440,
  "vm-goodbye": 880,
  "vm-dialout": 2180,
  "demo-thanks": 5520,
  "demo-congrats": 30280,
  "demo-instruct": 73360,
  "demo-echotest": 22000,
  "pls-hold-while-try": 2440,
  "please-try-again": 1260,
  "auth-thankyou": 960,
  "agent-pass": 3300,
  "conf-onlyperson": 3160,
  "queue-thankyou": 1600,
  "queue-callswaiting": 2480,
  "queue-holdtime": 2800,
  "tt-monkeys": 16180,
  "tt-weasels": 2960,
  invalid: 4120,
  goodbye: 940,
  transfer: 2400,
  "ss-noservice": 4940,
  "silence/1": 1000,
  "silence/2": 2000,
  "silence/3": 3000,
  "silence/5": 5000,
  "silence/10": 10000,
  "digits/0": 880,
  "digits/1": 920,
  "digits/2": 760,
  "digits/3": 840,
  "digits/4": 820,
  "digits/5": 840,
  "digits/6": 900,
  "digits/7": 840,
  "digits/8": 700,
  "digits/9": 860,
  "digits/star": 820,
  "digits/pound": 760,
  "letters/dash": 780,
};

function soundsIn(dir: string): Record<string, number> {
  try {
    return readSoundDurations(dir);
  } catch (err) {
    throw new Error(`soundsDir ${dir}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function endpointScript(resource: string, script: EndpointScriptInput | string): EndpointScript {
  try {
    return typeof script === "string" ? parseEndpointDsl(script) : EndpointScriptSchema.parse(script);
  } catch (err) {
    throw new Error(`endpoints.${resource}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export function resolveConfig(o: SimulatorOptions = {}): SimulatorConfig {
  const soundsDir = o.soundsDir === undefined ? defaultSoundsDir() : o.soundsDir;
  return {
    port: o.port ?? 8088,
    host: o.host ?? "127.0.0.1",
    username: o.username ?? "asterisk",
    password: o.password ?? "asterisk",
    timeScale: o.timeScale ?? 1,
    asteriskId: o.asteriskId ?? "52:54:00:a1:b2:c3",
    sounds: { ...CORE_SOUNDS, ...(soundsDir ? soundsIn(soundsDir) : {}), ...(o.sounds ?? {}) },
    soundsDir,
    dialplan: o.dialplan ?? DEFAULT_DIALPLAN,
    callerContexts: o.callerContexts ?? {},
    httpMediaDelayMs: o.httpMediaDelayMs ?? 250,
    ringAfterMs: o.ringAfterMs ?? 100,
    answerAfterMs: o.answerAfterMs ?? 1500,
    busyNumbers: o.busyNumbers ?? [],
    noAnswerNumbers: o.noAnswerNumbers ?? [],
    endpoints: Object.fromEntries(
      Object.entries(o.endpoints ?? {}).map(([resource, script]) => [resource, endpointScript(resource, script)]),
    ),
    openEndpoints: o.openEndpoints ?? true,
    mohClasses: o.mohClasses ?? ["default"],
    technologies: o.technologies ?? ["PJSIP"],
    inboundContext: o.inboundContext ?? "from-trunk",
    stasisRetry: o.stasisRetry ?? null,
    defaultApp: o.defaultApp ?? "cc-flows",
    inboundEndpoint: o.inboundEndpoint,
    dtmfDurationMs: o.dtmfDurationMs ?? 100,
    scriptTimeoutMs: o.scriptTimeoutMs ?? 60_000,
    version: o.version ?? "22.10.0",
  };
}
