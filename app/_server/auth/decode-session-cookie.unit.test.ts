import { encode } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { decodeSessionCookie } from "./decode-session-cookie";

const secret = "unit-test-secret-0123456789abcdef0123456789";

beforeEach(() => {
  vi.stubEnv("NEXTAUTH_SECRET", secret);
  vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const withCookie = (token: string) => new Headers({ cookie: `other=1; next-auth.session-token=${token}` });

describe("decodeSessionCookie", () => {
  it("reads the user id and session id from a signed session cookie", async () => {
    const token = await encode({ token: { sub: "u1", sid: "s1", role: "ops", name: "Olga" }, secret });
    expect(await decodeSessionCookie(withCookie(token))).toEqual({ sub: "u1", sid: "s1" });
  });

  it("returns null without a cookie, with a token from another secret, or without a session id", async () => {
    expect(await decodeSessionCookie(new Headers())).toBeNull();
    const foreign = await encode({ token: { sub: "u1", sid: "s1" }, secret: "another-secret-0123456789abcdef0123456789" });
    expect(await decodeSessionCookie(withCookie(foreign))).toBeNull();
    // A cookie from before database sessions: it names no session, so it opens nothing.
    const legacy = await encode({ token: { sub: "u1", role: "admin" }, secret });
    expect(await decodeSessionCookie(withCookie(legacy))).toBeNull();
  });

  it("refuses to run without a real secret", async () => {
    vi.stubEnv("NEXTAUTH_SECRET", "short");
    await expect(decodeSessionCookie(new Headers())).rejects.toThrow(/NEXTAUTH_SECRET/);
  });
});
