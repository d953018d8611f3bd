import { encode } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { readSession } from "./read-session";

const secret = "unit-test-secret-0123456789abcdef0123456789";

beforeEach(() => {
  vi.stubEnv("NEXTAUTH_SECRET", secret);
  vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const withCookie = (token: string) => new Headers({ cookie: `other=1; next-auth.session-token=${token}` });

describe("readSession", () => {
  it("reads user id, role and locale from a signed session cookie", async () => {
    const token = await encode({ token: { sub: "u1", role: "ops", locale: "en", name: "Olga", email: "o@x.cn" }, secret });
    expect(await readSession(withCookie(token))).toEqual({ userId: "u1", role: "ops", locale: "en", name: "Olga", email: "o@x.cn" });
  });

  it("falls back to Chinese for a token without a known locale", async () => {
    const token = await encode({ token: { sub: "u1", role: "admin", locale: "fr" }, secret });
    expect((await readSession(withCookie(token)))?.locale).toBe("zh-CN");
  });

  it("returns null without a cookie, with a token from another secret, or without a role", async () => {
    expect(await readSession(new Headers())).toBeNull();
    const foreign = await encode({ token: { sub: "u1", role: "admin" }, secret: "another-secret-0123456789abcdef0123456789" });
    expect(await readSession(withCookie(foreign))).toBeNull();
    const roleless = await encode({ token: { sub: "u1" }, secret });
    expect(await readSession(withCookie(roleless))).toBeNull();
  });

  it("refuses to run without a real secret", async () => {
    vi.stubEnv("NEXTAUTH_SECRET", "short");
    await expect(readSession(new Headers())).rejects.toThrow(/NEXTAUTH_SECRET/);
  });
});
