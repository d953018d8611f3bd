import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
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

export interface TtsPrompt {
  url: string;
  /** Length of the audio, from the WAV header: how long the caller hears it. */
  lengthMs: number;
}

export interface TtsService {
  /** URL of a WAV file speaking `text`; synthesizes it on the first request only. */
  urlFor(text: string, language: string, voice?: string): Promise<string>;
  /** The same URL with the prompt's length, so a wait for its end can be bounded. */
  promptFor(text: string, language: string, voice?: string): Promise<TtsPrompt>;
}

export function createTtsService(config: TtsServiceConfig): TtsService {
  const base = config.publicBaseUrl.replace(/\/+$/, "");
  const inFlight = new Map<string, Promise<void>>();
  /** A cached file never changes (its name is the hash of its content's inputs). */
  const lengths = new Map<string, number>();

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

  async function urlFor(text: string, language: string, voice: string | undefined): Promise<string> {
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
  }

  return {
    urlFor,
    async promptFor(text, language, voice) {
      const url = await urlFor(text, language, voice);
      const hash = ttsCacheKey({ engineId: config.engine.id, voice, language, text });
      let lengthMs = lengths.get(hash);
      if (lengthMs === undefined) {
        lengthMs = Math.ceil(parseWav(await readFile(ttsCachePath(config.cacheDir, hash))).durationMs);
        if (lengths.size >= 10_000) lengths.clear();
        lengths.set(hash, lengthMs);
      }
      return { url, lengthMs };
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
