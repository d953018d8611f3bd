import { isIP } from "node:net";
import { peerCheckedEnv } from "./forwarded-for";
import { normalizeIp, trustedProxies } from "./trusted-proxies";

/**
 * The client address for the audit log and the sign-in throttle: walking X-Forwarded-For from its
 * last hop (the socket peer, appended by scripts/web-server.ts), past every trusted proxy
 * (TRUSTED_PROXIES), the first address that is not one. Null when the app runs without that server
 * (`next dev`), since the header could then be the client's own invention; a hop that is not an IP
 * address ends the walk.
 */
export function clientIp(headers: Headers, env: Record<string, string | undefined> = process.env): string | null {
  if (env[peerCheckedEnv] !== "1") return null;
  const trusted = trustedProxies(env);
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map((hop) => normalizeIp(hop)).filter((hop) => hop !== "");
  let client: string | null = null;
  for (const hop of hops.reverse()) {
    if (isIP(hop) === 0) break;
    client = hop;
    if (!trusted.has(hop)) break;
  }
  return client;
}
