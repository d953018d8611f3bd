import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";
import { forwardedFor } from "./forwarded-for";

const behindWebServer = (trusted = "") => ({ CC_FORWARDED_FOR_CHECKED: "1", TRUSTED_PROXIES: trusted });

/** A request as scripts/web-server.ts hands it to Next: headers as sent, from this socket peer. */
function arriving(peer: string, sent: Record<string, string>, trusted = "") {
  const raw: Record<string, string | string[] | undefined> = { ...sent };
  forwardedFor(raw, peer, new Set(trusted.split(",").filter(Boolean)));
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) if (typeof value === "string") headers.set(name, value);
  return clientIp(headers, behindWebServer(trusted));
}

describe("clientIp", () => {
  it("ignores a forged X-Forwarded-For or X-Real-IP when no proxy is trusted: the socket peer counts", () => {
    expect(arriving("198.51.100.9", { "x-forwarded-for": "203.0.113.7", "x-real-ip": "10.0.0.2" })).toBe("198.51.100.9");
    expect(arriving("::ffff:127.0.0.1", {})).toBe("127.0.0.1");
  });

  it("takes the client named by a trusted proxy, and a forged hop before it does not count", () => {
    expect(arriving("10.0.0.1", { "x-forwarded-for": "203.0.113.7" }, "10.0.0.1")).toBe("203.0.113.7");
    // The client sent "1.2.3.4" itself; the proxy appended the address it saw.
    expect(arriving("10.0.0.1", { "x-forwarded-for": "1.2.3.4, 203.0.113.7" }, "10.0.0.1")).toBe("203.0.113.7");
    // A request that bypasses the proxy cannot claim to come through it.
    expect(arriving("198.51.100.9", { "x-forwarded-for": "203.0.113.7" }, "10.0.0.1")).toBe("198.51.100.9");
  });

  it("stops at a hop that is not an IP address instead of storing it", () => {
    expect(arriving("10.0.0.1", { "x-forwarded-for": "=cmd|calc" }, "10.0.0.1")).toBe("10.0.0.1");
  });

  it("believes no header at all without the web server that checks them (next dev)", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.7" }), { TRUSTED_PROXIES: "" })).toBeNull();
  });

  it("refuses a TRUSTED_PROXIES entry that is not an address", () => {
    expect(() => clientIp(new Headers(), { CC_FORWARDED_FOR_CHECKED: "1", TRUSTED_PROXIES: "proxy.local" })).toThrow(/TRUSTED_PROXIES/);
  });
});
