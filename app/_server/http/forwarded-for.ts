import type { IncomingHttpHeaders } from "node:http";
import { normalizeIp } from "./trusted-proxies";

/** Set by scripts/web-server.ts in its own process: X-Forwarded-For then ends with the socket peer. */
export const peerCheckedEnv = "CC_FORWARDED_FOR_CHECKED";

/**
 * What the web server does to each request before Next sees it: X-Forwarded-For from a peer that is
 * not a trusted proxy is thrown away (a client can write anything there) and the socket peer is
 * appended, so the header's last hop is always the real peer. X-Real-IP is never believed, and the
 * other X-Forwarded-* headers only from a trusted proxy.
 */
export function forwardedFor(headers: IncomingHttpHeaders, peer: string | undefined, trusted: ReadonlySet<string>): void {
  const address = peer === undefined ? undefined : normalizeIp(peer);
  const incoming = headers["x-forwarded-for"];
  const kept = address !== undefined && trusted.has(address) ? [incoming].flat().filter((value) => value !== undefined) : [];
  delete headers["x-real-ip"];
  if (kept.length === 0) {
    // Next fills these in from the socket when absent; only a trusted proxy may say otherwise.
    delete headers["x-forwarded-proto"];
    delete headers["x-forwarded-host"];
    delete headers["x-forwarded-port"];
  }
  const hops = [...kept, ...(address === undefined ? [] : [address])];
  if (hops.length === 0) delete headers["x-forwarded-for"];
  else headers["x-forwarded-for"] = hops.join(", ");
}
