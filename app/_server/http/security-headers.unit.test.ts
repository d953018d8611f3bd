import { describe, expect, it } from "vitest";
import nextConfig, { securityHeaders } from "@/next.config.mjs";

function headerMap(headers: { key: string; value: string }[]): Map<string, string> {
  return new Map(headers.map((header) => [header.key.toLowerCase(), header.value]));
}

describe("security headers (next.config.mjs)", () => {
  it("are sent with every path of a production build: CSP, no framing, no sniffing", async () => {
    const config = nextConfig("phase-production-server");
    const rules = (await config.headers?.()) ?? [];
    expect(rules.map((rule) => rule.source)).toEqual(["/:path*"]);
    const headers = headerMap(rules[0]?.headers ?? []);
    const csp = headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).not.toContain("unsafe-eval");
    expect(headers.get("x-frame-options")).toBe("DENY");
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("referrer-policy")).toBe("same-origin");
    expect(config.poweredByHeader).toBe(false);
  });

  it("allow eval only for the dev server's hot reload", () => {
    expect(headerMap(securityHeaders(true)).get("content-security-policy")).toContain("'unsafe-eval'");
  });
});
