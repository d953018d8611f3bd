import { randomUUID } from "node:crypto";
import { asteriskTime } from "../clock";
import { SimBridge, type SimChannel } from "../model";
import { resolveMohClass } from "../bridge-media";
import { originate } from "../originate";
import { queuePlayback, stopPlayback } from "../playbacks";
import { queueRecording, startRecording } from "../recordings";
import type { SimSwitch } from "../switch";
import { type AriResponse, error } from "./ari-http";
import { type RouteContext, Router } from "./router";
import { addBridgeMediaRoutes } from "./bridge-media-routes";
import { addEndpointRoutes } from "./endpoint-routes";
import { storedRecordingFile } from "./stored-recording-file";

const ok = (body: unknown): AriResponse => ({ status: 200, body });
const noContent: AriResponse = { status: 204 };

/** find_control in resource_channels.c: 404 when the channel does not exist, 409 when it is not in Stasis. */
function findControl(sw: SimSwitch, id: string): SimChannel | AriResponse {
  const ch = sw.channels.get(id);
  if (!ch) return error(404, "Channel not found");
  if (!ch.stasisApp) return error(409, "Channel not in Stasis application");
  return ch;
}

/** channel_state_invalid: unanswered outbound channels cannot be manipulated. */
function stateInvalid(ch: SimChannel): AriResponse | null {
  return ch.state === "Down" || ch.state === "Rsrvd" || ch.state === "Ringing"
    ? error(412, "Channel in invalid state")
    : null;
}

/** find_control + channel_state_invalid. */
function controllable(ctx: RouteContext): SimChannel | AriResponse {
  const ch = findControl(ctx.sw, ctx.vars.channelId!);
  if (!("id" in ch)) return ch;
  return stateInvalid(ch) ?? ch;
}

const isResponse = (x: SimChannel | AriResponse): x is AriResponse => !("id" in x && "control" in x);

/** Simple operations that only log (ring, moh, hold, silence). */
function logged(kind: string): (ctx: RouteContext) => AriResponse {
  return (ctx) => {
    const ch = controllable(ctx);
    if (isResponse(ch)) return ch;
    ctx.sw.log.add(kind, ch.id, { requestedAt: ctx.receivedAt });
    return noContent;
  };
}

const HANGUP_REASONS: Record<string, number> = {
  normal: 16,
  busy: 17,
  congestion: 34,
  no_answer: 19,
  timeout: 18,
  rejected: 21,
  unallocated: 1,
  normal_unspecified: 31,
  number_incomplete: 28,
  codec_mismatch: 58,
  interworking: 127,
  failure: 38,
  answered_elsewhere: 26,
};

function doOriginate(ctx: RouteContext, channelId?: string): AriResponse {
  const p = ctx.params;
  const vars = p.json?.variables;
  let variables: Record<string, string> | undefined;
  if (vars !== undefined) {
    if (!vars || typeof vars !== "object" || Object.values(vars).some((v) => typeof v !== "string")) {
      return error(400, "Only string values in the 'variables' object allowed");
    }
    variables = vars as Record<string, string>;
  }
  const r = originate(
    ctx.sw,
    {
      endpoint: p.str("endpoint"),
      extension: p.str("extension"),
      context: p.str("context"),
      priority: p.int("priority"),
      label: p.str("label"),
      app: p.str("app"),
      appArgs: p.str("appArgs"),
      callerId: p.str("callerId"),
      timeout: p.has("timeout") ? p.int("timeout") : undefined,
      channelId: channelId ?? p.str("channelId"),
      variables,
    },
    ctx.receivedAt,
  );
  return { status: r.status, body: r.body };
}

function play(ctx: RouteContext): AriResponse {
  const ch = controllable(ctx);
  if (isResponse(ch)) return ch;
  const p = ctx.params;
  if (p.int("skipms") < 0) return error(400, "skipms cannot be negative");
  if (p.int("offsetms") < 0) return error(400, "offsetms cannot be negative");
  const medias = p.list("media");
  if (medias.length === 0 || medias.some((m) => m.length === 0)) return error(500, "Failed to queue media for playback");
  const { playback, json } = queuePlayback(
    ctx.sw,
    ch,
    medias,
    p.str("lang") || ch.language,
    ctx.vars.playbackId ?? p.str("playbackId"),
    ctx.receivedAt,
  );
  return { status: 201, body: json, headers: { Location: `/ari/playbacks/${playback.id}` } };
}

