import { z } from "zod";
import { type AriEventStream, createAriEventStream } from "./event-stream";
import { AriHttp, seg } from "./http";
import {
  type AsteriskInfo,
  AsteriskInfoSchema,
  type Bridge,
  BridgeSchema,
  type Channel,
  ChannelSchema,
  type Endpoint,
  EndpointSchema,
  type HangupReason,
  type LiveRecording,
  LiveRecordingSchema,
  type Playback,
  PlaybackSchema,
  type StoredRecording,
  StoredRecordingSchema,
  VariableSchema,
} from "./models";

export interface AriClientConfig {
  /** Base URL of Asterisk's HTTP server, e.g. http://127.0.0.1:8088 (no /ari). */
  url: string;
  username: string;
  password: string;
  /** Stasis application name the event stream subscribes to. */
  app: string;
  requestTimeoutMs?: number;
  reconnect?: { initialDelayMs?: number; maxDelayMs?: number };
}

export interface PlayOptions {
  playbackId?: string;
  lang?: string;
  offsetms?: number;
  skipms?: number;
}

export interface RecordOptions {
  name: string;
  format: "wav" | "gsm" | "ulaw" | "alaw" | "sln" | "g722";
  maxDurationSeconds?: number;
  maxSilenceSeconds?: number;
  beep?: boolean;
  terminateOn?: "none" | "any" | "*" | "#";
  ifExists?: "fail" | "overwrite" | "append";
}

export interface ContinueOptions {
  context?: string;
  extension?: string;
  priority?: number;
  label?: string;
}

export interface OriginateOptions {
  endpoint: string;
  app?: string;
  appArgs?: string;
  callerId?: string;
  /** Seconds to wait for an answer (Asterisk default 30, -1 = forever). */
  timeout?: number;
  channelId?: string;
  otherChannelId?: string;
  variables?: Record<string, string>;
  extension?: string;
  context?: string;
  priority?: number;
  label?: string;
}

export interface AriClient {
  readonly channels: {
    list(): Promise<Channel[]>;
    get(id: string): Promise<Channel>;
    answer(id: string): Promise<void>;
    hangup(id: string, reason?: HangupReason): Promise<void>;
    play(id: string, media: string | string[], opts?: PlayOptions): Promise<Playback>;
    record(id: string, opts: RecordOptions): Promise<LiveRecording>;
    continueInDialplan(id: string, opts?: ContinueOptions): Promise<void>;
    setVariable(id: string, name: string, value: string): Promise<void>;
    getVariable(id: string, name: string): Promise<string>;
    originate(opts: OriginateOptions): Promise<Channel>;
    ring(id: string): Promise<void>;
    ringStop(id: string): Promise<void>;
    startMoh(id: string, mohClass?: string): Promise<void>;
    stopMoh(id: string): Promise<void>;
    sendDtmf(id: string, dtmf: string, opts?: { between?: number; duration?: number }): Promise<void>;
  };
  readonly playbacks: {
    get(id: string): Promise<Playback>;
    stop(id: string): Promise<void>;
  };
  readonly bridges: {
    list(): Promise<Bridge[]>;
    get(id: string): Promise<Bridge>;
    create(opts?: { type?: "mixing" | "holding"; bridgeId?: string; name?: string }): Promise<Bridge>;
    /** In a holding bridge: role "announcer" is heard by all, anything else is a participant. */
    addChannel(bridgeId: string, channelIds: string | string[], opts?: { role?: string }): Promise<void>;
    removeChannel(bridgeId: string, channelIds: string | string[]): Promise<void>;
    destroy(bridgeId: string): Promise<void>;
    /** Music on hold to the whole bridge; an unknown class plays Asterisk's "default". */
    startMoh(bridgeId: string, mohClass?: string): Promise<void>;
    /** 409 (AriHttpError.isConflict) when the bridge plays no music. */
    stopMoh(bridgeId: string): Promise<void>;
    /**
     * An announcement to everyone in the bridge (target_uri `bridge:<id>`), queued behind the bridge's
     * earlier ones. A holding bridge has one announcer: stop its MOH first, or the playback fails at once.
     */
    play(bridgeId: string, media: string | string[], opts?: PlayOptions): Promise<Playback>;
    /** Records the bridge's mix (target_uri `bridge:<id>`); in a holding bridge only its announcer is heard. */
    record(bridgeId: string, opts: RecordOptions): Promise<LiveRecording>;
  };
  readonly endpoints: {
    list(): Promise<Endpoint[]>;
    listByTech(technology: string): Promise<Endpoint[]>;
    get(technology: string, resource: string): Promise<Endpoint>;
  };
  readonly recordings: {
    listStored(): Promise<StoredRecording[]>;
    getStored(name: string): Promise<StoredRecording>;
    deleteStored(name: string): Promise<void>;
    getLive(name: string): Promise<LiveRecording>;
    stopLive(name: string): Promise<void>;
    cancelLive(name: string): Promise<void>;
  };
  readonly events: AriEventStream;
  /** All channels Asterisk knows (not only ours): for reconciliation after a reconnect. */
  listChannels(): Promise<Channel[]>;
  asteriskInfo(): Promise<AsteriskInfo>;
}

