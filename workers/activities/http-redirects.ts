import type { HttpResponse } from "@/flows-runtime/interpreter/effects";
import { describeFetchError, isTimeout } from "./http-fetch-error";

const MAX_REDIRECTS = 5;
const REDIRECT = new Set([301, 302, 303, 307, 308]);

export interface RedirectingFetch {
  fetchImpl: typeof fetch;
  url: URL;
  method: string;
  headers: Headers;
  body: string | null;
  signal: AbortSignal;
  timeoutMs: number;
  /** Secrets travel with the request: never follow it to another origin. */
  hasSecrets: boolean;
  /** How errors name the target; "" when the host itself came from a secret. */
  where(url: URL): string;
}

export type FetchResult = { ok: true; res: Response; url: URL } | { ok: false; response: HttpResponse };

const failure = (status: number | null, error: string): FetchResult => ({ ok: false, response: { ok: false, status, body: null, error } });

/** fetch with redirects followed by hand, so each hop is checked (scheme, origin, count) before it is made. */
export async function fetchFollowingRedirects(req: RedirectingFetch): Promise<FetchResult> {
  let { url, method, body } = req;
  const headers = new Headers(req.headers);
  for (let redirects = 0; ; redirects++) {
    let res: Response;
    try {
      res = await req.fetchImpl(url, { method, headers, body, signal: req.signal, redirect: "manual" });
    } catch (err) {
      if (isTimeout(err) || req.signal.aborted) return failure(null, `timed out after ${req.timeoutMs} ms waiting for ${req.where(url) || "the server"}`);
      return failure(null, describeFetchError(err, req.where(url)));
    }
    const location = res.headers.get("location");
    if (!REDIRECT.has(res.status) || location === null) return { ok: true, res, url };
    await res.body?.cancel().catch(() => undefined);
    if (redirects >= MAX_REDIRECTS) return failure(res.status, `too many redirects (more than ${MAX_REDIRECTS})`);
    let next: URL;
    try {
      next = new URL(location, url);
    } catch {
      return failure(res.status, `redirect to an invalid URL "${location}"`);
    }
    if (next.protocol !== "http:" && next.protocol !== "https:") return failure(res.status, `redirect to a non-HTTP URL refused (${next.protocol})`);
    if (next.origin !== url.origin && req.hasSecrets) {
      return failure(res.status, `redirect to another origin (${next.origin}) refused: the request carries secrets`);
    }
    // What browsers do: 303, and 301/302 after a POST, continue as a GET without the body.
    if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === "POST")) {
      method = "GET";
      body = null;
      headers.delete("content-type");
    }
    url = next;
  }
}