function record(ctx: RouteContext): AriResponse {
  const p = ctx.params;
  if (p.int("maxDurationSeconds") < 0) return error(400, "max_duration_seconds cannot be negative");
  if (p.int("maxSilenceSeconds") < 0) return error(400, "max_silence_seconds cannot be negative");
  const ch = findControl(ctx.sw, ctx.vars.channelId!);
  if (isResponse(ch)) return ch;
  const rec = startRecording(ctx.sw, ch, {
    name: p.str("name"),
    format: p.str("format"),
    maxDurationSeconds: p.int("maxDurationSeconds"),
    maxSilenceSeconds: p.int("maxSilenceSeconds"),
    beep: p.bool("beep"),
    terminateOn: p.str("terminateOn"),
    ifExists: p.str("ifExists"),
  });
  if ("status" in rec) return error(rec.status, rec.message);
  const json = queueRecording(ctx.sw, ch, rec);
  return { status: 201, body: json, headers: { Location: `/ari/recordings/live/${encodeURIComponent(rec.name)}` } };
}

function continueInDialplan(ctx: RouteContext): AriResponse {
  const ch = controllable(ctx);
  if (isResponse(ch)) return ch;
  const p = ctx.params;
  const argContext = p.str("context");
  const argExten = p.str("extension");
  const context = argContext || ch.dialplan.context;
  const exten = argContext ? argExten || "s" : argExten || ch.dialplan.exten;
  const label = p.str("label");
  let priority: number;
  if (label) {
    if (!/^\s*[+-]?\d+/.test(label)) return error(404, "Requested label can not be found");
    priority = Number.parseInt(label, 10);
    if (priority === 0) return error(400, "Requested priority is illegal");
  } else if (p.int("priority")) priority = p.int("priority");
  else if (!argContext && !argExten) priority = ch.dialplan.priority + 1;
  else priority = 1;
  ctx.sw.continueInDialplan(ch, { context, exten, priority, ...(label ? { label } : {}) }, ctx.receivedAt);
  return noContent;
}

function addChannels(ctx: RouteContext, remove: boolean): AriResponse {
  const { sw } = ctx;
  const bridge = sw.bridges.get(ctx.vars.bridgeId!);
  if (!bridge) return error(404, "Bridge not found");
  const ids = ctx.params.list("channel").filter((s) => s.length > 0);
  if (ids.length === 0) return error(400, "Missing parameter channel");
  const chans: SimChannel[] = [];
  for (const id of ids) {
    const ch = sw.channels.get(id);
    if (!ch) return error(400, "Channel not found");
    if (!ch.stasisApp) return error(422, "Channel not in Stasis application");
    chans.push(ch);
  }
  if (remove) {
    if (chans.some((c) => c.bridgeId !== bridge.id)) return error(422, "Channel not in this bridge");
    for (const c of chans) sw.removeFromBridge(bridge, c);
    return noContent;
  }
  for (const c of chans) {
    const recording = [...sw.liveRecordings.values()].some((r) => r.channelId === c.id && r.state === "recording");
    if (recording) return error(409, `Channel ${c.id} currently recording`);
    sw.addToBridge(bridge, c, ctx.params.str("role") || undefined);
  }
  return noContent;
}

function createBridge(ctx: RouteContext, id?: string): AriResponse {
  const { sw, params } = ctx;
  const bridgeId = id ?? params.str("bridgeId") ?? randomUUID();
  // resource_bridges.c (create and create_with_id): an id in use is refused, not reused.
  if (sw.bridges.has(bridgeId)) return error(409, `Bridge with id '${bridgeId}' already exists`);
  const types = (params.str("type") ?? "mixing").split(",").map((s) => s.trim());
  const bridge = new SimBridge(bridgeId, types.includes("holding") ? "holding" : "mixing", params.str("name") ?? "", asteriskTime());
  sw.bridges.set(bridge.id, bridge);
  sw.log.add("bridgeCreate", undefined, { bridgeId: bridge.id, type: bridge.type, requestedAt: ctx.receivedAt });
  return ok(bridge.toJSON());
}

