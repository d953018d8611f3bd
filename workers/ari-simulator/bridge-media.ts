import { randomUUID } from "node:crypto";
import { asteriskTime } from "./clock";
import { type SimBridge, SimChannel, SimPlayback } from "./model";
import { PlaybackCommand, type QueuePlaybackResult, playbackCommands } from "./playbacks";
import { type RecordError, queueRecording, startRecording } from "./recordings";
import type { SimSwitch } from "./switch";

/**
 * local_ast_moh_start (res/res_musiconhold.c): the requested class if musiconhold.conf has it, else
 * "default"; null when neither exists (Asterisk logs a warning and plays nothing).
 */
export function resolveMohClass(sw: SimSwitch, requested: string | undefined): string | null {
  if (requested && sw.cfg.mohClasses.includes(requested)) return requested;
  return sw.cfg.mohClasses.includes("default") ? "default" : null;
}

/** An internal media channel of a bridge (chan_bridge_media.c, named like core_unreal.c's ;1 half). */
function mediaChannel(sw: SimSwitch, tech: "Announcer" | "Recorder"): SimChannel {
  const ch = new SimChannel(
    sw.newUniqueId(),
    sw.newMediaChannelName(tech),
    "Up",
    "",
    { name: "", number: "" },
    { name: "", number: "" },
    { context: "default", exten: "s", priority: 1, app_name: "", app_data: "" },
    asteriskTime(),
    "en",
    "outbound",
  );
  ch.internal = true;
  return ch;
}

/** The holding bridge already has an announcer: bridge_holding.c refuses a second one (kicked out). */
function announcerTaken(sw: SimSwitch, bridge: SimBridge): boolean {
  if (bridge.type !== "holding") return false;
  if (bridge.moh || bridge.announcer) return true;
  return bridge.channels.some((id) => sw.channels.get(id)?.bridgeRole === "announcer");
}

/**
 * POST /bridges/{id}/moh (resource_bridges.c ast_ari_bridges_start_moh, res_stasis.c
 * stasis_app_bridge_moh_channel): one internal Announcer channel per bridge plays the class; a second
 * start restarts it with the new class. The Announcer is internal, so apps get no event for it.
 */
export function startBridgeMoh(sw: SimSwitch, bridge: SimBridge, requested: string | undefined): void {
  const mohClass = resolveMohClass(sw, requested);
  if (!bridge.moh && announcerTaken(sw, bridge)) {
    // The MOH channel is kicked out at once; its thread unlinks it (moh_channel_thread), so no MOH remains.
    sw.log.add("bridgeMohRefused", undefined, { bridgeId: bridge.id, reason: "holding bridge already has an announcer" });
    return;
  }
  bridge.moh = { mohClass };
  sw.log.add("bridgeMohStart", undefined, { bridgeId: bridge.id, requested: requested ?? null, mohClass });
}

/** DELETE /bridges/{id}/moh: false when the bridge has no MOH channel (409 "Bridge isn't playing music"). */
export function stopBridgeMoh(sw: SimSwitch, bridge: SimBridge): boolean {
  if (!bridge.moh) return false;
  bridge.moh = null;
  sw.log.add("bridgeMohStop", undefined, { bridgeId: bridge.id });
  return true;
}

/**
 * POST /bridges/{id}/play (resource_bridges.c ari_bridges_handle_play): the bridge's Announcer channel
 * (created by the first play, reused while it lives) queues the playback on its own control, so bridge
 * announcements play one after another; target_uri `bridge:<id>`; the playback events reach the apps
 * that follow the bridge (the Announcer's topic is forwarded to the bridge's).
 */
