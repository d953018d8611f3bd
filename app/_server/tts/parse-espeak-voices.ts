import type { InstalledVoice } from "@/flows-runtime/nodes/shared/tts-languages";

const VOICE_ID = /^[a-z][a-z0-9-]{0,30}$/i;

/**
 * `espeak-ng --voices` output: a header line, then one voice a line:
 * `Pty Language Age/Gender VoiceName File Other Languages`, e.g.
 * ` 5  cmn  --/M  Chinese_(Mandarin,_latin_as_English) sit/cmn  (zh-cmn 5)(zh 5)`.
 */
export function parseEspeakVoices(output: string): InstalledVoice[] {
  const voices: InstalledVoice[] = [];
  for (const line of output.split("\n").slice(1)) {
    const columns = line.trim().split(/\s+/);
    const id = columns[1] ?? "";
    // Variants share a language id ("yue" and its Jyutping spelling): `-v yue` picks the first.
    if (!VOICE_ID.test(id) || voices.some((voice) => voice.id === id.toLowerCase())) continue;
    const others = [...line.matchAll(/\(([a-z0-9-]+) \d+\)/gi)].map((match) => (match[1] ?? "").toLowerCase());
    voices.push({ id: id.toLowerCase(), languages: [id.toLowerCase(), ...others.filter((tag) => tag !== id.toLowerCase())] });
  }
  return voices;
}
