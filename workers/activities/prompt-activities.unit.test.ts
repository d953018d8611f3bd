import { describe, expect, it } from "vitest";
import type { MediaItem } from "../../flows-runtime/interpreter/effects";
import type { TtsService } from "../tts/tts-service";
import type { AriOutcome } from "./ari-activities";
import { createPromptActivities } from "./prompt-activities";

/** A TTS service whose prompts last as many ms as their text has characters times 100. */
const fakeTts: TtsService = {
  urlFor: async (text, language) => `http://media/${language}/${encodeURIComponent(text)}.wav`,
  promptFor: async (text, language) => ({ url: `http://media/${language}/${encodeURIComponent(text)}.wav`, lengthMs: text.length * 100 }),
};

function recordingPlayer(outcome: AriOutcome) {
  const plays: { asteriskId: string; channelId: string; media: string[]; playbackId: string }[] = [];
  const playMedia = async (asteriskId: string, channelId: string, media: string[], playbackId: string) => {
    plays.push({ asteriskId, channelId, media, playbackId });
    return outcome;
  };
  return { plays, playMedia };
}

describe("playPrompt: TTS lookup and play in one activity", () => {
  it("plays every item in order with one command and sums the TTS lengths", async () => {
    const player = recordingPlayer("ok");
    const { playPrompt } = createPromptActivities(player.playMedia, fakeTts);
    const result = await playPrompt(
      "east",
      "ch-1",
      [
        { kind: "tts", text: "hello", language: "en-US" },
        { kind: "tts", text: "hi", language: "zh-CN" },
      ],
      "pb-1",
    );
    expect(result).toEqual({ outcome: "ok", lengthMs: 700 });
    expect(player.plays).toEqual([{ asteriskId: "east", channelId: "ch-1", media: ["sound:http://media/en-US/hello.wav", "sound:http://media/zh-CN/hi.wav"], playbackId: "pb-1" }]);
  });

  it("stops the interrupted prompt it is given before playing, already finished (404) or not", async () => {
    const timeline: string[] = [];
    const playMedia = async (_asteriskId: string, _channelId: string, _media: string[], playbackId: string): Promise<AriOutcome> => {
      timeline.push(`play ${playbackId}`);
      return "ok";
    };
    const stopPlayback = async (_asteriskId: string, playbackId: string): Promise<AriOutcome> => {
      timeline.push(`stop ${playbackId}`);
      return playbackId === "pb-over" ? "gone" : "ok";
    };
    const { playPrompt } = createPromptActivities(playMedia, fakeTts, stopPlayback);
    const media: MediaItem[] = [{ kind: "tts", text: "next", language: "en-US" }];
    expect(await playPrompt("default", "ch-1", media, "pb-2", "pb-1")).toEqual({ outcome: "ok", lengthMs: 400 });
    expect(await playPrompt("default", "ch-1", media, "pb-3", "pb-over")).toEqual({ outcome: "ok", lengthMs: 400 });
    expect(await playPrompt("default", "ch-1", media, "pb-4")).toEqual({ outcome: "ok", lengthMs: 400 });
    expect(timeline).toEqual(["stop pb-1", "play pb-2", "stop pb-over", "play pb-3", "play pb-4"]);
  });

  it("has no length when an item's length is unknown (sound files, digits)", async () => {
    const player = recordingPlayer("ok");
    const { playPrompt } = createPromptActivities(player.playMedia, fakeTts);
    const result = await playPrompt(
      "east",
      "ch-2",
      [
        { kind: "tts", text: "your code", language: "en-US" },
        { kind: "digits", value: "42" },
        { kind: "sound", name: "beep" },
      ],
      "pb-2",
    );
    expect(result).toEqual({ outcome: "ok", lengthMs: null });
    expect(player.plays[0]?.media).toEqual(["sound:http://media/en-US/your%20code.wav", "digits:42", "sound:beep"]);
  });

  it("reports a channel that is gone", async () => {
    const player = recordingPlayer("gone");
    const { playPrompt } = createPromptActivities(player.playMedia, fakeTts);
    expect(await playPrompt("east", "ch-3", [{ kind: "tts", text: "bye", language: "en-US" }], "pb-3")).toEqual({ outcome: "gone", lengthMs: 300 });
  });

  it("plays nothing when the TTS lookup fails (the activity is retried whole)", async () => {
    const player = recordingPlayer("ok");
    const broken: TtsService = { ...fakeTts, promptFor: async () => Promise.reject(new Error("espeak-ng failed")) };
    const { playPrompt } = createPromptActivities(player.playMedia, broken);
    await expect(playPrompt("east", "ch-4", [{ kind: "tts", text: "x", language: "en-US" }], "pb-4")).rejects.toThrow("espeak-ng failed");
    expect(player.plays).toEqual([]);
  });
});