const list = (ids: string | string[]): string => (Array.isArray(ids) ? ids.join(",") : ids);

const recordQuery = (opts: RecordOptions) => ({
  name: opts.name,
  format: opts.format,
  maxDurationSeconds: opts.maxDurationSeconds,
  maxSilenceSeconds: opts.maxSilenceSeconds,
  beep: opts.beep,
  terminateOn: opts.terminateOn,
  ifExists: opts.ifExists,
});

/**
 * Asterisk splits a media query value on commas; a URI that itself contains a comma must travel in
 * the JSON body as an array instead.
 */
function playRequest(http: AriHttp, path: string, media: string | string[], opts: PlayOptions): Promise<Playback> {
  const medias = Array.isArray(media) ? media : [media];
  const query = { lang: opts.lang, offsetms: opts.offsetms, skipms: opts.skipms };
  if (medias.some((m) => m.includes(","))) {
    return http.request("POST", path, { query, body: { media: medias }, schema: PlaybackSchema });
  }
  return http.request("POST", path, { query: { ...query, media: medias.join(",") }, schema: PlaybackSchema });
}

export function createAriClient(config: AriClientConfig): AriClient {
  const http = new AriHttp({
    url: config.url,
    username: config.username,
    password: config.password,
    timeoutMs: config.requestTimeoutMs,
  });
  const events = createAriEventStream({
    url: config.url,
    username: config.username,
    password: config.password,
    app: config.app,
    initialDelayMs: config.reconnect?.initialDelayMs,
    maxDelayMs: config.reconnect?.maxDelayMs,
  });
  const channelList = () => http.request("GET", "/channels", { schema: z.array(ChannelSchema) });

  return {
    channels: {
      list: channelList,
      get: (id) => http.request("GET", `/channels/${seg(id)}`, { schema: ChannelSchema }),
      answer: (id) => http.request("POST", `/channels/${seg(id)}/answer`),
      hangup: (id, reason) => http.request("DELETE", `/channels/${seg(id)}`, { query: { reason } }),
      play: (id, media, opts = {}) =>
        playRequest(
          http,
          opts.playbackId ? `/channels/${seg(id)}/play/${seg(opts.playbackId)}` : `/channels/${seg(id)}/play`,
          media,
          opts,
        ),
      record: (id, opts) =>
        http.request("POST", `/channels/${seg(id)}/record`, { query: recordQuery(opts), schema: LiveRecordingSchema }),
      continueInDialplan: (id, opts = {}) =>
        http.request("POST", `/channels/${seg(id)}/continue`, {
          query: { context: opts.context, extension: opts.extension, priority: opts.priority, label: opts.label },
        }),
      setVariable: (id, name, value) =>
        http.request("POST", `/channels/${seg(id)}/variable`, { query: { variable: name, value } }),
      getVariable: async (id, name) =>
        (await http.request("GET", `/channels/${seg(id)}/variable`, { query: { variable: name }, schema: VariableSchema }))
          .value,
      originate(opts) {
        const { variables, channelId, ...rest } = opts;
        const path = channelId ? `/channels/${seg(channelId)}` : "/channels";
        return http.request("POST", path, {
          query: { ...rest },
          body: variables ? { variables } : undefined,
          schema: ChannelSchema,
        });
      },
      ring: (id) => http.request("POST", `/channels/${seg(id)}/ring`),
      ringStop: (id) => http.request("DELETE", `/channels/${seg(id)}/ring`),
      startMoh: (id, mohClass) => http.request("POST", `/channels/${seg(id)}/moh`, { query: { mohClass } }),
      stopMoh: (id) => http.request("DELETE", `/channels/${seg(id)}/moh`),
      sendDtmf: (id, dtmf, opts = {}) =>
        http.request("POST", `/channels/${seg(id)}/dtmf`, {
          query: { dtmf, between: opts.between, duration: opts.duration },
        }),
    },
    playbacks: {
      get: (id) => http.request("GET", `/playbacks/${seg(id)}`, { schema: PlaybackSchema }),
      stop: (id) => http.request("DELETE", `/playbacks/${seg(id)}`),
    },
    bridges: {
      list: () => http.request("GET", "/bridges", { schema: z.array(BridgeSchema) }),
      get: (id) => http.request("GET", `/bridges/${seg(id)}`, { schema: BridgeSchema }),
      create: (opts = {}) =>
        http.request("POST", opts.bridgeId ? `/bridges/${seg(opts.bridgeId)}` : "/bridges", {
          query: { type: opts.type ?? "mixing", name: opts.name },
          schema: BridgeSchema,
        }),
      addChannel: (bridgeId, channelIds, opts = {}) =>
        http.request("POST", `/bridges/${seg(bridgeId)}/addChannel`, {
          query: { channel: list(channelIds), role: opts.role },
        }),
      removeChannel: (bridgeId, channelIds) =>
        http.request("POST", `/bridges/${seg(bridgeId)}/removeChannel`, { query: { channel: list(channelIds) } }),
      destroy: (bridgeId) => http.request("DELETE", `/bridges/${seg(bridgeId)}`),
      startMoh: (bridgeId, mohClass) => http.request("POST", `/bridges/${seg(bridgeId)}/moh`, { query: { mohClass } }),
      stopMoh: (bridgeId) => http.request("DELETE", `/bridges/${seg(bridgeId)}/moh`),
      record: (bridgeId, opts) =>
        http.request("POST", `/bridges/${seg(bridgeId)}/record`, { query: recordQuery(opts), schema: LiveRecordingSchema }),
      play: (bridgeId, media, opts = {}) =>
        playRequest(
          http,
          opts.playbackId ? `/bridges/${seg(bridgeId)}/play/${seg(opts.playbackId)}` : `/bridges/${seg(bridgeId)}/play`,
          media,
          opts,
        ),
    },
    endpoints: {
      list: () => http.request("GET", "/endpoints", { schema: z.array(EndpointSchema) }),
      listByTech: (technology) => http.request("GET", `/endpoints/${seg(technology)}`, { schema: z.array(EndpointSchema) }),
      get: (technology, resource) =>
        http.request("GET", `/endpoints/${seg(technology)}/${seg(resource)}`, { schema: EndpointSchema }),
    },
    recordings: {
      listStored: () => http.request("GET", "/recordings/stored", { schema: z.array(StoredRecordingSchema) }),
      getStored: (name) => http.request("GET", `/recordings/stored/${seg(name)}`, { schema: StoredRecordingSchema }),
      deleteStored: (name) => http.request("DELETE", `/recordings/stored/${seg(name)}`),
      getLive: (name) => http.request("GET", `/recordings/live/${seg(name)}`, { schema: LiveRecordingSchema }),
      stopLive: (name) => http.request("POST", `/recordings/live/${seg(name)}/stop`),
      cancelLive: (name) => http.request("DELETE", `/recordings/live/${seg(name)}`),
    },
    events,
    listChannels: channelList,
    asteriskInfo: () => http.request("GET", "/asterisk/info", { schema: AsteriskInfoSchema }),
  };
}
