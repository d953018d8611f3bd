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
  /** Outbound far end: ms until it rings, then ms of ringing until it answers. */
  ringAfterMs?: number;
  answerAfterMs?: number;
  /** Numbers/extensions whose far end answers busy (cause 17). */
  busyNumbers?: string[];
  /** Numbers/extensions that ring and never answer (originate timeout applies). */
  noAnswerNumbers?: string[];
  /** Channel technologies that exist; anything else gives 500 Allocation failed. Default ["PJSIP"]. */
  technologies?: string[];
  /** Dialplan context inbound calls arrive in. Default "from-trunk". */
  inboundContext?: string;
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

export type SimulatorConfig = Required<Omit<SimulatorOptions, "inboundEndpoint">> & { inboundEndpoint?: string };

/** Plausible durations (ms) of Asterisk core sounds (en). Unknown names fail like a missing file. */
export const CORE_SOUNDS: Record<string, number> = {
  "hello-world": 1330,
  beep: 250,
  "vm-goodbye": 950,
  "vm-dialout": 2180,
  "demo-thanks": 3150,
  "demo-congrats": 9800,
  "demo-instruct": 11500,
  "demo-echotest": 4900,
  "pls-hold-while-try": 2350,
  "please-try-again": 1150,
  "auth-thankyou": 900,
  "agent-pass": 1600,
  "conf-onlyperson": 2250,
  "queue-thankyou": 1900,
  "queue-callswaiting": 1300,
  "queue-holdtime": 1500,
  "tt-monkeys": 10850,
  "tt-weasels": 4100,
  "invalid": 1100,
  "option-is-invalid": 1350,
  "goodbye": 700,
  "thank-you-for-calling": 1300,
  "transfer": 700,
  "privacy-please-stay-on-line-to-be-connected": 2500,
  "silence/1": 1000,
  "silence/2": 2000,
  "silence/3": 3000,
  "silence/5": 5000,
  "silence/10": 10000,
  ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`digits/${i}`, 500])),
  "digits/star": 450,
  "digits/pound": 450,
  "letters/dash": 400,
};

export function resolveConfig(o: SimulatorOptions = {}): SimulatorConfig {
  return {
    port: o.port ?? 8088,
    host: o.host ?? "127.0.0.1",
    username: o.username ?? "asterisk",
    password: o.password ?? "asterisk",
    timeScale: o.timeScale ?? 1,
    asteriskId: o.asteriskId ?? "52:54:00:a1:b2:c3",
    sounds: { ...CORE_SOUNDS, ...(o.sounds ?? {}) },
    ringAfterMs: o.ringAfterMs ?? 100,
    answerAfterMs: o.answerAfterMs ?? 1500,
    busyNumbers: o.busyNumbers ?? [],
    noAnswerNumbers: o.noAnswerNumbers ?? [],
    technologies: o.technologies ?? ["PJSIP"],
    inboundContext: o.inboundContext ?? "from-trunk",
    defaultApp: o.defaultApp ?? "cc-flows",
    inboundEndpoint: o.inboundEndpoint,
    dtmfDurationMs: o.dtmfDurationMs ?? 100,
    scriptTimeoutMs: o.scriptTimeoutMs ?? 60_000,
    version: o.version ?? "22.10.0",
  };
}
