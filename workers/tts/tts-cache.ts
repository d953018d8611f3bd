import { createHash } from "node:crypto";
import path from "node:path";
import { TELEPHONY_WAV_FORMAT_ID } from "./wav-format";

/** A cache file name stem: lowercase sha256 hex, nothing else (the media server relies on it). */
export const TTS_HASH = /^[0-9a-f]{64}$/;

export interface TtsCacheKeyInput {
  engineId: string;
  voice: string | undefined;
  language: string;
  text: string;
}

/** JSON array rather than concatenation, so ("ab","c") and ("a","bc") can never collide. */
export function ttsCacheKey(input: TtsCacheKeyInput): string {
  const material = JSON.stringify([input.engineId, input.voice ?? "", input.language, input.text, TELEPHONY_WAV_FORMAT_ID]);
  return createHash("sha256").update(material, "utf8").digest("hex");
}

export function ttsCachePath(cacheDir: string, hash: string): string {
  if (!TTS_HASH.test(hash)) throw new Error(`invalid TTS cache hash "${hash}"`);
  return path.join(cacheDir, `${hash}.wav`);
}