export function playOnBridge(
  sw: SimSwitch,
  bridge: SimBridge,
  medias: string[],
  language: string | undefined,
  playbackId: string | undefined,
  requestedAt: number,
): QueuePlaybackResult {
  let refused = false;
  if (!bridge.announcer) {
    refused = announcerTaken(sw, bridge);
    bridge.announcer = mediaChannel(sw, "Announcer");
  }
  const announcer = bridge.announcer;
  const pb = new SimPlayback(playbackId || randomUUID(), medias, language || announcer.language, `bridge:${bridge.id}`, announcer.id);
  sw.playbacks.set(pb.id, pb);
  const json = pb.toJSON();
  sw.log.add("bridgePlayRequest", undefined, { bridgeId: bridge.id, playbackId: pb.id, media: medias }, requestedAt);
  const cmd = new PlaybackCommand(sw, announcer, pb, () => bridge.apps);
  playbackCommands.set(pb, cmd);
  sw.queue(announcer, {
    kind: cmd.kind,
    start: (done) =>
      cmd.start(() => {
        done();
        // res_stasis.c stasis_app_control_execute_until_exhausted: with nothing left to run, the
        // Announcer's thread ends and hangs it up (resource_bridges.c bridge_channel_control_thread).
        if (announcer.control.idle && bridge.announcer === announcer) bridge.announcer = null;
      }),
    abortForHangup: () => cmd.abortForHangup(),
    runDead: () => cmd.runDead(),
  });
  if (refused) {
    // bridge_holding.c holding_bridge_join: "Bridge already has one", main/bridge.c kicks the Announcer out,
    // which hangs it up: its playback ends failed.
    sw.log.add("bridgeAnnouncerRefused", undefined, { bridgeId: bridge.id, playbackId: pb.id });
    dropAnnouncer(sw, bridge);
  }
  return { playback: pb, json };
}

/** The bridge's Announcer leaves and hangs up: running and queued playbacks end as on a hangup. */
export function dropAnnouncer(sw: SimSwitch, bridge: SimBridge): void {
  const announcer = bridge.announcer;
  if (!announcer) return;
  bridge.announcer = null;
  announcer.hungUp = true;
  announcer.control.killForHangup();
}

export interface BridgeRecordParams {
  name?: string;
  format?: string;
  maxDurationSeconds: number;
  maxSilenceSeconds: number;
  beep: boolean;
  terminateOn?: string;
  ifExists?: string;
}

/**
 * POST /bridges/{id}/record (resource_bridges.c ast_ari_bridges_record): a Recorder channel (internal,
 * lonely) joins the bridge and records on its own control, target_uri `bridge:<id>`, events to the
 * bridge's apps; it hangs up when the recording ends. Validation: format (422) first, then the
 * recording options as on a channel.
 */
export function recordBridge(
  sw: SimSwitch,
  bridge: SimBridge,
  p: BridgeRecordParams,
): { json: Record<string, unknown>; name: string } | RecordError {
  const recorder = mediaChannel(sw, "Recorder");
  const rec = startRecording(sw, recorder, p, `bridge:${bridge.id}`);
  if ("status" in rec) return rec;
  bridge.recorders.add(recorder);
  sw.mixTalk(bridge);
  const json = queueRecording(sw, recorder, rec, () => bridge.apps);
  recorder.control.push({
    kind: "recorderExhausted",
    start: (done) => {
      bridge.recorders.delete(recorder);
      done();
    },
    abortForHangup: () => undefined,
    runDead: () => undefined,
  });
  return { json, name: rec.name };
}

/** The Recorders leave (bridge emptied or destroyed): their recordings end as on a hangup, still `done`. */
export function dropRecorders(bridge: SimBridge): void {
  for (const recorder of [...bridge.recorders]) {
    bridge.recorders.delete(recorder);
    recorder.hungUp = true;
    recorder.control.killForHangup();
  }
}

/**
 * bridge_channel.c bridge_dissolve_check: when only lonely channels (the Announcers, pushed with
 * AST_BRIDGE_CHANNEL_FLAG_LONELY) remain after a channel left, they are made to leave too: MOH stops and a
 * running announcement ends.
 */
export function kickLonely(sw: SimSwitch, bridge: SimBridge): void {
  if (bridge.channels.length > 0) return;
  if (bridge.moh) {
    bridge.moh = null;
    sw.log.add("bridgeMohStop", undefined, { bridgeId: bridge.id, reason: "last channel left" });
  }
  dropAnnouncer(sw, bridge);
  dropRecorders(bridge);
}
