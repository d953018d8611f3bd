import { ApplicationFailure } from "@temporalio/common";
import type { AriClient } from "../ari";
import { AriHttpError } from "../ari/errors";

/** "gone": the channel (or playback, bridge) no longer exists or left our Stasis app: a hangup. */
export type AriOutcome = "ok" | "gone";

export interface AriActivitiesConfig {
  /** Our Stasis app, which originated transfer legs enter. */
  app: string;
}

/** One Asterisk the worker drives, by its id (ASTERISK_SERVERS). */
export interface AsteriskConnection {
  ari: AriClient;
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

/** What ARI says of a playback the workflow waits for; "ended" once Asterisk forgot it (404). */
export type PlaybackProbe = "active" | "ended";

/** What ARI says of a recording; `ended` carries what the lost RecordingFinished would have said. */
export type RecordingProbe = { kind: "active" } | { kind: "ended"; state: string; durationSeconds: number; format: string | null };

/** What ARI says of a channel: gone (404), or its state and whether it is in a Stasis application now. */
export type ChannelProbe = { kind: "gone" } | { kind: "present"; state: string; inStasis: boolean };

const ENDED_PLAYBACK_STATES = new Set(["done", "failed"]);
const ENDED_RECORDING_STATES = new Set(["done", "failed", "canceled"]);

/** A GET whose 404 means "no such thing (any more)". */
async function read<T>(run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AriHttpError && err.isNotFound) return null;
    throw err;
  }
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

/**
 * Short ARI commands; the workflow runs them as local activities to keep DTMF-to-prompt latency low.
 * Each takes first the id of the Asterisk that holds the call (from the workflow's input): channel
 * ids are unique per Asterisk only, so a command must never reach another one.
 */
