import { z } from "zod";

/**
 * Prompt languages (BCP 47, lower case) to the espeak-ng voice that speaks them; the primary subtag
 * is tried when the full tag is not listed. The TTS worker synthesizes with these; the designer
 * offers the languages whose voice is installed.
 */
export const TTS_LANGUAGE_VOICES: Readonly<Record<string, string>> = {
  "zh-cn": "cmn",
  zh: "cmn",
  cmn: "cmn",
  "zh-hk": "yue",
  "en-us": "en-us",
  en: "en-us",
  "en-gb": "en-gb",
};

/** The voice a language is spoken with when a prompt names none; undefined when there is none. */
export function defaultVoiceFor(language: string): string | undefined {
  const tag = language.trim().toLowerCase().replace(/_/g, "-");
  return TTS_LANGUAGE_VOICES[tag] ?? TTS_LANGUAGE_VOICES[tag.split("-")[0] ?? ""];
}

/** Longest prompt text the TTS engine speaks (Unicode code points): several minutes of speech. */
export const TTS_MAX_CHARS = 2_000;

export const installedVoiceSchema = z.object({
  /** What a prompt's `voice` setting holds and espeak-ng's `-v` takes ("cmn", "en-gb-scotland"). */
  id: z.string(),
  /** Language tags the voice speaks, its own first ("cmn", "zh-cmn", "zh"). */
  languages: z.array(z.string()),
});
export type InstalledVoice = z.infer<typeof installedVoiceSchema>;

const primary = (tag: string): string => tag.toLowerCase().split("-")[0] ?? "";

/** Whether an installed voice speaks a prompt language ("cmn" speaks zh-CN; every en-* voice speaks en-US). */
export function voiceSpeaks(voice: InstalledVoice, language: string): boolean {
  return voice.id === defaultVoiceFor(language) || voice.languages.some((tag) => primary(tag) === primary(language));
}