function readVariable(ch: SimChannel, name: string): string | null | "error" {
  if (name.endsWith(")")) {
    const m = /^(\w+)\(([^)]*)\)$/.exec(name);
    if (m?.[1] === "CALLERID") {
      if (m[2] === "num" || m[2] === "number") return ch.caller.number;
      if (m[2] === "name") return ch.caller.name;
      if (m[2] === "all") return ch.caller.name ? `"${ch.caller.name}" <${ch.caller.number}>` : ch.caller.number;
    }
    if (m?.[1] === "CHANNEL" && m[2] === "name") return ch.name;
    if (m?.[1] === "CHANNEL" && m[2] === "language") return ch.language;
    return "error";
  }
  if (name === "EXTEN") return ch.dialplan.exten;
  if (name === "CONTEXT") return ch.dialplan.context;
  if (name === "UNIQUEID") return ch.id;
  return ch.vars.get(name) ?? null;
}

export function buildAriRouter(): Router {
  const r = new Router();
  r.add("/channels", {
    GET: ({ sw }) => ok([...sw.channels.values()].map((c) => c.toJSON())),
    POST: (ctx) => doOriginate(ctx),
  });
  r.add("/channels/{channelId}", {
    GET: ({ sw, vars }) => {
      const ch = sw.channels.get(vars.channelId!);
      return ch ? ok(ch.toJSON()) : error(404, "Channel not found");
    },
    POST: (ctx) => doOriginate(ctx, ctx.vars.channelId),
    DELETE: ({ sw, vars, params, receivedAt }) => {
      const ch = sw.channels.get(vars.channelId!);
      if (!ch) return error(404, "Channel not found");
      const reasonCode = params.str("reason_code");
      const reason = params.str("reason");
      let cause: number;
      if (reasonCode) cause = params.int("reason_code");
      else if (!reason) cause = 16;
      else if (HANGUP_REASONS[reason] !== undefined) cause = HANGUP_REASONS[reason]!;
      else return error(400, "Invalid reason for hangup provided");
      sw.log.add("hangupRequest", ch.id, { reason: reason ?? "normal", requestedAt: receivedAt });
      sw.hangup(ch, { cause, soft: true, by: "app" });
      return noContent;
    },
  });
  r.add("/channels/{channelId}/continue", { POST: continueInDialplan });
  r.add("/channels/{channelId}/answer", {
    POST: async (ctx) => {
      const ch = controllable(ctx);
      if (isResponse(ch)) return ch;
      return (await ctx.sw.answer(ch, ctx.receivedAt)) ? noContent : error(500, "Failed to answer channel");
    },
  });
  r.add("/channels/{channelId}/ring", { POST: logged("ring"), DELETE: logged("ringStop") });
  // resource_channels.c ast_ari_channels_start_moh / stop_moh: find_control, channel_state_invalid, then the
  // control's MOH command; the class falls back to "default" (res_musiconhold.c local_ast_moh_start).
  r.add("/channels/{channelId}/moh", {
    POST: (ctx) => {
      const ch = controllable(ctx);
      if (isResponse(ch)) return ch;
      const requested = ctx.params.str("mohClass");
      ch.moh = resolveMohClass(ctx.sw, requested);
      ctx.sw.log.add("mohStart", ch.id, { requested: requested ?? null, mohClass: ch.moh, requestedAt: ctx.receivedAt });
      return noContent;
    },
    DELETE: (ctx) => {
      const ch = controllable(ctx);
      if (isResponse(ch)) return ch;
      ch.moh = null;
      ctx.sw.log.add("mohStop", ch.id, { requestedAt: ctx.receivedAt });
      return noContent;
    },
  });
  r.add("/channels/{channelId}/hold", { POST: logged("hold"), DELETE: logged("unhold") });
  r.add("/channels/{channelId}/silence", { POST: logged("silenceStart"), DELETE: logged("silenceStop") });
  const mute = (kind: string) => (ctx: RouteContext) => {
    const ch = controllable(ctx);
    if (isResponse(ch)) return ch;
    const dir = ctx.params.str("direction");
    if (!dir) return error(400, "Direction is required");
    if (!["in", "out", "both"].includes(dir)) return error(400, "Invalid direction specified");
    ctx.sw.log.add(kind, ch.id, { direction: dir });
    return noContent;
  };
  r.add("/channels/{channelId}/mute", { POST: mute("mute"), DELETE: mute("unmute") });
  r.add("/channels/{channelId}/dtmf", {
    POST: (ctx) => {
      const ch = controllable(ctx);
      if (isResponse(ch)) return ch;
      const dtmf = ctx.params.str("dtmf");
      if (!dtmf) return error(400, "DTMF is required");
      ctx.sw.log.add("sendDtmf", ch.id, { dtmf, requestedAt: ctx.receivedAt });
      return noContent;
    },
  });
  r.add("/channels/{channelId}/play", { POST: play });
  r.add("/channels/{channelId}/play/{playbackId}", { POST: play });
  r.add("/channels/{channelId}/record", { POST: record });
  r.add("/channels/{channelId}/variable", {
    GET: ({ sw, vars, params }) => {
      const name = params.str("variable");
      if (!name) return error(400, "Variable name is required");
      const ch = sw.channels.get(vars.channelId!);
      if (!ch) return error(404, "Provided channel was not found");
      const value = readVariable(ch, name);
      if (value === "error") return error(500, "Unable to read provided function");
      if (value === null) return error(404, "Provided variable was not found");
      return ok({ value });
    },
    POST: (ctx) => {
      const name = ctx.params.str("variable");
      if (!name) return error(400, "Variable name is required");
      const ch = findControl(ctx.sw, ctx.vars.channelId!);
      if (isResponse(ch)) return ch;
      ctx.sw.setVar(ch, name, ctx.params.str("value") ?? "");
      ctx.sw.log.add("setVariable", ch.id, { variable: name, value: ctx.params.str("value") ?? "" });
      return noContent;
    },
  });

  r.add("/playbacks/{playbackId}", {
    GET: ({ sw, vars }) => {
      const pb = sw.playbacks.get(vars.playbackId!);
      return pb ? ok(pb.toJSON()) : error(404, "Playback not found");
    },
    DELETE: ({ sw, vars }) => {
      const pb = sw.playbacks.get(vars.playbackId!);
      if (!pb) return error(404, "Playback not found");
      return stopPlayback(sw, pb) ? noContent : error(500, "Could not stop playback");
    },
  });
  r.add("/playbacks/{playbackId}/control", {
    POST: ({ sw, vars, params }) => {
      const op = params.str("operation");
      if (!op) return error(400, "Missing operation");
      if (!["unpause", "pause", "restart", "reverse", "forward"].includes(op)) return error(400, `Invalid operation ${op}`);
      const pb = sw.playbacks.get(vars.playbackId!);
      if (!pb) return error(404, "Playback not found");
      if (pb.state !== "playing" && !(pb.state === "queued" && op === "restart")) {
        return error(409, `Can only ${op} while media is playing`);
      }
      sw.log.add("playbackControl", pb.channelId, { playbackId: pb.id, operation: op });
      return noContent;
    },
  });

  r.add("/bridges", {
    GET: ({ sw }) => ok([...sw.bridges.values()].map((b) => b.toJSON())),
    POST: (ctx) => createBridge(ctx),
  });
  r.add("/bridges/{bridgeId}", {
    GET: ({ sw, vars }) => {
      const b = sw.bridges.get(vars.bridgeId!);
      return b ? ok(b.toJSON()) : error(404, "Bridge not found");
    },
    POST: (ctx) => createBridge(ctx, ctx.vars.bridgeId),
    DELETE: ({ sw, vars }) => {
      const b = sw.bridges.get(vars.bridgeId!);
      if (!b) return error(404, "Bridge not found");
      sw.destroyBridge(b);
      return noContent;
    },
  });
  r.add("/bridges/{bridgeId}/addChannel", { POST: (ctx) => addChannels(ctx, false) });
  addBridgeMediaRoutes(r);
  r.add("/bridges/{bridgeId}/removeChannel", { POST: (ctx) => addChannels(ctx, true) });

  const stored = (sw: SimSwitch, name: string) => sw.storedRecordings.get(name);
  r.add("/recordings/stored", {
    GET: ({ sw }) => ok([...sw.storedRecordings.values()].map((s) => ({ name: s.name, format: s.format }))),
  });
  r.add("/recordings/stored/{recordingName}", {
    GET: ({ sw, vars }) => {
      const s = stored(sw, vars.recordingName!);
      return s ? ok({ name: s.name, format: s.format }) : error(404, "Recording not found");
    },
    DELETE: ({ sw, vars }) =>
      sw.storedRecordings.delete(vars.recordingName!) ? noContent : error(404, "Recording not found"),
  });
  r.add("/recordings/stored/{recordingName}/file", { GET: ({ sw, vars }) => storedRecordingFile(sw, vars.recordingName!) });
  r.add("/recordings/live/{recordingName}", {
    GET: ({ sw, vars }) => {
      const rec = sw.liveRecordings.get(vars.recordingName!);
      return rec ? ok(rec.toJSON()) : error(404, "Recording not found");
    },
    DELETE: ({ sw, vars }) => {
      const rec = sw.liveRecordings.get(vars.recordingName!);
      if (!rec) return error(404, "Recording not found");
      if (rec.finish) rec.finish("cancel");
      else rec.state = "canceled";
      return noContent;
    },
  });
  r.add("/recordings/live/{recordingName}/stop", {
    POST: ({ sw, vars }) => {
      const rec = sw.liveRecordings.get(vars.recordingName!);
      if (!rec) return error(404, "Recording not found");
      if (rec.finish) rec.finish("stop");
      else rec.state = "done";
      return noContent;
    },
  });

  r.add("/events", {
    GET: () => ({ status: 426, body: null, headers: {} }),
  });
  r.add("/asterisk/info", {
    GET: ({ sw }) =>
      ok({
        build: { os: "Linux", kernel: "6.1.0", machine: "x86_64", options: "", date: "2026-01-01 00:00:00 UTC", user: "sim" },
        system: { version: sw.cfg.version, entity_id: sw.cfg.asteriskId },
        config: { name: "", default_language: "en", setid: { user: "asterisk", group: "asterisk" } },
        status: { startup_time: asteriskTime(sw.startedAt), last_reload_time: asteriskTime(sw.startedAt) },
      }),
  });
  r.add("/asterisk/ping", {
    GET: ({ sw }) => ok({ asterisk_id: sw.cfg.asteriskId, ping: "pong", timestamp: asteriskTime() }),
  });
  const appJson = (sw: SimSwitch, name: string) => ({
    name,
    channel_ids: [...sw.channels.values()].filter((c) => c.apps.has(name)).map((c) => c.id),
    bridge_ids: [...sw.bridges.values()].filter((b) => b.apps.has(name)).map((b) => b.id),
    endpoint_ids: [],
    device_names: [],
    events_allowed: [],
    events_disallowed: [],
  });
  r.add("/applications", { GET: ({ sw }) => ok(sw.apps.names().map((n) => appJson(sw, n))) });
  r.add("/applications/{applicationName}", {
    GET: ({ sw, vars }) =>
      sw.apps.names().includes(vars.applicationName!)
        ? ok(appJson(sw, vars.applicationName!))
        : error(404, "Application not found"),
  });
  addEndpointRoutes(r);
  r.add("/sounds", {
    GET: ({ sw }) =>
      ok(Object.keys(sw.cfg.sounds).map((id) => ({ id, text: "", formats: [{ language: "en", format: "gsm" }] }))),
  });
  return r;
}
