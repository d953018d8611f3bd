import { z } from "zod";
import { BridgeSchema, ChannelSchema, LiveRecordingSchema, PlaybackSchema } from "./models";

/** Fields every ARI event carries (Message + Event in events.json). */
const base = {
  application: z.string(),
  timestamp: z.string().optional(),
  asterisk_id: z.string().optional(),
};

function event<T extends string, S extends z.ZodRawShape>(type: T, shape: S) {
  return z.object({ type: z.literal(type), ...base, ...shape });
}

export const AriEventSchemas = {
  StasisStart: event("StasisStart", {
    args: z.array(z.string()),
    channel: ChannelSchema,
    replace_channel: ChannelSchema.optional(),
  }),
  StasisEnd: event("StasisEnd", { channel: ChannelSchema }),
  ChannelCreated: event("ChannelCreated", { channel: ChannelSchema }),
  ChannelDtmfReceived: event("ChannelDtmfReceived", {
    digit: z.string(),
    duration_ms: z.number(),
    channel: ChannelSchema,
  }),
  ChannelHangupRequest: event("ChannelHangupRequest", {
    cause: z.number().optional(),
    tech_cause: z.number().optional(),
    soft: z.boolean().optional(),
    channel: ChannelSchema,
  }),
  ChannelDestroyed: event("ChannelDestroyed", {
    cause: z.number(),
    tech_cause: z.number().optional(),
    cause_txt: z.string(),
    channel: ChannelSchema,
  }),
  ChannelStateChange: event("ChannelStateChange", { channel: ChannelSchema }),
  ChannelVarset: event("ChannelVarset", {
    variable: z.string(),
    value: z.string(),
    channel: ChannelSchema.optional(),
  }),
  ChannelConnectedLine: event("ChannelConnectedLine", { channel: ChannelSchema }),
  PlaybackStarted: event("PlaybackStarted", { playback: PlaybackSchema }),
  PlaybackContinuing: event("PlaybackContinuing", { playback: PlaybackSchema }),
  PlaybackFinished: event("PlaybackFinished", { playback: PlaybackSchema }),
  RecordingStarted: event("RecordingStarted", { recording: LiveRecordingSchema }),
  RecordingFinished: event("RecordingFinished", { recording: LiveRecordingSchema }),
  RecordingFailed: event("RecordingFailed", { recording: LiveRecordingSchema }),
  ChannelEnteredBridge: event("ChannelEnteredBridge", {
    bridge: BridgeSchema,
    channel: ChannelSchema.optional(),
  }),
  ChannelLeftBridge: event("ChannelLeftBridge", { bridge: BridgeSchema, channel: ChannelSchema }),
  BridgeCreated: event("BridgeCreated", { bridge: BridgeSchema }),
  BridgeDestroyed: event("BridgeDestroyed", { bridge: BridgeSchema }),
  ApplicationReplaced: event("ApplicationReplaced", {}),
  Dial: event("Dial", {
    caller: ChannelSchema.optional(),
    peer: ChannelSchema,
    forward: z.string().optional(),
    forwarded: ChannelSchema.optional(),
    dialstring: z.string().optional(),
    dialstatus: z.string(),
  }),
} as const;

export type KnownAriEventType = keyof typeof AriEventSchemas;
export type AriEventOf<K extends KnownAriEventType> = z.infer<(typeof AriEventSchemas)[K]>;
export type KnownAriEvent = { [K in KnownAriEventType]: AriEventOf<K> }[KnownAriEventType];

export type StasisStartEvent = AriEventOf<"StasisStart">;
export type StasisEndEvent = AriEventOf<"StasisEnd">;
export type ChannelDtmfReceivedEvent = AriEventOf<"ChannelDtmfReceived">;
export type ChannelHangupRequestEvent = AriEventOf<"ChannelHangupRequest">;
export type ChannelDestroyedEvent = AriEventOf<"ChannelDestroyed">;
export type ChannelStateChangeEvent = AriEventOf<"ChannelStateChange">;
export type ChannelVarsetEvent = AriEventOf<"ChannelVarset">;
export type PlaybackStartedEvent = AriEventOf<"PlaybackStarted">;
export type PlaybackFinishedEvent = AriEventOf<"PlaybackFinished">;
export type RecordingStartedEvent = AriEventOf<"RecordingStarted">;
export type RecordingFinishedEvent = AriEventOf<"RecordingFinished">;
export type RecordingFailedEvent = AriEventOf<"RecordingFailed">;
export type ChannelEnteredBridgeEvent = AriEventOf<"ChannelEnteredBridge">;
export type ChannelLeftBridgeEvent = AriEventOf<"ChannelLeftBridge">;
export type ApplicationReplacedEvent = AriEventOf<"ApplicationReplaced">;
export type DialEvent = AriEventOf<"Dial">;
export type ChannelCreatedEvent = AriEventOf<"ChannelCreated">;
export type PlaybackContinuingEvent = AriEventOf<"PlaybackContinuing">;
export type BridgeCreatedEvent = AriEventOf<"BridgeCreated">;
export type BridgeDestroyedEvent = AriEventOf<"BridgeDestroyed">;

/**
 * An event this client has no schema for, or whose payload did not match the schema.
 * It is passed through untouched in `raw`; it never makes the stream fail.
 */
export interface UnknownAriEvent {
  readonly type: string;
  readonly unknown: true;
  readonly application?: string;
  readonly timestamp?: string;
  readonly raw: unknown;
  /** Set when the type is known but the payload failed validation. */
  readonly parseError?: string;
}

export type AnyAriEvent = KnownAriEvent | UnknownAriEvent;

/** Lifecycle of the event WebSocket, emitted by the client itself (not by Asterisk). */
export interface ConnectionEvent {
  readonly type: "connection";
  readonly state: "connected" | "disconnected" | "replaced";
  /** true when this "connected" follows an earlier disconnection: reconcile channels now. */
  readonly reconnected: boolean;
  readonly attempt: number;
  readonly error?: string;
}

export type AriEventMap = { [K in KnownAriEventType]: AriEventOf<K> } & { connection: ConnectionEvent };

export function isKnownEvent(e: AnyAriEvent): e is KnownAriEvent {
  return !("unknown" in e);
}

/** Parses one WebSocket message. Never throws. */
export function parseAriEvent(data: unknown): AnyAriEvent {
  let json: unknown = data;
  if (typeof data === "string") {
    try {
      json = JSON.parse(data);
    } catch (err) {
      return { type: "InvalidJson", unknown: true, raw: data, parseError: String(err) };
    }
  }
  const rec = json && typeof json === "object" ? (json as Record<string, unknown>) : {};
  const type = typeof rec.type === "string" ? rec.type : "Unknown";
  const generic = {
    type,
    unknown: true as const,
    raw: json,
    ...(typeof rec.application === "string" ? { application: rec.application } : {}),
    ...(typeof rec.timestamp === "string" ? { timestamp: rec.timestamp } : {}),
  };
  if (!Object.hasOwn(AriEventSchemas, type)) return generic;
  const schema = AriEventSchemas[type as KnownAriEventType];
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ...generic, parseError: parsed.error.message };
  return parsed.data as KnownAriEvent;
}
