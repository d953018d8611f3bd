import { chmod, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEspeakEngine } from "./espeak-engine";
import { TtsError } from "./tts-engine";
import { parseWav, type WavInfo } from "./wav-format";

function rms(wav: Buffer, info: WavInfo): number {
  let sum = 0;
  const samples = info.dataBytes / 2;
  for (let i = 0; i < samples; i++) {
    const s = wav.readInt16LE(info.dataOffset + i * 2);
    sum += s * s;
  }
  return Math.sqrt(sum / samples);
}

function expectTelephonyWav(wav: Buffer): WavInfo {
  const info = parseWav(wav);
  expect(wav.toString("ascii", 0, 4)).toBe("RIFF");
  expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
  expect(info).toMatchObject({ audioFormat: 1, channels: 1, sampleRate: 8000, bitsPerSample: 16, dataOffset: 44 });
  expect(info.dataBytes).toBe(wav.length - 44);
  // byte rate and block align must agree with the format, or players misjudge the speed
  expect(wav.readUInt32LE(28)).toBe(16_000);
  expect(wav.readUInt16LE(32)).toBe(2);
  return info;
}

describe("espeak-ng engine", () => {
  const engine = createEspeakEngine();
  let scratch = "";
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), "tts-engine-"));
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it("speaks a Mandarin sentence as 8 kHz mono 16-bit PCM WAV", async () => {
    const wav = await engine.synthesize("您好，欢迎致电客服中心。查询账单请按一，人工服务请按零。", "zh-CN");
    const info = expectTelephonyWav(wav);
    // 26 syllables at a normal pace: a few seconds, not silence and not minutes
    expect(info.durationMs).toBeGreaterThan(2_500);
    expect(info.durationMs).toBeLessThan(20_000);
    expect(rms(wav, info)).toBeGreaterThan(300);
  });

  it("speaks an English sentence as 8 kHz mono 16-bit PCM WAV", async () => {
    const wav = await engine.synthesize("Welcome to the contact center. For billing, press one.", "en-US");
    const info = expectTelephonyWav(wav);
    expect(info.durationMs).toBeGreaterThan(1_500);
    expect(info.durationMs).toBeLessThan(10_000);
    expect(rms(wav, info)).toBeGreaterThan(300);
  });

  it("uses a different voice for Mandarin than for English", async () => {
    const zh = await engine.synthesize("123", "zh-CN");
    const en = await engine.synthesize("123", "en-US");
    expect(zh.equals(en)).toBe(false);
  });

  it("speaks text that looks like command-line options instead of obeying it", async () => {
    const target = path.join(scratch, "injected.wav");
    const wav = await engine.synthesize(`--help -w ${target} -v de`, "en-US");
    expect(expectTelephonyWav(wav).durationMs).toBeGreaterThan(1_000);
    await expect(stat(target)).rejects.toThrow(/ENOENT/);
  });

  it("refuses text over the length limit without starting espeak-ng", async () => {
    const limited = createEspeakEngine({ maxChars: 10, espeakPath: path.join(scratch, "does-not-exist") });
    await expect(limited.synthesize("一二三四五六七八九十十", "zh-CN")).rejects.toThrow(/too long.*11 characters.*maximum is 10/);
    await expect(createEspeakEngine().synthesize("x".repeat(2_001), "en-US")).rejects.toBeInstanceOf(TtsError);
  });

  it("refuses empty text, unknown languages and voices that look like options", async () => {
    await expect(engine.synthesize("  \n ", "en-US")).rejects.toThrow(/empty/);
    await expect(engine.synthesize("hello", "xx-YY")).rejects.toThrow(/no espeak-ng voice for language "xx-YY"/);
    await expect(engine.synthesize("hello", "en-US", "--stdout")).rejects.toThrow(/invalid espeak-ng voice/);
    await expect(engine.synthesize("hello", "en-US", "en;rm")).rejects.toThrow(/invalid espeak-ng voice/);
  });

  it("honours an explicit voice", async () => {
    const plain = await engine.synthesize("hello there", "en-US");
    const female = await engine.synthesize("hello there", "en-US", "en-us+f3");
    expectTelephonyWav(female);
    expect(female.equals(plain)).toBe(false);
  });

  it("kills a hanging engine at the timeout", async () => {
    const hang = path.join(scratch, "hang.sh");
    await writeFile(hang, "#!/bin/sh\nexec sleep 30\n");
    await chmod(hang, 0o755);
    const started = Date.now();
    await expect(createEspeakEngine({ espeakPath: hang, timeoutMs: 300 }).synthesize("hello", "en-US")).rejects.toThrow(
      /timed out after 300 ms/,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("reports a missing program and a failing stage with its stderr", async () => {
    await expect(
      createEspeakEngine({ espeakPath: path.join(scratch, "no-such-espeak") }).synthesize("hello", "en-US"),
    ).rejects.toThrow(/could not be started/);
    const failing = path.join(scratch, "fail.sh");
    await writeFile(failing, "#!/bin/sh\necho 'voice data missing' >&2\nexit 3\n");
    await chmod(failing, 0o755);
    await expect(createEspeakEngine({ espeakPath: failing }).synthesize("hello", "en-US")).rejects.toThrow(
      /exited with code 3: voice data missing/,
    );
  });
});
