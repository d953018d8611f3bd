import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TtsEngine } from "./tts-engine";
import { createTtsService } from "./tts-service";
import { parseWav, telephonyWav } from "./wav-format";

interface CountingEngine extends TtsEngine {
  calls: Array<{ text: string; language: string; voice: string | undefined }>;
  release(): void;
}

/** Returns a tiny valid WAV whose samples encode the call number; `gated` holds every call until release(). */
function countingEngine(opts: { gated?: boolean; id?: string } = {}): CountingEngine {
  let open: () => void = () => undefined;
  let gate = opts.gated ? new Promise<void>((r) => (open = r)) : Promise.resolve();
  const calls: CountingEngine["calls"] = [];
  return {
    id: opts.id ?? "counting",
    calls,
    release: () => {
      open();
      gate = Promise.resolve();
    },
    async synthesize(text, language, voice) {
      calls.push({ text, language, voice });
      const n = calls.length;
      await gate;
      const pcm = Buffer.alloc(160);
      pcm.writeInt16LE(n, 0);
      return telephonyWav(pcm);
    },
  };
}

describe("TTS service", () => {
  let cacheDir = "";
  beforeEach(async () => {
    cacheDir = await mkdtemp(path.join(os.tmpdir(), "tts-cache-"));
  });
  afterEach(async () => {
    await rm(cacheDir, { recursive: true, force: true });
  });

  it("returns a content-hash URL under the public base URL and stores the WAV there", async () => {
    const engine = countingEngine();
    const tts = createTtsService({ engine, cacheDir, publicBaseUrl: "http://media.local:8090/" });
    const url = await tts.urlFor("您好", "zh-CN");
    const match = /^http:\/\/media\.local:8090\/tts\/([0-9a-f]{64})\.wav$/.exec(url);
    expect(match).not.toBeNull();
    const stored = await readFile(path.join(cacheDir, `${match?.[1]}.wav`));
    expect(parseWav(stored).sampleRate).toBe(8000);
    expect(engine.calls).toEqual([{ text: "您好", language: "zh-CN", voice: undefined }]);
  });

  it("serves a repeated request from the cache without running the engine again, also after a restart", async () => {
    const engine = countingEngine();
    const tts = createTtsService({ engine, cacheDir, publicBaseUrl: "http://m" });
    const first = await tts.urlFor("Press one", "en-US");
    expect(await tts.urlFor("Press one", "en-US")).toBe(first);
    expect(engine.calls).toHaveLength(1);

    const restarted = countingEngine();
    const again = createTtsService({ engine: restarted, cacheDir, publicBaseUrl: "http://m" });
    expect(await again.urlFor("Press one", "en-US")).toBe(first);
    expect(restarted.calls).toHaveLength(0);
  });

  it("keys the cache on engine, voice, language and text", async () => {
    const engine = countingEngine();
    const tts = createTtsService({ engine, cacheDir, publicBaseUrl: "http://m" });
    const urls = await Promise.all([
      tts.urlFor("1", "en-US"),
      tts.urlFor("1", "zh-CN"),
      tts.urlFor("1", "en-US", "en-us+f3"),
      tts.urlFor("2", "en-US"),
      createTtsService({ engine: countingEngine({ id: "other" }), cacheDir, publicBaseUrl: "http://m" }).urlFor("1", "en-US"),
    ]);
    expect(new Set(urls).size).toBe(5);
    expect(engine.calls).toHaveLength(4);
  });

  it("synthesizes once for concurrent requests of the same text", async () => {
    const engine = countingEngine({ gated: true });
    const tts = createTtsService({ engine, cacheDir, publicBaseUrl: "http://m" });
    const pending = Array.from({ length: 20 }, () => tts.urlFor("Please hold", "en-US"));
    const other = tts.urlFor("Goodbye", "en-US");
    await new Promise((r) => setTimeout(r, 50));
    engine.release();
    const urls = await Promise.all(pending);
    await other;
    expect(new Set(urls).size).toBe(1);
    expect(engine.calls.map((c) => c.text).sort()).toEqual(["Goodbye", "Please hold"]);
  });

  it("leaves only complete files behind (no temp files)", async () => {
    const tts = createTtsService({ engine: countingEngine(), cacheDir, publicBaseUrl: "http://m" });
    await Promise.all(["a", "b", "c"].map((t) => tts.urlFor(t, "en-US")));
    const files = await readdir(cacheDir);
    expect(files).toHaveLength(3);
    for (const f of files) expect(f).toMatch(/^[0-9a-f]{64}\.wav$/);
  });

  it("does not cache failures: the next request tries again", async () => {
    let fail = true;
    let calls = 0;
    const engine: TtsEngine = {
      id: "flaky",
      async synthesize() {
        calls += 1;
        if (fail) throw new Error("engine down");
        return telephonyWav(Buffer.alloc(16));
      },
    };
    const tts = createTtsService({ engine, cacheDir, publicBaseUrl: "http://m" });
    await expect(tts.urlFor("hi", "en-US")).rejects.toThrow("engine down");
    fail = false;
    await expect(tts.urlFor("hi", "en-US")).resolves.toMatch(/\.wav$/);
    expect(calls).toBe(2);
  });

  it("refuses engine output that is not 8 kHz mono 16-bit PCM WAV and caches nothing", async () => {
    const wideband = telephonyWav(Buffer.alloc(16));
    wideband.writeUInt32LE(16_000, 24);
    const outputs = [Buffer.from("ID3 not a wav"), wideband];
    const engine: TtsEngine = { id: "bad", synthesize: async () => outputs.shift() ?? Buffer.alloc(0) };
    const tts = createTtsService({ engine, cacheDir, publicBaseUrl: "http://m" });
    await expect(tts.urlFor("a", "en-US")).rejects.toThrow(/invalid WAV file: not a RIFF\/WAVE file/);
    await expect(tts.urlFor("a", "en-US")).rejects.toThrow(/16000 Hz.*8 kHz mono 16-bit PCM is required/);
    expect(await readdir(cacheDir)).toEqual([]);
  });
});
