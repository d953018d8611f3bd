// Sign-in through next-auth's real route handler and our credentials provider, then use the issued
// session cookie on a route handler: the same path a browser takes.
import { decode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "./support/next-auth-client";
import { formatSignInDetails, seedUsers, seedUsersList } from "@/scripts/seed-users";
import { verifyCredentials } from "@/app/_server/auth/verify-credentials";
import * as flowsRoute from "@/app/api/flows/route";
import { startTestApp, testSecret, type TestApp } from "./support/test-app";

let app: TestApp;
const passwords = { SEED_PASSWORD_ADMIN: "admin-pass-1234", SEED_PASSWORD_AGENT: "agent-pass-1234", SEED_PASSWORD: "shared-pass-1234" };
beforeAll(async () => {
  app = await startTestApp();
  await seedUsers(app.db.prisma, passwords);
});
afterAll(async () => {
  await app.stop();
});

describe("sign-in", () => {
  it("seeds one user per role, idempotently, with passwords from the environment", async () => {
    expect(await app.db.prisma.user.count({ where: { email: { endsWith: "@cc-flows.local" } } })).toBe(4);
    const again = await seedUsers(app.db.prisma, passwords);
    expect(again.map((user) => user.status)).toEqual(["unchanged", "unchanged", "unchanged", "unchanged"]);
    expect(await app.db.prisma.user.count({ where: { email: { endsWith: "@cc-flows.local" } } })).toBe(4);
    expect(seedUsersList.map((user) => user.role)).toEqual(["admin", "ops", "agent", "marketer"]);
    expect(formatSignInDetails(again)).toContain("admin@cc-flows.local");
  });

  it("generates and prints a password once when none is configured, and can reset it", async () => {
    const db = app.db.prisma;
    await db.user.delete({ where: { email: "marketer@cc-flows.local" } });
    const created = (await seedUsers(db, {})).find((user) => user.role === "marketer");
    if (!created) throw new Error("the marketer was not seeded");
    expect(created).toMatchObject({ status: "created", passwordSource: "generated" });
    const password = created.password ?? "";
    expect(password.length).toBeGreaterThanOrEqual(16);
    expect(formatSignInDetails([created])).toContain(password);
    expect(await verifyCredentials({ email: "marketer@cc-flows.local", password }, { db })).toMatchObject({ role: "marketer" });

    const reset = (await seedUsers(db, { SEED_RESET_PASSWORDS: "1" })).find((user) => user.role === "marketer");
    expect(reset?.password).not.toBe(password);
    expect(await verifyCredentials({ email: "marketer@cc-flows.local", password }, { db })).toBeNull();
  });

  it("stores only slow, salted hashes", async () => {
    const users = await app.db.prisma.user.findMany({ where: { email: { in: ["ops@cc-flows.local", "marketer@cc-flows.local"] } } });
    for (const user of users) {
      expect(user.passwordHash).toMatch(/^scrypt\$17\$8\$1\$/);
      expect(user.passwordHash).not.toContain("shared-pass-1234");
    }
    // Same password (SEED_PASSWORD), different salts.
    await seedUsers(app.db.prisma, { ...passwords, SEED_PASSWORD: "same-for-both-1234" });
    const [a, b] = await app.db.prisma.user.findMany({ where: { email: { in: ["ops@cc-flows.local", "marketer@cc-flows.local"] } } });
    expect(a?.passwordHash).not.toBe(b?.passwordHash);
  });

  it("checks credentials: right password, wrong password, unknown e-mail, e-mail case", async () => {
    const db = app.db.prisma;
    expect(await verifyCredentials({ email: "Admin@CC-Flows.local", password: "admin-pass-1234" }, { db })).toMatchObject({ role: "admin", email: "admin@cc-flows.local" });
    expect(await verifyCredentials({ email: "admin@cc-flows.local", password: "wrong" }, { db })).toBeNull();
    expect(await verifyCredentials({ email: "nobody@cc-flows.local", password: "admin-pass-1234" }, { db })).toBeNull();
    expect(await verifyCredentials({ email: "admin@cc-flows.local" }, { db })).toBeNull();
  });

  it("signs in through next-auth and the issued cookie opens the API for that role only", async () => {
    const admin = await signIn("admin@cc-flows.local", "admin-pass-1234");
    expect(admin.url).not.toContain("error");
    const adminCookie = admin.sessionCookie;
    expect(adminCookie).toBeTruthy();
    const user = await app.db.prisma.user.findUniqueOrThrow({ where: { email: "admin@cc-flows.local" } });
    const decoded = await decode({ token: adminCookie, secret: testSecret });
    expect(decoded).toMatchObject({ sub: user.id, email: "admin@cc-flows.local" });
    const session = await app.db.prisma.authSession.findUniqueOrThrow({ where: { id: String(decoded?.sid) } });
    expect(session).toMatchObject({ userId: user.id, revokedAt: null });
    const asAdmin = await app.call(flowsRoute.GET, { as: null, path: "/api/flows", headers: { cookie: `next-auth.session-token=${adminCookie}` } });
    expect(asAdmin.status).toBe(200);

    const agentCookie = (await signIn("agent@cc-flows.local", "agent-pass-1234")).sessionCookie;
    const asAgent = await app.call(flowsRoute.GET, { as: null, path: "/api/flows", headers: { cookie: `next-auth.session-token=${agentCookie}` } });
    expect(asAgent.status).toBe(403);
  });

  it("issues no session for a wrong password", async () => {
    const result = await signIn("admin@cc-flows.local", "not-the-password");
    expect(result.url).toContain("error=CredentialsSignin");
    expect(result.sessionCookie).toBeUndefined();
  });
});
