import { ApplicationFailure } from "@temporalio/common";
import type { AriClient } from "../ari";
import { AriHttpError } from "../ari/errors";

/** "gone": the channel (or playback, bridge) no longer exists or left our Stasis app: a hangup. */
export type AriOutcome = "ok" | "gone";

export interface AriActivitiesConfig {
  /** Our Stasis app, which originated transfer legs enter. */
  app: string;
  /** PJSIP endpoint used for `PJSIP/<number>@<trunk>`; unset = transfers to numbers fail. */
  outboundTrunk: string | undefined;
}

export interface OriginateLegInput {
  callId: string;
  legChannelId: string;
  target: { kind: "number"; number: string; callerId: string | null } | { kind: "endpoint"; endpoint: string };
  timeoutSeconds: number;
}

export type OriginateLegResult = { ok: true } | { ok: false; reason: string };

export interface StartRecordingInput {
  channelId: string;
  name: string;
  format: "wav";
  maxDurationSeconds: number;
  maxSilenceSeconds: number;
  beep: boolean;
  terminateOn: "none" | "any" | "*" | "#";
}

/**
 * Runs an ARI command; 404/409 mean the channel is gone (hung up or left Stasis), which the
 * workflow treats as a hangup. Other client errors cannot succeed on retry.
 */
async function command(run: () => Promise<unknown>): Promise<AriOutcome> {
  try {
    await run();
    return "ok";
  } catch (err) {
    if (err instanceof AriHttpError) {
      if (err.isNotFound || err.isConflict) return "gone";
      if (err.status >= 400 && err.status < 500) {
        throw ApplicationFailure.nonRetryable(err.message, "AriClientError");
      }
    }
    throw err;
  }
}

/** Short ARI commands; the workflow runs them as local activities to keep DTMF-to-prompt latency low. */
export function createAriActivities(ari: AriClient, config: AriActivitiesConfig) {
  return {
    answerChannel: (channelId: string) => command(() => ari.channels.answer(channelId)),

    playMedia: (channelId: string, media: string[], playbackId: string) =>
      command(() => ari.channels.play(channelId, media, { playbackId })),

    /** Stopping a playback that already finished is fine. */
    stopPlayback: (playbackId: string) => command(() => ari.playbacks.stop(playbackId)),

    hangupChannel: (channelId: string) => command(() => ari.channels.hangup(channelId, "normal")),

    setChannelVars: (channelId: string, vars: Record<string, string>) =>
      command(async () => {
        for (const [name, value] of Object.entries(vars)) await ari.channels.setVariable(channelId, name, value);
      }),

    continueInDialplan: (channelId: string, context: string, extension: string) =>
      command(() => ari.channels.continueInDialplan(channelId, { context, extension, priority: 1 })),

    startRecording: (input: StartRecordingInput) =>
      command(() =>
        ari.channels.record(input.channelId, {
          name: input.name,
          format: input.format,
          maxDurationSeconds: input.maxDurationSeconds,
          maxSilenceSeconds: input.maxSilenceSeconds,
          beep: input.beep,
          terminateOn: input.terminateOn,
          ifExists: "overwrite",
        }),
      ),

    stopRecording: (name: string) => command(() => ari.recordings.stopLive(name)),

    /** Asks Asterisk whether the channel still exists (in Stasis or in the dialplan). */
    async channelExists(channelId: string): Promise<boolean> {
      try {
        await ari.channels.get(channelId);
        return true;
      } catch (err) {
        if (err instanceof AriHttpError && err.isNotFound) return false;
        throw err;
      }
    },

    async originateLeg(input: OriginateLegInput): Promise<OriginateLegResult> {
      let endpoint: string;
      let callerId: string | undefined;
      if (input.target.kind === "number") {
        if (!config.outboundTrunk) return { ok: false, reason: "no outbound trunk configured (ARI_OUTBOUND_TRUNK)" };
        endpoint = `PJSIP/${input.target.number}@${config.outboundTrunk}`;
        callerId = input.target.callerId ?? undefined;
      } else {
        endpoint = input.target.endpoint;
      }
      try {
        await ari.channels.originate({
          endpoint,
          app: config.app,
          appArgs: `transfer-leg,${input.callId}`,
          channelId: input.legChannelId,
          callerId,
          timeout: input.timeoutSeconds,
        });
        return { ok: true };
      } catch (err) {
        if (err instanceof AriHttpError) return { ok: false, reason: `originate failed: ${err.ariMessage} (${err.status})` };
        throw err;
      }
    },

    bridgeChannels: (bridgeId: string, channelIds: string[]) =>
      command(async () => {
        await ari.bridges.create({ type: "mixing", bridgeId, name: bridgeId });
        await ari.bridges.addChannel(bridgeId, channelIds);
      }),

    destroyBridge: (bridgeId: string) => command(() => ari.bridges.destroy(bridgeId)),
  };
}

export type AriActivities = ReturnType<typeof createAriActivities>;
