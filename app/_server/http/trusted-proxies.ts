import { isIP } from "node:net";

/**
 * TRUSTED_PROXIES: comma-separated addresses of the reverse proxies in front of the web app (default
 * none). Only a request arriving from one of them may name its client in X-Forwarded-For.
 */
export function trustedProxies(env: Record<string, string | undefined> = process.env): ReadonlySet<string> {
  const entries = (env.TRUSTED_PROXIES ?? "").split(",").map((entry) => entry.trim()).filter((entry) => entry !== "");
  const invalid = entries.filter((entry) => isIP(normalizeIp(entry)) === 0);
  if (invalid.length > 0) throw new Error(`TRUSTED_PROXIES: not an IP address: ${invalid.join(", ")}`);
  return new Set(entries.map(normalizeIp));
}

/** "::ffff:127.0.0.1" (an IPv4 peer on a dual-stack socket) is 127.0.0.1. */
export function normalizeIp(address: string): string {
  const trimmed = address.trim();
  return trimmed.toLowerCase().startsWith("::ffff:") && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
}
