import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import type { ResolvedAddress } from "./http-destination";

export interface HopRequest {
  url: URL;
  /** The checked address: the connection goes there, never to a fresh DNS answer. */
  address: ResolvedAddress;
  method: string;
  headers: Headers;
  body: string | null;
  signal: AbortSignal;
}

export interface HopResponse {
  status: number;
  statusText: string;
  headers: Headers;
  body: AsyncIterable<Uint8Array>;
  discard(): void;
}

export type HopSender = (hop: HopRequest) => Promise<HopResponse>;

function toHeaders(raw: IncomingMessage["headers"]): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

/**
 * One HTTP exchange over node:http(s) to a pinned address. The Host header and the TLS server name
 * (certificate check, SNI) stay the URL's host name. `ca`: certificates to trust instead of the
 * system's (tests; NODE_EXTRA_CA_CERTS is the way to add an intranet CA in production).
 */
export const createHopSender = (tls: { ca?: string[] } = {}): HopSender => (hop) =>
  new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of hop.headers) headers[name] = value;
    // Always the URL's host: a Host header from the flow could reach another virtual host on the checked address.
    headers.host = hop.url.host;
    const https = hop.url.protocol === "https:";
    const hostname = hop.url.hostname.replace(/^\[|\]$/g, "");
    const req = (https ? httpsRequest : httpRequest)(
      {
        host: hop.address.address,
        family: hop.address.family,
        port: hop.url.port === "" ? (https ? 443 : 80) : Number(hop.url.port),
        path: `${hop.url.pathname}${hop.url.search}`,
        method: hop.method,
        headers,
        signal: hop.signal,
        agent: false,
        ...(https && isIP(hostname) === 0 ? { servername: hostname } : {}),
        ...(https && tls.ca !== undefined ? { ca: tls.ca } : {}),
      },
      (res) =>
        resolve({
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? "",
          headers: toHeaders(res.headers),
          body: res,
          discard: () => res.destroy(),
        }),
    );
    req.on("error", reject);
    req.end(hop.body ?? undefined);
  });

export const sendHop: HopSender = createHopSender();
