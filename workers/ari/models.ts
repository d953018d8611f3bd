import { z } from "zod";

/** ARI data models, field names exactly as Asterisk sends them (rest-api/api-docs/*.json). */

export const CallerIdSchema = z.object({ name: z.string(), number: z.string() });
export type CallerId = z.infer<typeof CallerIdSchema>;

export const DialplanCepSchema = z.object({
  context: z.string(),
  exten: z.string(),
  priority: z.number().nullable(),
  app_name: z.string().optional(),
  app_data: z.string().optional(),
});
export type DialplanCep = z.infer<typeof DialplanCepSchema>;

/** ast_state2str values. */
export type ChannelState =
  | "Down"
  | "Rsrvd"
  | "OffHook"
  | "Dialing"
  | "Ring"
  | "Ringing"
  | "Up"
  | "Busy"
  | "Dialing Offhook"
  | "Pre-ring"
  | "Unknown";

export const ChannelSchema = z.object({
  id: z.string(),
  name: z.string(),
  state: z.string().transform((s) => s as ChannelState),
  protocol_id: z.string().optional(),
  caller: CallerIdSchema,
  connected: CallerIdSchema,
  accountcode: z.string(),
  dialplan: DialplanCepSchema,
  creationtime: z.string(),
  language: z.string(),
  caller_rdnis: z.string().optional(),
  channelvars: z.record(z.string(), z.unknown()).optional(),
  tenantid: z.string().optional(),
});
export type Channel = z.infer<typeof ChannelSchema>;

export type PlaybackState = "queued" | "playing" | "continuing" | "paused" | "done" | "failed";
export const PlaybackSchema = z.object({
  id: z.string(),
  media_uri: z.string(),
  next_media_uri: z.string().optional(),
  target_uri: z.string(),
  language: z.string().optional(),
  state: z.string().transform((s) => s as PlaybackState),
});
export type Playback = z.infer<typeof PlaybackSchema>;

export type LiveRecordingState = "queued" | "recording" | "paused" | "done" | "failed" | "canceled";
export const LiveRecordingSchema = z.object({
  name: z.string(),
  format: z.string(),
  target_uri: z.string(),
  state: z.string().transform((s) => s as LiveRecordingState),
  duration: z.number().optional(),
  talking_duration: z.number().optional(),
  silence_duration: z.number().optional(),
  cause: z.string().optional(),
});
export type LiveRecording = z.infer<typeof LiveRecordingSchema>;

export const StoredRecordingSchema = z.object({ name: z.string(), format: z.string() });
export type StoredRecording = z.infer<typeof StoredRecordingSchema>;

export const BridgeSchema = z.object({
  id: z.string(),
  technology: z.string(),
  bridge_type: z.string(),
  bridge_class: z.string(),
  creator: z.string(),
  name: z.string(),
  channels: z.array(z.string()),
  creationtime: z.string().optional(),
  video_mode: z.string().optional(),
  video_source_id: z.string().optional(),
});
export type Bridge = z.infer<typeof BridgeSchema>;

/** ast_endpoint_snapshot_to_json (main/stasis_endpoints.c); a PJSIP endpoint is online while a contact is reachable. */
export const EndpointSchema = z.object({
  technology: z.string(),
  resource: z.string(),
  state: z.enum(["unknown", "offline", "online"]).optional(),
  channel_ids: z.array(z.string()),
  max_channels: z.number().optional(),
});
export type Endpoint = z.infer<typeof EndpointSchema>;

export const VariableSchema = z.object({ value: z.string() });

export const AsteriskInfoSchema = z.object({
  build: z.record(z.string(), z.unknown()).optional(),
  system: z.object({ version: z.string(), entity_id: z.string() }).optional(),
  config: z.record(z.string(), z.unknown()).optional(),
  status: z.record(z.string(), z.unknown()).optional(),
});
export type AsteriskInfo = z.infer<typeof AsteriskInfoSchema>;

/** Hangup reasons accepted by DELETE /channels/{id}?reason=. */
export type HangupReason = "normal" | "busy" | "congestion" | "no_answer" | "timeout" | "rejected" | "unallocated" | "normal_unspecified" | "number_incomplete" | "codec_mismatch" | "interworking" | "failure" | "answered_elsewhere";
