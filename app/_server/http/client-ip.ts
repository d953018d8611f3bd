import { isIP } from "node:net";

/**
 * The client address for the audit log: the first x-forwarded-for hop, else x-real-ip. These headers
 * are only as trustworthy as the reverse proxy in front of the app, which must overwrite them; a value
 * that is not an IP address is dropped rather than stored.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  for (const candidate of [forwarded, headers.get("x-real-ip")?.trim()]) {
    if (candidate && isIP(candidate) !== 0) return candidate;
  }
  return null;
}
