import type { z } from "zod";
import { AriHttpError, ariErrorMessage } from "./errors";

export interface AriHttpConfig {
  url: string;
  username: string;
  password: string;
  /** Per-request timeout; default 10 s. */
  timeoutMs?: number;
}

export type QueryValue = string | number | boolean | undefined | null;

export interface AriRequestOptions<T> {
  query?: Record<string, QueryValue>;
  body?: unknown;
  schema?: z.ZodType<T>;
}

/** Encodes one path segment (channel ids contain dots, recording names may contain anything). */
export const seg = (s: string): string => encodeURIComponent(s);

/**
 * Minimal JSON-over-HTTP transport for ARI. Uses global fetch (undici), which keeps
 * connections alive by default, so consecutive requests reuse one TCP connection.
 */
export class AriHttp {
  private readonly base: string;
  private readonly auth: string;
  private readonly timeoutMs: number;

  constructor(config: AriHttpConfig) {
    this.base = config.url.replace(/\/+$/, "") + "/ari";
    this.auth = "Basic " + Buffer.from(`${config.username}:${config.password}`).toString("base64");
    this.timeoutMs = config.timeoutMs ?? 10_000;
  }

  async request<T = void>(method: string, path: string, opts: AriRequestOptions<T> = {}): Promise<T> {
    const url = new URL(this.base + path);
    for (const [k, v] of Object.entries(opts.query ?? {})) {
      if (v === undefined || v === null) continue;
      url.searchParams.set(k, String(v));
    }
    const headers: Record<string, string> = { Authorization: this.auth, Accept: "application/json" };
    let body: string | undefined;
    if (opts.body !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(opts.body);
    }
    const res = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(this.timeoutMs) });
    const text = await res.text();
    let parsed: unknown = text;
    if (text.length > 0 && (res.headers.get("content-type") ?? "").includes("json")) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    if (!res.ok) {
      throw new AriHttpError(res.status, method, path, ariErrorMessage(parsed, res.statusText), parsed);
    }
    if (!opts.schema) return undefined as T;
    return opts.schema.parse(parsed);
  }
}
