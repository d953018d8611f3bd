import type { AnyAriEvent, KnownAriEvent } from "../ari/events";
import type { Channel, PlaybackState } from "../ari/models";

/** ARI payloads for the bridge's unit tests, shaped as Asterisk sends them. */
export function channel(id: string, overrides: Partial<Channel> = {}): Channel {
  return {
    id,
    name: `PJSIP/trunk-${id}`,
    state: "Ring",
    caller: { name: "", number: "13800000000" },
    connected: { name: "", number: "" },
    accountcode: "",
    dialplan: { context: "from-trunk", exten: "4000", priority: 1, app_name: "Stasis", app_data: "cc-flows" },
    creationtime: "2025-01-01T00:00:00.000+0000",
    language: "en",
    ...overrides,
  };
}

const base = { application: "cc-flows", timestamp: "2025-01-01T00:00:00.000+0000" };

export const ev = {
  stasisStart: (id: string, args: string[] = [], overrides: Partial<Channel> = {}): KnownAriEvent => ({
    type: "StasisStart",
    ...base,
    args,
    channel: channel(id, overrides),
  }),
  dtmf: (id: string, digit: string): KnownAriEvent => ({ type: "ChannelDtmfReceived", ...base, digit, duration_ms: 100, channel: channel(id) }),
  playbackStarted: (id: string, playbackId: string): KnownAriEvent => ({
    type: "PlaybackStarted",
    ...base,
    playback: { id: playbackId, media_uri: "sound:beep", target_uri: `channel:${id}`, state: "playing" },
  }),
  playbackFinished: (target: string, playbackId: string, state: PlaybackState = "done"): KnownAriEvent => ({
    type: "PlaybackFinished",
    ...base,
    playback: { id: playbackId, media_uri: "sound:beep", target_uri: target, state },
  }),
  recordingFinished: (id: string, name: string, duration: number): KnownAriEvent => ({
    type: "RecordingFinished",
    ...base,
    recording: { name, format: "wav", target_uri: `channel:${id}`, state: "done", duration },
  }),
  recordingFailed: (id: string, name: string): KnownAriEvent => ({
    type: "RecordingFailed",
    ...base,
    recording: { name, format: "wav", target_uri: `channel:${id}`, state: "failed" },
  }),
  hangupRequest: (id: string, cause?: number): KnownAriEvent => ({
    type: "ChannelHangupRequest",
    ...base,
    ...(cause === undefined ? {} : { cause }),
    channel: channel(id),
  }),
  stasisEnd: (id: string): KnownAriEvent => ({ type: "StasisEnd", ...base, channel: channel(id) }),
  destroyed: (id: string, cause = 16, causeTxt = "Normal Clearing"): KnownAriEvent => ({
    type: "ChannelDestroyed",
    ...base,
    cause,
    cause_txt: causeTxt,
    channel: channel(id),
  }),
  unknown: (type: string): AnyAriEvent => ({ type, unknown: true, raw: { type } }),
};
