import type { HttpRequest, HttpResponse } from "@/flows-runtime/interpreter/effects";
import type { SecretStore } from "../secrets/secret-store";
import { describeFetchError, isTimeout } from "./http-fetch-error";
import { readCappedBody, type BodyReadResult } from "./http-read-body";
import { fetchFollowingRedirects } from "./http-redirects";
import { requestBodyIsJson } from "./http-request-body";
import { httpRequestInputSchema } from "./http-request-schema";
import { parseResponseBody } from "./http-response-body";
import { createScrubber, type Scrubber } from "./http-scrub";
import { resolveSecrets } from "./http-secrets";

export interface HttpActivitiesDeps {
  secrets: SecretStore;
  fetchImpl?: typeof fetch;
  /** Larger response bodies are refused; default 1 MB. */
  maxBodyBytes?: number;
}

const DEFAULT_MAX_BODY = 1024 * 1024;
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
const USER_AGENT = "cc-flows-http/1";

const failure = (status: number | null, error: string, body: unknown = null): HttpResponse => ({ ok: false, status, body, error });

/**
 * The HTTP request node's activity. Expected failures (bad input, missing secret, DNS, refused
 * connection, timeout, non-2xx, oversized or invalid JSON body) come back as ok:false with a
 * readable error, never as exceptions: retrying them is the flow's decision (its error port),
 * not Temporal's.
 */
export function createHttpActivities(deps: HttpActivitiesDeps) {
  const fetchImpl = deps.fetchImpl ?? fetch;
  const maxBodyBytes = deps.maxBodyBytes ?? DEFAULT_MAX_BODY;

  async function httpRequest(input: HttpRequest): Promise<HttpResponse> {
    const parsed = httpRequestInputSchema.safeParse(input);
    if (!parsed.success) {
      const where = parsed.error.issues.map((i) => `${i.path.join(".") || "request"}: ${i.message}`).join("; ");
      return failure(null, `invalid HTTP request: ${where}`);
    }
    const jsonBody = requestBodyIsJson(parsed.data.headers, parsed.data.body);
    const resolved = await resolveSecrets(parsed.data, deps.secrets, { jsonBody });
    const scrub = createScrubber(resolved.values);
    if (!resolved.ok) return failure(null, scrub.text(resolved.error));
    try {
      const response = await send(resolved.request, {
        jsonBody,
        urlHasSecrets: resolved.urlHasSecrets,
        hasSecrets: resolved.values.length > 0,
      });
      return scrubResponse(response, scrub);
    } catch (err) {
      return failure(null, scrub.text(`HTTP request failed unexpectedly: ${err instanceof Error ? err.message : String(err)}`));
    }
  }

  async function send(
    request: HttpRequest,
    facts: { jsonBody: boolean; urlHasSecrets: boolean; hasSecrets: boolean },
  ): Promise<HttpResponse> {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return failure(null, `invalid URL "${request.url}"`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      return failure(null, `only http and https URLs are allowed, not ${url.protocol.replace(/:$/, "")}`);
    }
    if (url.username || url.password) return failure(null, "user:password@ in the URL is not supported; use an Authorization header");
    if (request.body !== null && request.method === "GET") return failure(null, "a GET request cannot have a body");

    const headers = new Headers({ "User-Agent": USER_AGENT, Accept: "application/json, text/plain;q=0.9, */*;q=0.8" });
    for (const [name, value] of Object.entries(request.headers)) {
      if (!HEADER_NAME.test(name)) return failure(null, `invalid header name "${name}"`);
      if (/[\r\n\0]/.test(value)) return failure(null, `header ${name} contains a line break or NUL character`);
      headers.set(name, value);
    }
    if (request.body !== null && !headers.has("content-type")) {
      headers.set("Content-Type", facts.jsonBody ? "application/json" : "text/plain; charset=utf-8");
    }

    const signal = AbortSignal.timeout(request.timeoutMs);
    const where = (u: URL) => (facts.urlHasSecrets ? "" : u.host);
    const fetched = await fetchFollowingRedirects({
      fetchImpl,
      url,
      method: request.method,
      headers,
      body: request.body,
      signal,
      timeoutMs: request.timeoutMs,
      hasSecrets: facts.hasSecrets,
      where,
    });
    if (!fetched.ok) return fetched.response;
    const { res } = fetched;

    let read: BodyReadResult;
    try {
      read = await readCappedBody(res, maxBodyBytes);
    } catch (err) {
      if (isTimeout(err) || signal.aborted) return failure(res.status, `timed out after ${request.timeoutMs} ms reading the response body`);
      return failure(res.status, describeFetchError(err, where(fetched.url)));
    }
    if (!read.ok) return failure(res.status, `response body is larger than ${formatBytes(maxBodyBytes)}`);
    const parsed = parseResponseBody(read.bytes, res.headers.get("content-type") ?? "");
    const success = res.status >= 200 && res.status < 300;
    if (!success) return failure(res.status, `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ""}`, parsed.body);
    if (!parsed.ok) return failure(res.status, parsed.error, parsed.body);
    return { ok: true, status: res.status, body: parsed.body, error: null };
  }

  return { httpRequest };
}

export type HttpActivities = ReturnType<typeof createHttpActivities>;

function scrubResponse(response: HttpResponse, scrub: Scrubber): HttpResponse {
  return { ...response, body: scrub.value(response.body), error: response.error === null ? null : scrub.text(response.error) };
}

function formatBytes(n: number): string {
  return n % (1024 * 1024) === 0 ? `${n / (1024 * 1024)} MB` : n % 1024 === 0 ? `${n / 1024} KB` : `${n} bytes`;
}
