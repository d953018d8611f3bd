// Guessing passwords is throttled per account and per client address with a doubling delay (counts
// in PostgreSQL), password checks are a bounded queue, and every failure is audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "./support/next-auth-client";
import { hashPassword } from "@/app/_server/auth/hash-password";
import { SignInRefused } from "@/app/_server/auth/sign-in-refused";
import { maxDelaySeconds } from "@/app/_server/auth/throttle-policy";
import { verifyCredentials } from "@/app/_server/auth/verify-credentials";
import { startTestApp, type TestApp } from "./support/test-app";

let app: TestApp;
let passwordHash = "";
const password = "the-right-password";
beforeAll(async () => {
  app = await startTestApp();
  passwordHash = await hashPassword(password, { logN: 10, r: 8, p: 1 });
});
afterAll(async () => {
  await app.stop();
});

async function createAccount(prefix: string) {
  const email = `${prefix}-${Math.random().toString(36).slice(2, 8)}@throttle.test`;
  await app.db.prisma.user.create({ data: { email, name: prefix, role: "ops", passwordHash, locale: "en" } });
  return email;
}

async function attempt(email: string, pw: string, at: Date, ip?: string): Promise<"ok" | "wrong" | SignInRefused> {
  try {
    const user = await verifyCredentials({ email, password: pw }, { db: app.db.prisma, now: () => at, headers: ip ? { "x-forwarded-for": ip } : {} });
    return user ? "ok" : "wrong";
  } catch (error) {
    if (error instanceof SignInRefused) return error;
    throw error;
  }
}

describe("sign-in throttling", () => {
  it("makes 30 wrong passwords in a row wait longer and longer, and refuses even the right one meanwhile", async () => {
    const email = await createAccount("guessed");
    let clock = Date.now();
    const waits: number[] = [];
    for (let failures = 0; failures < 30; ) {
      const result = await attempt(email, `guess-${failures}`, new Date(clock));
      if (result instanceof SignInRefused) {
        expect(result.code).toBe("SignInThrottled");
        // The right password does not get through a lockout either.
        expect(await attempt(email, password, new Date(clock))).toBeInstanceOf(SignInRefused);
        waits.push(result.retryAfterSeconds);
        clock += result.retryAfterSeconds * 1000;
        continue;
      }
      expect(result).toBe("wrong");
      failures += 1;
    }
    // Five free mistakes, then waits that double up to the cap (one wait before each later guess).
    expect(waits.length).toBe(24);
    expect(waits.slice(0, 10)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512]);
    expect(waits.slice(10).every((wait) => wait === maxDelaySeconds)).toBe(true);
    expect(await app.db.prisma.auditEntry.count({ where: { action: "auth.signInFailed", targetId: email } })).toBe(30);

    // After the wait the right password works and clears the account's count.
    const row = await app.db.prisma.signInThrottle.findUniqueOrThrow({ where: { key: `account:${email}` } });
    expect(await attempt(email, password, new Date(row.blockedUntil.getTime() + 1))).toBe("ok");
    expect(await app.db.prisma.signInThrottle.count({ where: { key: `account:${email}` } })).toBe(0);
  });

  it("throttles one address guessing many accounts", async () => {
    const emails = await Promise.all(Array.from({ length: 22 }, (_, i) => createAccount(`spray${i}`)));
    const at = new Date();
    const results = [];
    for (const email of emails) results.push(await attempt(email, "Password1!", at, "203.0.113.50"));
    expect(results.slice(0, 21).every((result) => result === "wrong")).toBe(true);
    expect(results[21]).toBeInstanceOf(SignInRefused);
    // Another address is not affected.
    expect(await attempt(emails[21] ?? "", password, at, "198.51.100.20")).toBe("ok");
    const audited = await app.db.prisma.auditEntry.findFirstOrThrow({ where: { action: "auth.signInFailed", targetId: emails[0] } });
    expect(audited).toMatchObject({ actorId: expect.any(String), actorName: emails[0], ip: "203.0.113.50", details: { reason: "invalid_credentials" } });
  });

  it("answers a throttled sign-in through next-auth with 429 and no session", async () => {
    const email = await createAccount("route");
    for (let i = 0; i < 6; i += 1) expect((await signIn(email, "wrong")).error).toBe("CredentialsSignin");
    const throttled = await signIn(email, password);
    expect(throttled).toMatchObject({ status: 429, error: "SignInThrottled", sessionCookie: undefined });
  });

  it("bounds parallel password checks: a burst of unknown e-mails is mostly refused at once, not queued", async () => {
    const settled: Array<{ at: number; outcome: string }> = [];
    const burst = Array.from({ length: 32 }, (_, i) =>
      attempt(`nobody${i}-${Date.now()}@throttle.test`, "guess", new Date()).then((result) => {
        settled.push({ at: performance.now(), outcome: result instanceof SignInRefused ? result.code : result });
      }),
    );
    await Promise.all(burst);
    const refused = settled.filter((s) => s.outcome === "SignInBusy");
    const checked = settled.filter((s) => s.outcome === "wrong");
    // 2 checks at a time and 8 waiting (hashing-queue.ts): the other 22 are refused.
    expect(checked.length).toBe(10);
    expect(refused.length).toBe(22);
    // Refused before any (128 MiB, ~0.3 s) check finished: they did not wait for the queue.
    const firstChecked = Math.min(...checked.map((s) => s.at));
    expect(refused.every((s) => s.at < firstChecked)).toBe(true);
    // Afterwards a real user signs in normally.
    const email = await createAccount("legit");
    expect(await attempt(email, password, new Date())).toBe("ok");
  });
});
