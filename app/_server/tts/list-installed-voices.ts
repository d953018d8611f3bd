import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { InstalledVoice } from "@/flows-runtime/nodes/shared/tts-languages";
import { parseEspeakVoices } from "./parse-espeak-voices";

const run = promisify(execFile);
const REFRESH_MS = 5 * 60_000;

let cached: { at: number; voices: Promise<InstalledVoice[]> } | null = null;

/**
 * The espeak-ng voices installed on this machine (setup installs espeak-ng where the web app and
 * worker run), re-read every five minutes. None when espeak-ng is missing: the designer then offers
 * only the language's usual voice.
 */
export function listInstalledVoices(now = Date.now()): Promise<InstalledVoice[]> {
  if (cached !== null && now - cached.at < REFRESH_MS) return cached.voices;
  const voices = run("espeak-ng", ["--voices"], { timeout: 5_000, maxBuffer: 1024 * 1024 })
    .then(({ stdout }) => parseEspeakVoices(stdout))
    .catch(() => []);
  cached = { at: now, voices };
  return voices;
}