export function createAriActivities(asterisks: ReadonlyMap<string, AsteriskConnection>, config: AriActivitiesConfig) {
  function on(asteriskId: string): AsteriskConnection {
    const asterisk = asterisks.get(asteriskId);
    if (asterisk) return asterisk;
    // Retrying on this worker cannot help; the call fails loudly rather than drive the wrong switch.
    throw ApplicationFailure.nonRetryable(`no Asterisk "${asteriskId}" in this worker's configuration (ASTERISK_SERVERS lists ${[...asterisks.keys()].join(", ")})`, "UnknownAsterisk");
  }
  const clientOf = (asteriskId: string) => on(asteriskId).ari;

  return {
    /** Answers only a channel that is not Up: a re-run after a worker crash sends no second answer. */
    async answerChannel(asteriskId: string, channelId: string): Promise<AriOutcome> {
      const channel = await read(() => clientOf(asteriskId).channels.get(channelId));
      if (channel === null) return "gone";
      if (channel.state === "Up") return "ok";
      return command(() => clientOf(asteriskId).channels.answer(channelId));
    },

    /**
     * Asterisk accepts a second play with the same playbackId and plays the prompt again, so a
     * re-run (worker crash between the request and its recorded result) asks first: a playback
     * with this id that still exists is left alone.
     */
    async playMedia(asteriskId: string, channelId: string, media: string[], playbackId: string): Promise<AriOutcome> {
      if ((await read(() => clientOf(asteriskId).playbacks.get(playbackId))) !== null) return "ok";
      return command(() => clientOf(asteriskId).channels.play(channelId, media, { playbackId }));
    },

    /** Asterisk removes a playback once it has finished: 404 means it is over. */
    async playbackState(asteriskId: string, playbackId: string): Promise<PlaybackProbe> {
      const playback = await read(() => clientOf(asteriskId).playbacks.get(playbackId));
      return playback === null || ENDED_PLAYBACK_STATES.has(playback.state) ? "ended" : "active";
    },

    /** A live recording is removed when it ends; its stored file then says it was made. */
    async recordingState(asteriskId: string, name: string): Promise<RecordingProbe> {
      const live = await read(() => clientOf(asteriskId).recordings.getLive(name));
      if (live !== null && !ENDED_RECORDING_STATES.has(live.state)) return { kind: "active" };
      if (live !== null) return { kind: "ended", state: live.state, durationSeconds: live.duration ?? 0, format: live.format };
      const stored = await read(() => clientOf(asteriskId).recordings.getStored(name));
      // The length of a finished recording is only in its RecordingFinished event.
      return stored === null ? { kind: "ended", state: "failed", durationSeconds: 0, format: null } : { kind: "ended", state: "done", durationSeconds: 0, format: stored.format };
    },

    async channelState(asteriskId: string, channelId: string): Promise<ChannelProbe> {
      const channel = await read(() => clientOf(asteriskId).channels.get(channelId));
      if (channel === null) return { kind: "gone" };
      return { kind: "present", state: channel.state, inStasis: channel.dialplan.app_name === "Stasis" };
    },

    /** Stopping a playback that already finished is fine. */
    stopPlayback: (asteriskId: string, playbackId: string) => command(() => clientOf(asteriskId).playbacks.stop(playbackId)),

    hangupChannel: (asteriskId: string, channelId: string) => command(() => clientOf(asteriskId).channels.hangup(channelId, "normal")),

    setChannelVars: (asteriskId: string, channelId: string, vars: Record<string, string>) =>
      command(async () => {
        for (const [name, value] of Object.entries(vars)) await clientOf(asteriskId).channels.setVariable(channelId, name, value);
      }),

    /** A re-run finds the channel already out of Stasis (409): fine if it is where we sent it. */
    async continueInDialplan(asteriskId: string, channelId: string, context: string, extension: string): Promise<AriOutcome> {
      const outcome = await command(() => clientOf(asteriskId).channels.continueInDialplan(channelId, { context, extension, priority: 1 }));
      if (outcome === "ok") return outcome;
      const channel = await read(() => clientOf(asteriskId).channels.get(channelId));
      return channel !== null && channel.dialplan.context === context && channel.dialplan.exten === extension ? "ok" : "gone";
    },

    /** Not started again when it runs or ran already: `ifExists: overwrite` would erase the caller's message. */
    async startRecording(asteriskId: string, input: StartRecordingInput): Promise<AriOutcome> {
      const [live, stored] = await Promise.all([read(() => clientOf(asteriskId).recordings.getLive(input.name)), read(() => clientOf(asteriskId).recordings.getStored(input.name))]);
      if (live !== null || stored !== null) return "ok";
      return command(() =>
        clientOf(asteriskId).channels.record(input.channelId, {
          name: input.name,
          format: input.format,
          maxDurationSeconds: input.maxDurationSeconds,
          maxSilenceSeconds: input.maxSilenceSeconds,
          beep: input.beep,
          terminateOn: input.terminateOn,
          ifExists: "overwrite",
        }),
      );
    },

    stopRecording: (asteriskId: string, name: string) => command(() => clientOf(asteriskId).recordings.stopLive(name)),

    /** Asks Asterisk whether the channel still exists (in Stasis or in the dialplan). */
    async channelExists(asteriskId: string, channelId: string): Promise<boolean> {
      try {
        await clientOf(asteriskId).channels.get(channelId);
        return true;
      } catch (err) {
        if (err instanceof AriHttpError && err.isNotFound) return false;
        throw err;
      }
    },

    async originateLeg(asteriskId: string, input: OriginateLegInput): Promise<OriginateLegResult> {
      let endpoint: string;
      let callerId: string | undefined;
      if (input.target.kind === "number") {
        const trunk = on(asteriskId).outboundTrunk;
        if (!trunk) return { ok: false, reason: "no outbound trunk configured (ARI_OUTBOUND_TRUNK, or outboundTrunk in ASTERISK_SERVERS)" };
        endpoint = `PJSIP/${input.target.number}@${trunk}`;
        callerId = input.target.callerId ?? undefined;
      } else {
        endpoint = input.target.endpoint;
      }
      try {
        await clientOf(asteriskId).channels.originate({
          endpoint,
          app: config.app,
          appArgs: `transfer-leg,${input.callId}`,
          channelId: input.legChannelId,
          callerId,
          timeout: input.timeoutSeconds,
        });
        return { ok: true };
      } catch (err) {
        // The leg's id is ours (call id + a workflow uuid): it exists because an earlier attempt created it.
        if (err instanceof AriHttpError && err.isConflict) return { ok: true };
        if (err instanceof AriHttpError) return { ok: false, reason: `originate failed: ${err.ariMessage} (${err.status})` };
        throw err;
      }
    },

    /** Asterisk refuses a second create with the same id (409): a re-run uses the bridge it made. */
    bridgeChannels: (asteriskId: string, bridgeId: string, channelIds: string[]) =>
      command(async () => {
        if ((await read(() => clientOf(asteriskId).bridges.get(bridgeId))) === null) await clientOf(asteriskId).bridges.create({ type: "mixing", bridgeId, name: bridgeId });
        await clientOf(asteriskId).bridges.addChannel(bridgeId, channelIds);
      }),

    destroyBridge: (asteriskId: string, bridgeId: string) => command(() => clientOf(asteriskId).bridges.destroy(bridgeId)),
  };
}

export type AriActivities = ReturnType<typeof createAriActivities>;
