import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { wavDurationMs } from "./media-cache";

/** Where Debian's asterisk-core-sounds-en-* packages (and a source install) put the English sounds. */
export const SOUND_DIR_CANDIDATES = [
  "/usr/share/asterisk/sounds/en",
  "/usr/share/asterisk/sounds/en_US_f_Allison",
  "/var/lib/asterisk/sounds/en",
];

/** Bytes a second of each raw format (main/formats/format_*.c); gsm is 33-byte frames of 20 ms. */
const RAW_BYTES_PER_SECOND: Record<string, number> = { ulaw: 8000, alaw: 8000, sln: 16000, g722: 8000, gsm: 1650 };

export function defaultSoundsDir(): string | null {
  return SOUND_DIR_CANDIDATES.find((d) => existsSync(d)) ?? null;
}

/** Length in ms of one sound file, from its size (raw formats) or header (wav); null when unknown. */
export function soundFileDurationMs(path: string, ext: string): number | null {
  if (ext === "wav") return wavDurationMs(readFileSync(path));
  const rate = RAW_BYTES_PER_SECOND[ext];
  if (!rate) return null;
  // gsm: whole 20 ms frames, as Asterisk plays them.
  if (ext === "gsm") return Math.floor(statSync(path).size / 33) * 20;
  return Math.round((statSync(path).size / rate) * 1000);
}

/** Durations (ms) of every sound under dir, keyed like Asterisk's sound names: "beep", "digits/1". */
export function readSoundDurations(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        walk(rel);
        continue;
      }
      const m = /^(.*)\.([a-z0-9]+)$/.exec(rel);
      if (!m || out[m[1]!] !== undefined) continue;
      const ms = soundFileDurationMs(join(dir, rel), m[2]!);
      if (ms !== null) out[m[1]!] = ms;
    }
  };
  walk("");
  return out;
}
