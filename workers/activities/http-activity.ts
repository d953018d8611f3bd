import type { HttpRequest, HttpResponse } from "@/flows-runtime/interpreter/effects";
import { defaultPort, secretMayGoTo, type HttpPolicy } from "@/flows-runtime/nodes/http-request/http-policy";
import type { SecretStore } from "../secrets/secret-store";
import { systemResolver, type OwnService, type Resolver } from "./http-destination";
import { describeNetworkError } from "./http-fetch-error";
import { projectResponse } from "./http-project-response";
import { readCappedBody, type BodyReadResult } from "./http-read-body";
import { fetchFollowingRedirects } from "./http-redirects";
import { requestBodyIsJson } from "./http-request-body";
import { httpRequestInputSchema } from "./http-request-schema";
import { parseResponseBody } from "./http-response-body";
import { createScrubber, type Scrubber } from "./http-scrub";
import { resolveSecrets } from "./http-secrets";
import { sendHop, type HopSender } from "./http-send";

export interface HttpActivitiesDeps {
  secrets: SecretStore;
  /** The administrator's allow-list and secret bindings, read for every request (a refreshed cache is fine). */
  policy: () => Promise<HttpPolicy>;
  /** DNS; default: the system resolver. */
  resolve?: Resolver;
  /** Host and port of this product's services, refused unless an entry names them exactly. */
  ownServices?: readonly OwnService[];
  /** Larger response bodies are refused; default 1 MB. */
  maxBodyBytes?: number;
  /** The real reasons of network failures, for operators (the flow gets one generic sentence). */
  log?: (message: string) => void;
  send?: HopSender;
}

