import { request } from "node:http";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEspeakEngine } from "./espeak-engine";
import { createMediaServer, type MediaServer } from "./media-server";
import { createTtsService } from "./tts-service";
import { parseWav, telephonyWav } from "./wav-format";

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** node:http sends the path exactly as given (fetch would normalize "..", which is what we want to test). */
function raw(base: string, rawPath: string, init: { method?: string; headers?: Record<string, string> } = {}): Promise<RawResponse> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path: rawPath, method: init.method ?? "GET", headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

const HASH = "a".repeat(64);

describe("media server", () => {
  let root = "";
  let cacheDir = "";
  let server: MediaServer;
  const wav = telephonyWav(Buffer.alloc(8000, 1));

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "tts-media-"));
    cacheDir = path.join(root, "cache");
    await mkdir(cacheDir);
    await writeFile(path.join(cacheDir, `${HASH}.wav`), wav);
    await writeFile(path.join(cacheDir, `${"b".repeat(64)}.wav.123.tmp`), wav);
    // What a traversal would reach from /tts/: the cache's parent and a system file.
    await writeFile(path.join(root, `${"c".repeat(64)}.wav`), "outside the cache");
    await writeFile(path.join(root, "secret.wav"), "outside the cache");
    server = await createMediaServer({ cacheDir, port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await server.close();
    await rm(root, { recursive: true, force: true });
  });

  it("listens on the requested host and reports its URL", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("serves a cached WAV with the headers Asterisk's media cache needs", async () => {
    const res = await raw(server.url, `/tts/${HASH}.wav`);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("audio/wav");
    expect(res.headers["content-length"]).toBe(String(wav.length));
    expect(res.headers.etag).toBe(`"${HASH}"`);
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(res.body.equals(wav)).toBe(true);
  });

  it("answers HEAD with the headers and no body, and ignores a query string", async () => {
    const head = await raw(server.url, `/tts/${HASH}.wav`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers["content-length"]).toBe(String(wav.length));
    expect(head.body.length).toBe(0);
    expect((await raw(server.url, `/tts/${HASH}.wav?v=2`)).status).toBe(200);
  });

  it("answers 304 without a body when If-None-Match matches", async () => {
    for (const inm of [`"${HASH}"`, `W/"${HASH}"`, `"other", "${HASH}"`, "*"]) {
      const res = await raw(server.url, `/tts/${HASH}.wav`, { headers: { "If-None-Match": inm } });
      expect(res.status, inm).toBe(304);
      expect(res.body.length).toBe(0);
      expect(res.headers.etag).toBe(`"${HASH}"`);
      expect(res.headers["cache-control"]).toContain("immutable");
    }
    const stale = await raw(server.url, `/tts/${HASH}.wav`, { headers: { "If-None-Match": '"other"' } });
    expect(stale.status).toBe(200);
  });

  it("answers 404 for unknown files and anything that is not a cache file name", async () => {
    const paths = [
      `/tts/${"d".repeat(64)}.wav`,
      `/tts/${"b".repeat(64)}.wav.123.tmp`,
      `/tts/${HASH.toUpperCase()}.wav`,
      `/tts/${HASH}.mp3`,
      `/tts/${HASH}`,
      "/",
      "/tts/",
    ];
    for (const p of paths) expect((await raw(server.url, p)).status, p).toBe(404);
  });

  it("refuses path traversal, encoded or not", async () => {
    const attempts = [
      `/tts/../${"c".repeat(64)}.wav`,
      "/tts/../secret.wav",
      `/tts/..%2f${"c".repeat(64)}.wav`,
      `/tts/%2e%2e/${"c".repeat(64)}.wav`,
      `/tts/%2E%2E%2F${"c".repeat(64)}.wav`,
      "/tts/../../../../etc/passwd",
      "/tts/..%2f..%2f..%2f..%2fetc%2fpasswd",
      `/tts/${HASH}.wav/../../secret.wav`,
      `/tts//${HASH}.wav`,
      `/tts/${HASH}.wav%00`,
      `//tts/${HASH}.wav`,
    ];
    for (const p of attempts) {
      const res = await raw(server.url, p);
      expect(res.status, p).toBe(404);
      expect(res.body.toString()).not.toContain("outside the cache");
      expect(res.body.toString()).not.toContain("root:");
    }
  });

  it("has a health check and refuses other methods", async () => {
    const health = await raw(server.url, "/healthz");
    expect(health.status).toBe(200);
    expect(health.body.toString()).toBe("ok\n");
    const post = await raw(server.url, `/tts/${HASH}.wav`, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe("GET, HEAD");
  });

  it("serves what the TTS service synthesized at the URL it returned", async () => {
    const tts = createTtsService({ engine: createEspeakEngine(), cacheDir, publicBaseUrl: server.url });
    const url = await tts.urlFor("Thank you for calling.", "en-US");
    const res = await fetch(url);
    expect(res.status).toBe(200);
    const info = parseWav(Buffer.from(await res.arrayBuffer()));
    expect(info).toMatchObject({ sampleRate: 8000, channels: 1, bitsPerSample: 16 });
    expect(info.durationMs).toBeGreaterThan(500);
  });
});
