import type { AriClient } from "../ari";
import { AriHttpError } from "../ari/errors";
import type { TtsService } from "../tts/tts-service";
import type { AriOutcome, AsteriskConnection } from "./ari-activities";
import { ApplicationFailure } from "@temporalio/common";

/** An announcement started in the holding bridge: its length when known (TTS). */
export interface AnnounceResult {
  outcome: AriOutcome;
  lengthMs: number | null;
}

/** 404/409 from a command that is fine to find already done (MOH already stopped, channel already out). */
async function tolerant(run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (err) {
    if (err instanceof AriHttpError && (err.isNotFound || err.isConflict)) return;
    throw err;
  }
}

async function exists(run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (err) {
    if (err instanceof AriHttpError && err.isNotFound) return false;
    throw err;
  }
}

/**
 * The media of a queued call (README "Queues and agents"): the caller waits in a holding bridge with
 * music on hold and position announcements; an answered agent joins the caller in a mixing bridge.
 * Each command checks first what is already done, so a re-run after a worker crash changes nothing:
 * bridges are created with the workflow's ids (a second create would be refused), a playback id that
 * exists is not played again.
 */
export function createQueueMediaActivities(asterisks: ReadonlyMap<string, AsteriskConnection>, tts: TtsService) {
  const clientOf = (asteriskId: string): AriClient => {
    const asterisk = asterisks.get(asteriskId);
    if (!asterisk) throw ApplicationFailure.nonRetryable(`no Asterisk "${asteriskId}" in this worker's configuration`, "UnknownAsterisk");
    return asterisk.ari;
  };

  return {
    /** The caller into its holding bridge, with music on hold ("gone": the caller hung up). */
    async holdCaller(asteriskId: string, input: { callId: string; bridgeId: string; mohClass: string }): Promise<AriOutcome> {
      const ari = clientOf(asteriskId);
      if (!(await exists(() => ari.channels.get(input.callId)))) return "gone";
      const bridge = (await exists(() => ari.bridges.get(input.bridgeId)))
        ? await ari.bridges.get(input.bridgeId)
        : await ari.bridges.create({ type: "holding", bridgeId: input.bridgeId, name: input.bridgeId });
      if (!bridge.channels.includes(input.callId)) {
        try {
          await ari.bridges.addChannel(input.bridgeId, input.callId, { role: "participant" });
        } catch (err) {
          if (err instanceof AriHttpError && (err.isNotFound || err.isConflict || err.status === 422)) return "gone";
          throw err;
        }
      }
      // A second start restarts the class: harmless.
      await tolerant(() => ari.bridges.startMoh(input.bridgeId, input.mohClass));
      return "ok";
    },

    /** A holding bridge has one announcer: MOH stops for the announcement; resumeMoh starts it again. */
    async announce(asteriskId: string, input: { bridgeId: string; playbackId: string; text: string; language: string }): Promise<AnnounceResult> {
      const ari = clientOf(asteriskId);
      const prompt = await tts.promptFor(input.text, input.language);
      if (await exists(() => ari.playbacks.get(input.playbackId))) return { outcome: "ok", lengthMs: prompt.lengthMs };
      await tolerant(() => ari.bridges.stopMoh(input.bridgeId));
      try {
        await ari.bridges.play(input.bridgeId, `sound:${prompt.url}`, { playbackId: input.playbackId });
      } catch (err) {
        if (err instanceof AriHttpError && (err.isNotFound || err.isConflict)) return { outcome: "gone", lengthMs: null };
        throw err;
      }
      return { outcome: "ok", lengthMs: prompt.lengthMs };
    },

    /** Ends an announcement (if it still plays) and restarts the music. */
    async resumeMoh(asteriskId: string, input: { bridgeId: string; playbackId: string | null; mohClass: string }): Promise<AriOutcome> {
      const ari = clientOf(asteriskId);
      const { playbackId } = input;
      if (playbackId !== null) await tolerant(() => ari.playbacks.stop(playbackId));
      if (!(await exists(() => ari.bridges.get(input.bridgeId)))) return "gone";
      await tolerant(() => ari.bridges.startMoh(input.bridgeId, input.mohClass));
      return "ok";
    },

    /** Caller out of the holding bridge (its MOH stops), caller and agent into a new mixing bridge. */
    async connectAgent(asteriskId: string, input: { callId: string; legChannelId: string; holdingBridgeId: string; talkBridgeId: string }): Promise<AriOutcome> {
      const ari = clientOf(asteriskId);
      await tolerant(() => ari.bridges.stopMoh(input.holdingBridgeId));
      const talk = (await exists(() => ari.bridges.get(input.talkBridgeId)))
        ? await ari.bridges.get(input.talkBridgeId)
        : await ari.bridges.create({ type: "mixing", bridgeId: input.talkBridgeId, name: input.talkBridgeId });
      const missing = [input.callId, input.legChannelId].filter((id) => !talk.channels.includes(id));
      if (missing.length === 0) return "ok";
      // Adding a channel moves it out of its bridge (Asterisk's bridge move); removing first is explicit.
      if (missing.includes(input.callId)) await tolerant(() => ari.bridges.removeChannel(input.holdingBridgeId, input.callId));
      try {
        await ari.bridges.addChannel(input.talkBridgeId, missing);
      } catch (err) {
        if (err instanceof AriHttpError && (err.isNotFound || err.isConflict || err.status === 422)) return "gone";
        throw err;
      }
      return "ok";
    },

    /**
     * Records the conversation's mixing bridge (POST /bridges/{id}/record). A re-run finds its live
     * recording (409) and leaves it; "gone" when the bridge is.
     */
    async recordBridge(asteriskId: string, input: { bridgeId: string; name: string }): Promise<AriOutcome> {
      const ari = clientOf(asteriskId);
      try {
        await ari.bridges.record(input.bridgeId, { name: input.name, format: "wav", ifExists: "fail" });
      } catch (err) {
        if (err instanceof AriHttpError && err.isConflict) return "ok";
        if (err instanceof AriHttpError && err.isNotFound) return "gone";
        throw err;
      }
      return "ok";
    },

    /** Gone already is fine. */
    async destroyBridgeIfAny(asteriskId: string, bridgeId: string): Promise<void> {
      await tolerant(() => clientOf(asteriskId).bridges.destroy(bridgeId));
    },
  };
}

export type QueueMediaActivities = ReturnType<typeof createQueueMediaActivities>;
