/**
 * http(s) media the way res_http_media_cache handles it: the first play downloads the file; later plays
 * reuse it while Cache-Control max-age (or s-maxage, or Expires) says it is fresh. Once stale, an entry
 * with an ETag is revalidated with a HEAD request carrying If-None-Match (304 = still good); without an
 * ETag it is downloaded again. Cache-Control no-cache / must-revalidate always revalidates.
 * Expiry runs on wall-clock time (not scaled).
 */
interface Entry {
  body: Buffer;
  etag?: string;
  cacheControl?: string;
  expires?: string;
  contentType?: string;
  expiresAt: number;
}

export class MediaCache {
  private readonly entries = new Map<string, Entry>();

  /** Resolves the media's playable duration in ms, or null when it cannot be played. */
  async durationOf(url: string): Promise<number | null> {
    const entry = await this.retrieve(url);
    if (!entry) return null;
    return audioDurationMs(entry.body, entry.contentType, url);
  }

  clear(): void {
    this.entries.clear();
  }

  private async retrieve(url: string): Promise<Entry | null> {
    const cached = this.entries.get(url);
    if (cached) {
      const revalidate = /no-cache|must-revalidate/.test(cached.cacheControl ?? "");
      if (Date.now() < cached.expiresAt && !revalidate) return cached;
      if (cached.etag) {
        try {
          const head = await fetch(url, {
            method: "HEAD",
            headers: { "If-None-Match": cached.etag, "User-Agent": "asterisk-libcurl-agent/1.0" },
            signal: AbortSignal.timeout(180_000),
          });
          if (head.status === 304) {
            cached.expiresAt = expiryOf(cached.cacheControl, cached.expires);
            return cached;
          }
        } catch {
          /* stale: fetch again below */
        }
      }
    }
    try {
      const res = await fetch(url, {
        headers: { "User-Agent": "asterisk-libcurl-agent/1.0" },
        signal: AbortSignal.timeout(180_000),
      });
      if (!res.ok) {
        this.entries.delete(url);
        return null;
      }
      const entry: Entry = {
        body: Buffer.from(await res.arrayBuffer()),
        etag: res.headers.get("etag") ?? undefined,
        cacheControl: res.headers.get("cache-control") ?? undefined,
        expires: res.headers.get("expires") ?? undefined,
        contentType: res.headers.get("content-type") ?? undefined,
        expiresAt: 0,
      };
      entry.expiresAt = expiryOf(entry.cacheControl, entry.expires);
      this.entries.set(url, entry);
      return entry;
    } catch {
      this.entries.delete(url);
      return null;
    }
  }
}

function expiryOf(cacheControl: string | undefined, expires: string | undefined): number {
  const nowMs = Date.now();
  if (cacheControl) {
    const m = /s-maxage\s*=\s*(\d+)/.exec(cacheControl) ?? /max-age\s*=\s*(\d+)/.exec(cacheControl);
    return m ? nowMs + Number(m[1]) * 1000 : nowMs;
  }
  if (expires) {
    const t = Date.parse(expires);
    return Number.isFinite(t) ? t : nowMs;
  }
  return nowMs;
}

const BYTES_PER_SECOND: Record<string, number> = { ulaw: 8000, alaw: 8000, pcm: 8000, sln: 16000, gsm: 1650, g722: 8000 };

/** Duration of an audio file: WAV from its header (byte rate and data chunk), raw formats from their byte rate. */
export function audioDurationMs(body: Buffer, contentType: string | undefined, url: string): number | null {
  if (body.length >= 12 && body.toString("ascii", 0, 4) === "RIFF" && body.toString("ascii", 8, 12) === "WAVE") {
    return wavDurationMs(body);
  }
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type.includes("wav")) return wavDurationMs(body);
  const ext = /\.([a-z0-9]+)(?:$|[?#])/i.exec(new URL(url).pathname)?.[1]?.toLowerCase();
  if (ext === "wav") return wavDurationMs(body);
  if (ext && BYTES_PER_SECOND[ext]) return Math.round((body.length / BYTES_PER_SECOND[ext]!) * 1000);
  return null;
}

export function wavDurationMs(body: Buffer): number | null {
  if (body.length < 12 || body.toString("ascii", 0, 4) !== "RIFF") return null;
  let byteRate = 0;
  let off = 12;
  while (off + 8 <= body.length) {
    const id = body.toString("ascii", off, off + 4);
    const size = body.readUInt32LE(off + 4);
    if (id === "fmt " && off + 16 <= body.length) byteRate = body.readUInt32LE(off + 16);
    if (id === "data") {
      if (!byteRate) return null;
      const dataSize = Math.min(size, body.length - off - 8);
      return Math.round((dataSize / byteRate) * 1000);
    }
    off += 8 + size + (size % 2);
  }
  return null;
}

/** A silent 8 kHz 16-bit mono WAV of the given length (used for recordings). */
export function silentWav(durationMs: number, sampleRate = 8000): Buffer {
  const dataSize = Math.round((durationMs / 1000) * sampleRate) * 2;
  const buf = Buffer.alloc(44 + dataSize);
  buf.write("RIFF", 0, "ascii");
  buf.writeUInt32LE(36 + dataSize, 4);
  buf.write("WAVE", 8, "ascii");
  buf.write("fmt ", 12, "ascii");
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20);
  buf.writeUInt16LE(1, 22);
  buf.writeUInt32LE(sampleRate, 24);
  buf.writeUInt32LE(sampleRate * 2, 28);
  buf.writeUInt16LE(2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write("data", 36, "ascii");
  buf.writeUInt32LE(dataSize, 40);
  return buf;
}
