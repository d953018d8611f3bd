import { randomUUID } from "node:crypto";
import { mkdir, rename, stat, unlink, writeFile } from "node:fs/promises";
import { ttsCacheKey, ttsCachePath } from "./tts-cache";
import { TtsError, type TtsEngine } from "./tts-engine";
import { isTelephonyWav, parseWav, type WavInfo } from "./wav-format";

export interface TtsServiceConfig {
  engine: TtsEngine;
  /** Shared with the media server that serves the files. */
  cacheDir: string;
  /** Base URL at which Asterisk reaches the media server, e.g. "http://10.0.0.5:8090". */
  publicBaseUrl: string;
}

export interface TtsService {
  /** URL of a WAV file speaking `text`; synthesizes it on the first request only. */
  urlFor(text: string, language: string, voice?: string): Promise<string>;
}

export function createTtsService(config: TtsServiceConfig): TtsService {
  const base = config.publicBaseUrl.replace(/\/+$/, "");
  const inFlight = new Map<string, Promise<void>>();

  async function exists(file: string): Promise<boolean> {
    try {
      return (await stat(file)).isFile();
    } catch {
      return false;
    }
  }

  async function synthesizeInto(file: string, text: string, language: string, voice: string | undefined): Promise<void> {
    const wav = await config.engine.synthesize(text, language, voice);
    assertTelephonyWav(config.engine.id, wav);
    await mkdir(config.cacheDir, { recursive: true });
    // Readers (this process, other workers, the media server) only ever see complete files.
    const temp = `${file}.${process.pid}.${randomUUID()}.tmp`;
    try {
      await writeFile(temp, wav);
      await rename(temp, file);
    } catch (err) {
      await unlink(temp).catch(() => undefined);
      throw err;
    }
  }

  return {
    async urlFor(text, language, voice) {
      const hash = ttsCacheKey({ engineId: config.engine.id, voice, language, text });
      const url = `${base}/tts/${hash}.wav`;
      const file = ttsCachePath(config.cacheDir, hash);
      const running = inFlight.get(hash);
      if (running) {
        await running;
        return url;
      }
      if (await exists(file)) return url;
      // Checked again: another caller may have started while we were looking at the disk.
      let job = inFlight.get(hash);
      if (!job) {
        job = synthesizeInto(file, text, language, voice).finally(() => inFlight.delete(hash));
        inFlight.set(hash, job);
      }
      await job;
      return url;
    },
  };
}

/** Asterisk would play anything else at the wrong speed or as noise, so it never enters the cache. */
function assertTelephonyWav(engineId: string, wav: Buffer): void {
  let info: WavInfo;
  try {
    info = parseWav(wav);
  } catch (err) {
    throw new TtsError(`${engineId} returned an invalid WAV file: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!isTelephonyWav(info)) {
    throw new TtsError(
      `${engineId} returned ${info.sampleRate} Hz, ${info.channels} channel(s), ${info.bitsPerSample}-bit audio (format ${info.audioFormat}); 8 kHz mono 16-bit PCM is required`,
    );
  }
}
