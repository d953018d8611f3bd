import type { TtsService } from "../tts/tts-service";

export function createTtsActivities(tts: TtsService) {
  return {
    /** An http URL Asterisk can play for the text (synthesized once, then cached). */
    ttsUrl: (text: string, language: string, voice: string | null) => tts.urlFor(text, language, voice ?? undefined),
    /** The URL and the prompt's length (from its WAV header), so the workflow can bound its wait. */
    ttsPrompt: (text: string, language: string, voice: string | null) => tts.promptFor(text, language, voice ?? undefined),
  };
}

export type TtsActivities = ReturnType<typeof createTtsActivities>;
