import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ttsCachePath } from "./tts-cache";

export interface MediaServerConfig {
  cacheDir: string;
  /** 0 picks a free port. */
  port: number;
  host: string;
}

export interface MediaServer {
  /** http://host:port of the listening socket. */
  url: string;
  close(): Promise<void>;
}

// Matched against the raw request path, before any decoding, so "..", "%2e%2e" or "%2f" never match.
const TTS_PATH = /^\/tts\/([0-9a-f]{64})\.wav$/;
/** Files are named by the hash of their content's inputs and never change. */
const CACHE_CONTROL = "public, max-age=31536000, immutable";

/**
 * Serves the TTS cache to Asterisk. Asterisk's HTTP media cache keeps a downloaded file only when
 * the answer carries cache headers, and revalidates with If-None-Match.
 */
export async function createMediaServer(config: MediaServerConfig): Promise<MediaServer> {
  const server = createServer((req, res) => {
    handle(config.cacheDir, req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end(res.headersSent ? undefined : `internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    });
  });
  // Short keep-alive would make Asterisk reconnect between prompts for nothing.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("media server is not listening on TCP");
  return {
    url: `http://${formatHost(address)}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function formatHost(address: AddressInfo): string {
  return address.family === "IPv6" ? `[${address.address}]` : address.address;
}

async function handle(cacheDir: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const pathname = (req.url ?? "").split("?")[0] ?? "";
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" }).end("method not allowed\n");
    return;
  }
  if (pathname === "/healthz") {
    res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" }).end("ok\n");
    return;
  }
  const hash = TTS_PATH.exec(pathname)?.[1];
  if (hash === undefined) {
    notFound(res);
    return;
  }
  const file = await open(ttsCachePath(cacheDir, hash), "r").catch(() => null);
  if (!file) {
    notFound(res);
    return;
  }
  let streaming = false;
  try {
    const info = await file.stat();
    if (!info.isFile()) {
      notFound(res);
      return;
    }
    const etag = `"${hash}"`;
    const headers = { ETag: etag, "Cache-Control": CACHE_CONTROL, "Last-Modified": info.mtime.toUTCString() };
    if (matchesEtag(req.headers["if-none-match"], etag)) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, "Content-Type": "audio/wav", "Content-Length": String(info.size) });
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    // The stream owns the handle from here and closes it when done or destroyed.
    const stream = createReadStream("", { fd: file, autoClose: true });
    streaming = true;
    stream.on("error", () => res.destroy());
    res.on("close", () => stream.destroy());
    stream.pipe(res);
  } finally {
    if (!streaming) await file.close();
  }
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag || t === `W/${etag}`;
  });
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found\n");
}
