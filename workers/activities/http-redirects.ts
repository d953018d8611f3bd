import type { HttpResponse } from "@/flows-runtime/interpreter/effects";
import { checkDestination, type DestinationRules } from "./http-destination";
import { networkFailure } from "./http-fetch-error";
import type { HopResponse, HopSender } from "./http-send";

const MAX_REDIRECTS = 5;
const REDIRECT = new Set([301, 302, 303, 307, 308]);

export interface RedirectingFetch {
  send: HopSender;
  rules: DestinationRules;
  url: URL;
  method: string;
  headers: Headers;
  body: string | null;
  signal: AbortSignal;
  /** Secrets travel with the request: never follow it to another origin. */
  hasSecrets: boolean;
  /** Where the real reason of a network failure goes (the worker's log), never to the flow. */
  report(reason: unknown, url: URL): void;
}

export type FetchResult = { ok: true; res: HopResponse; url: URL } | { ok: false; response: HttpResponse };

const failure = (status: number | null, error: string): FetchResult => ({ ok: false, response: { ok: false, status, body: null, error } });

/**
 * Requests with redirects followed by hand: every hop's URL is checked against the allow-list and
 * its resolved addresses before a connection is made (scheme, origin with secrets, count too).
 */
export async function fetchFollowingRedirects(req: RedirectingFetch): Promise<FetchResult> {
  let { url, method, body } = req;
  const headers = new Headers(req.headers);
  for (let redirects = 0; ; redirects++) {
    const destination = await checkDestination(url, req.rules);
    if (!destination.ok) {
      if (destination.network) {
        req.report("host name did not resolve", url);
        return failure(null, networkFailure(url));
      }
      return failure(null, `request refused: ${destination.error}`);
    }
    let res: HopResponse;
    try {
      res = await req.send({ url, address: destination.address, method, headers, body, signal: req.signal });
    } catch (err) {
      // Refused, reset, unreachable or timed out: one answer, so a flow cannot map ports or hosts.
      req.report(err, url);
      return failure(null, networkFailure(url));
    }
    const location = res.headers.get("location");
    if (!REDIRECT.has(res.status) || location === null) return { ok: true, res, url };
    res.discard();
    if (redirects >= MAX_REDIRECTS) return failure(res.status, `too many redirects (more than ${MAX_REDIRECTS})`);
    let next: URL;
    try {
      next = new URL(location, url);
    } catch {
      return failure(res.status, `redirect to an invalid URL "${location}"`);
    }
    if (next.protocol !== "http:" && next.protocol !== "https:") return failure(res.status, `redirect to a non-HTTP URL refused (${next.protocol})`);
    if (next.username || next.password) return failure(res.status, "redirect to a URL with user:password@ refused");
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
