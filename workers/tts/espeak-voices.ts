import { TtsError } from "./tts-engine";

/** Flow languages (BCP 47) to espeak-ng voices; the primary subtag is tried when the full tag is not listed. */
const VOICES: Record<string, string> = {
  "zh-cn": "cmn",
  zh: "cmn",
  cmn: "cmn",
  "zh-hk": "yue",
  "en-us": "en-us",
  en: "en-us",
  "en-gb": "en-gb",
};

/** espeak-ng voice names with an optional variant ("en-us+f3"); anything else could be read as an option. */
const VOICE_NAME = /^[a-z][a-z0-9-]{0,30}(\+[a-z0-9]{1,16})?$/i;

export function espeakVoiceFor(language: string, voice?: string): string {
  if (voice !== undefined && voice !== "") {
    if (!VOICE_NAME.test(voice)) throw new TtsError(`invalid espeak-ng voice "${voice}"`);
    return voice;
  }
  const tag = language.trim().toLowerCase().replace(/_/g, "-");
  const found = VOICES[tag] ?? VOICES[tag.split("-")[0] ?? ""];
  if (!found) throw new TtsError(`no espeak-ng voice for language "${language}"`);
  return found;
}
