import type { MediaItem } from "../../flows-runtime/interpreter/effects";
import type { TtsService } from "../tts/tts-service";
import { mediaUri } from "../workflows/media-uri";
import type { AriOutcome } from "./ari-activities";

export interface PlayPromptResult {
  outcome: AriOutcome;
  /** How long the prompt plays when every item's length is known (TTS), else null. */
  lengthMs: number | null;
}

type PlayMedia = (asteriskId: string, channelId: string, media: string[], playbackId: string) => Promise<AriOutcome>;
type StopPlayback = (asteriskId: string, playbackId: string) => Promise<AriOutcome>;

/**
 * One local activity per prompt: TTS lookup and the play command together, so a prompt costs the
 * workflow one activation and one history marker instead of one per TTS item plus one for the play.
 */
export function createPromptActivities(playMedia: PlayMedia, tts: TtsService, stopPlayback?: StopPlayback) {
  return {
    /**
     * `stopFirst`: a barge-in prompt the caller interrupted, stopped here rather than in an activity
     * (and activation) of its own; already over (404) is fine, a channel gone shows in the play.
     */
    async playPrompt(asteriskId: string, channelId: string, media: MediaItem[], playbackId: string, stopFirst: string | null = null): Promise<PlayPromptResult> {
      if (stopFirst !== null) {
        if (!stopPlayback) throw new Error("playPrompt was asked to stop a playback but has no stopPlayback");
        await stopPlayback(asteriskId, stopFirst);
      }
      const prompts = await Promise.all(
        media.map(async (item) => {
          if (item.kind !== "tts") return { uri: mediaUri(item), lengthMs: null };
          const prompt = await tts.promptFor(item.text, item.language, item.voice);
          return { uri: `sound:${prompt.url}`, lengthMs: prompt.lengthMs };
        }),
      );
      const outcome = await playMedia(
        asteriskId,
        channelId,
        prompts.map((p) => p.uri),
        playbackId,
      );
      const lengths = prompts.map((p) => p.lengthMs);
      const lengthMs = lengths.every((ms) => ms !== null) ? lengths.reduce<number>((sum, ms) => sum + (ms ?? 0), 0) : null;
      return { outcome, lengthMs };
    },
  };
}

export type PromptActivities = ReturnType<typeof createPromptActivities>;
