import { playOnBridge, recordBridge, startBridgeMoh, stopBridgeMoh } from "../bridge-media";
import { RECORDING_FORMATS } from "../recordings";
import { type AriResponse, error } from "./ari-http";
import type { RouteContext, Router } from "./router";

const noContent: AriResponse = { status: 204 };

/**
 * POST /bridges/{id}/play[/{playbackId}] (resource_bridges.c): 404 for an unknown bridge; media, skipms and
 * offsetms are only checked by stasis_app_control_play_uri, whose failure is an allocation failure (500).
 */
function playBridge(ctx: RouteContext): AriResponse {
  const bridge = ctx.sw.bridges.get(ctx.vars.bridgeId!);
  if (!bridge) return error(404, "Bridge not found");
  const p = ctx.params;
  const medias = p.list("media").filter((m) => m.length > 0);
  if (medias.length === 0 || p.int("skipms") < 0 || p.int("offsetms") < 0) {
    return { status: 500, body: { error: "Allocation failed" } };
  }
  const { playback, json } = playOnBridge(
    ctx.sw,
    bridge,
    medias,
    p.str("lang"),
    ctx.vars.playbackId ?? p.str("playbackId"),
    ctx.receivedAt,
  );
  return { status: 201, body: json, headers: { Location: `/ari/playbacks/${playback.id}` } };
}

/** Bridge MOH, announcements and recording (res/ari/resource_bridges.c). */
export function addBridgeMediaRoutes(r: Router): void {
  r.add("/bridges/{bridgeId}/moh", {
    POST: (ctx) => {
      const b = ctx.sw.bridges.get(ctx.vars.bridgeId!);
      if (!b) return error(404, "Bridge not found");
      startBridgeMoh(ctx.sw, b, ctx.params.str("mohClass"));
      return noContent;
    },
    DELETE: (ctx) => {
      const b = ctx.sw.bridges.get(ctx.vars.bridgeId!);
      if (!b) return error(404, "Bridge not found");
      return stopBridgeMoh(ctx.sw, b) ? noContent : error(409, "Bridge isn't playing music");
    },
  });
  r.add("/bridges/{bridgeId}/record", {
    POST: (ctx) => {
      const b = ctx.sw.bridges.get(ctx.vars.bridgeId!);
      if (!b) return error(404, "Bridge not found");
      const p = ctx.params;
      const format = p.str("format");
      if (!format || !RECORDING_FORMATS.includes(format)) return error(422, "specified format is unknown on this system");
      const r = recordBridge(ctx.sw, b, {
        name: p.str("name"),
        format,
        maxDurationSeconds: p.int("maxDurationSeconds"),
        maxSilenceSeconds: p.int("maxSilenceSeconds"),
        beep: p.bool("beep"),
        terminateOn: p.str("terminateOn"),
        ifExists: p.str("ifExists"),
      });
      if ("status" in r) return error(r.status, r.message);
      return { status: 201, body: r.json, headers: { Location: `/ari/recordings/live/${encodeURIComponent(r.name)}` } };
    },
  });
  r.add("/bridges/{bridgeId}/play", { POST: playBridge });
  r.add("/bridges/{bridgeId}/play/{playbackId}", { POST: playBridge });
}
