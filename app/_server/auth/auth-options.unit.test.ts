import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("authOptions", () => {
  it("marks the session cookie Secure when the public URL is https, also when TLS ends at a proxy", async () => {
    vi.stubEnv("NEXTAUTH_URL", "https://flows.example.cn");
    vi.resetModules();
    const { authOptions } = await import("./auth-options");
    expect(authOptions.useSecureCookies).toBe(true);
  });

  it("keeps plain cookies for a plain-http install (loopback, intranet without TLS)", async () => {
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    vi.resetModules();
    const { authOptions } = await import("./auth-options");
    expect(authOptions.useSecureCookies).toBe(false);
  });
});