const DEFAULT_MAX_BODY = 1024 * 1024;
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
const USER_AGENT = "cc-flows-http/1";
const TEMPLATE_IN_HOST = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)?\{\{/i;

const failure = (status: number | null, error: string, body: unknown = null): HttpResponse => ({ ok: false, status, body, error });

/**
 * The HTTP request node's activity. Expected failures (bad input, a destination or secret the
 * policy refuses, missing secret, network failure, timeout, non-2xx, oversized or invalid JSON
 * body) come back as ok:false with a readable error, never as exceptions: retrying them is the
 * flow's decision (its error port), not Temporal's.
 */
export function createHttpActivities(deps: HttpActivitiesDeps) {
  const maxBodyBytes = deps.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const resolve = deps.resolve ?? systemResolver;
  const send = deps.send ?? sendHop;
  const log = deps.log ?? ((message: string) => console.warn(message));

  async function httpRequest(input: HttpRequest): Promise<HttpResponse> {
    const parsed = httpRequestInputSchema.safeParse(input);
    if (!parsed.success) {
      const where = parsed.error.issues.map((i) => `${i.path.join(".") || "request"}: ${i.message}`).join("; ");
      return failure(null, `invalid HTTP request: ${where}`);
    }
    const request = parsed.data;
    if (TEMPLATE_IN_HOST.test(request.url)) return failure(null, "the URL's host cannot contain {{…}} placeholders");
    let target: URL;
    try {
      target = new URL(request.url);
    } catch {
      return failure(null, `invalid URL "${request.url}"`);
    }
    if (target.protocol !== "http:" && target.protocol !== "https:") {
      return failure(null, `only http and https URLs are allowed, not ${target.protocol.replace(/:$/, "")}`);
    }
    let policy: HttpPolicy;
    try {
      policy = await deps.policy();
    } catch (err) {
      log(`HTTP allow-list could not be read: ${describeNetworkError(err)}`);
      return failure(null, "the HTTP allow-list could not be read; nothing was sent");
    }
    const scheme = target.protocol === "https:" ? "https" : "http";
    const port = target.port === "" ? defaultPort(scheme) : Number(target.port);
    for (const name of request.secretRefs) {
      if (!secretMayGoTo(policy, name, target.hostname, port, scheme)) return failure(null, `secret ${name} may not be sent to ${target.host}`);
    }
    const jsonBody = requestBodyIsJson(request.headers, request.body);
    const resolved = await resolveSecrets(request, deps.secrets, { jsonBody });
    const scrub = createScrubber(resolved.values);
    if (!resolved.ok) return failure(null, scrub.text(resolved.error));
    const hasSecrets = resolved.values.length > 0;
    try {
      const response = await sendResolved(resolved.request, target, policy, { jsonBody, hasSecrets, scrub });
      if (!hasSecrets) return response;
      // With a secret on board only the mapped fields come back, scrubbed as well.
      const body = response.ok ? projectResponse(response.body, request.responseFields ?? []) : null;
      return { ...response, body: scrub.value(body), error: response.error === null ? null : scrub.text(response.error) };
    } catch (err) {
      log(scrub.text(`HTTP request failed unexpectedly: ${err instanceof Error ? err.message : String(err)}`));
      return failure(null, "HTTP request failed unexpectedly");
    }
  }

  async function sendResolved(
    request: HttpRequest,
    target: URL,
    policy: HttpPolicy,
    facts: { jsonBody: boolean; hasSecrets: boolean; scrub: Scrubber },
  ): Promise<HttpResponse> {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return failure(null, "invalid URL after inserting secrets");
    }
    if (url.host !== target.host || url.protocol !== target.protocol) return failure(null, "a secret changed the URL's host; nothing was sent");
    if (url.username || url.password) return failure(null, "user:password@ in the URL is not supported; use an Authorization header");
    if (request.body !== null && request.method === "GET") return failure(null, "a GET request cannot have a body");
    const headers = new Headers({ "User-Agent": USER_AGENT, Accept: "application/json, text/plain;q=0.9, */*;q=0.8" });
    for (const [name, value] of Object.entries(request.headers)) {
      if (!HEADER_NAME.test(name)) return failure(null, `invalid header name "${name}"`);
      if (name.toLowerCase() === "host") return failure(null, "the Host header comes from the URL and cannot be set");
      if (/[\r\n\0]/.test(value)) return failure(null, `header ${name} contains a line break or NUL character`);
      headers.set(name, value);
    }
    if (request.body !== null && !headers.has("content-type")) {
      headers.set("Content-Type", facts.jsonBody ? "application/json" : "text/plain; charset=utf-8");
    }
    const signal = AbortSignal.timeout(request.timeoutMs);
    const fetched = await fetchFollowingRedirects({
      send,
      rules: { policy, resolve, ownServices: deps.ownServices ?? [] },
      url,
      method: request.method,
      headers,
      body: request.body,
      signal,
      hasSecrets: facts.hasSecrets,
      report: (reason, at) => log(facts.scrub.text(`HTTP request to ${at.host} got no response: ${describeNetworkError(reason)}`)),
    });
    if (!fetched.ok) return fetched.response;
    const { res } = fetched;
    let read: BodyReadResult;
    try {
      read = await readCappedBody(res, maxBodyBytes);
    } catch (err) {
      if (signal.aborted) return failure(res.status, `timed out after ${request.timeoutMs} ms reading the response body`);
      log(facts.scrub.text(`HTTP response from ${fetched.url.host} broke off: ${describeNetworkError(err)}`));
      return failure(res.status, `the response from ${fetched.url.host} broke off`);
    }
    if (!read.ok) return failure(res.status, `response body is larger than ${formatBytes(maxBodyBytes)}`);
    const parsed = parseResponseBody(read.bytes, res.headers.get("content-type") ?? "");
    const success = res.status >= 200 && res.status < 300;
    // The server chooses the status text and JSON.parse quotes the body: neither is repeated when a secret went along.
    const statusText = res.statusText && !facts.hasSecrets ? ` ${res.statusText}` : "";
    if (!success) return failure(res.status, `HTTP ${res.status}${statusText}`, facts.scrub.value(parsed.body));
    if (!parsed.ok) return failure(res.status, facts.hasSecrets ? "response is not valid JSON" : facts.scrub.text(parsed.error), facts.scrub.value(parsed.body));
    return { ok: true, status: res.status, body: facts.scrub.value(parsed.body), error: null };
  }

  return { httpRequest };
}

export type HttpActivities = ReturnType<typeof createHttpActivities>;

function formatBytes(n: number): string {
  return n % (1024 * 1024) === 0 ? `${n / (1024 * 1024)} MB` : n % 1024 === 0 ? `${n / 1024} KB` : `${n} bytes`;
}
