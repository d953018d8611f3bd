import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveConfig } from "./config";
import { audioDurationMs, silentWav, wavDurationMs } from "./media-cache";
import { type AriSimulator, startAriSimulator } from "./server";
import { type RawSubscriber, ari, subscribe } from "./test-support";

let sim: AriSimulator;
let sub: RawSubscriber;
let media: Server;
let mediaUrl: string;
const hits: Array<{ method: string; path: string; ifNoneMatch?: string }> = [];
const wav = silentWav(2000);

beforeAll(async () => {
  media = createServer((req, res) => {
    hits.push({ method: req.method!, path: req.url!, ifNoneMatch: req.headers["if-none-match"] as string | undefined });
    if (req.url === "/missing.wav") {
      res.writeHead(404);
      return res.end();
    }
    if (req.url === "/etag.wav" && req.headers["if-none-match"] === '"v1"') {
      res.writeHead(304, { ETag: '"v1"' });
      return res.end();
    }
    const headers: Record<string, string> = { "Content-Type": "audio/wav" };
    if (req.url === "/cached.wav") headers["Cache-Control"] = "public, max-age=3600";
    if (req.url === "/etag.wav") headers.ETag = '"v1"';
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : wav);
  });
  await new Promise<void>((r) => media.listen(0, "127.0.0.1", () => r()));
  mediaUrl = `http://127.0.0.1:${(media.address() as AddressInfo).port}`;
  sim = await startAriSimulator({ timeScale: 0.02 });
  sub = await subscribe(sim);
});
afterAll(async () => {
  await sub.close();
  await sim.close();
  await new Promise<void>((r) => media.close(() => r()));
});

async function playAndFinish(id: string, uri: string): Promise<Record<string, any>> {
  const res = await ari(sim, "POST", `/ari/channels/${id}/play?media=${encodeURIComponent(uri)}`);
  expect(res.status).toBe(201);
  return sub.waitFor((e) => e.type === "PlaybackFinished" && e.playback.id === res.json.id);
}

describe("ARI simulator: http media through the media cache", () => {
  it("WAV durations come from the header", () => {
    expect(wavDurationMs(silentWav(1234))).toBe(1234);
    expect(audioDurationMs(Buffer.alloc(8000), undefined, "http://x/a.ulaw")).toBe(1000);
    expect(audioDurationMs(Buffer.from("nope"), "text/plain", "http://x/a.txt")).toBeNull();
  });

  it("fetches once when Cache-Control max-age is given, every time when not, revalidates by ETag", async () => {
    const { callId } = await sim.control.placeCall({ to: "4001", from: "1" });
    await sub.waitFor((e) => e.type === "StasisStart" && e.channel.id === callId);
    for (let i = 0; i < 3; i++) expect((await playAndFinish(callId, `sound:${mediaUrl}/cached.wav`)).playback.state).toBe("done");
    for (let i = 0; i < 2; i++) expect((await playAndFinish(callId, `sound:${mediaUrl}/plain.wav`)).playback.state).toBe("done");
    for (let i = 0; i < 2; i++) expect((await playAndFinish(callId, `sound:${mediaUrl}/etag.wav`)).playback.state).toBe("done");
    expect(hits.filter((h) => h.path === "/cached.wav")).toHaveLength(1);
    expect(hits.filter((h) => h.path === "/plain.wav").map((h) => h.method)).toEqual(["GET", "GET"]);
    expect(hits.filter((h) => h.path === "/etag.wav")).toEqual([
      { method: "GET", path: "/etag.wav", ifNoneMatch: undefined },
      { method: "HEAD", path: "/etag.wav", ifNoneMatch: '"v1"' },
    ]);
    await sim.control.hangup(callId);
  });

  it("plays for the WAV's duration plus the fetch/cache delay Asterisk adds (150–500 ms, default 250)", async () => {
    expect(resolveConfig().httpMediaDelayMs).toBe(250);
    expect(resolveConfig({ httpMediaDelayMs: 0 }).httpMediaDelayMs).toBe(0);
    const { callId } = await sim.control.placeCall({ to: "4001", from: "1" });
    await sub.waitFor((e) => e.type === "StasisStart" && e.channel.id === callId);
    const fin = await playAndFinish(callId, `sound:${mediaUrl}/cached.wav`);
    const log = await sim.control.log({ channelId: callId });
    const started = log.find((e) => e.kind === "playbackStarted" && e.playbackId === fin.playback.id)!;
    const finished = log.find((e) => e.kind === "playbackFinished" && e.playbackId === fin.playback.id)!;
    // 2000 ms of audio + 250 ms at timeScale 0.02 = 45 ms real; at least 2000 + 150 ms
    expect(finished.t - started.t).toBeGreaterThanOrEqual((2000 + 150) * 0.02);
    expect(finished.t - started.t).toBeLessThan(400);
    await sim.control.hangup(callId);
  });

  it("a fetch failure gives PlaybackStarted then PlaybackFinished failed", async () => {
    const { callId } = await sim.control.placeCall({ to: "4001", from: "1" });
    await sub.waitFor((e) => e.type === "StasisStart" && e.channel.id === callId);
    const fin = await playAndFinish(callId, `sound:${mediaUrl}/missing.wav`);
    expect(fin.playback.state).toBe("failed");
    expect(sub.events.some((e) => e.type === "PlaybackStarted" && e.playback.id === fin.playback.id)).toBe(true);
    await sim.control.hangup(callId);
  });
});
