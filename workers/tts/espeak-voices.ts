import { defaultVoiceFor } from "@/flows-runtime/nodes/shared/tts-languages";
import { TtsError } from "./tts-engine";

/** espeak-ng voice names with an optional variant ("en-us+f3"); anything else could be read as an option. */
const VOICE_NAME = /^[a-z][a-z0-9-]{0,30}(\+[a-z0-9]{1,16})?$/i;

export function espeakVoiceFor(language: string, voice?: string): string {
  if (voice !== undefined && voice !== "") {
    if (!VOICE_NAME.test(voice)) throw new TtsError(`invalid espeak-ng voice "${voice}"`);
    return voice;
  }
  const found = defaultVoiceFor(language);
  if (!found) throw new TtsError(`no espeak-ng voice for language "${language}"`);
  return found;
}
