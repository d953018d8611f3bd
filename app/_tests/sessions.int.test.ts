// Browser sessions are rows in the database, checked on every request: sign-out, a role change and a
// deactivation end them on the next request, and renewing the cookie never extends their lifetime.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callAuth, cookiesFrom, signIn, signOut } from "./support/next-auth-client";
import { hashPassword } from "@/app/_server/auth/hash-password";
import type { AppRole } from "@/app/_server/auth/roles";
import * as flowsRoute from "@/app/api/flows/route";
import * as auditRoute from "@/app/api/audit/route";
import * as userRoute from "@/app/api/users/[userId]/route";
import { startTestApp, type TestApp } from "./support/test-app";

let app: TestApp;
let passwordHash = "";
const password = "session-test-password";
beforeAll(async () => {
  app = await startTestApp();
  passwordHash = await hashPassword(password, { logN: 10, r: 8, p: 1 });
});
afterAll(async () => {
  await app.stop();
});

async function signedIn(role: AppRole) {
  const email = `${role}-${Math.random().toString(36).slice(2, 8)}@sessions.test`;
  const user = await app.db.prisma.user.create({ data: { email, name: `Session ${role}`, role, passwordHash, locale: "en" } });
  const result = await signIn(email, password);
  if (!result.sessionCookie) throw new Error(`sign-in failed: ${result.url}`);
  return { user, cookie: `next-auth.session-token=${result.sessionCookie}`, raw: result.sessionCookie };
}

const get = (handler: typeof flowsRoute.GET, cookie: string, path = "/api/flows") => app.call(handler, { as: null, path, headers: { cookie } });

describe("sessions", () => {
  it("refuse a demoted user's old cookie on the next request, for reading and for writing", async () => {
    const { user, cookie } = await signedIn("ops");
    expect((await get(flowsRoute.GET, cookie)).status).toBe(200);
    expect((await get(auditRoute.GET, cookie, "/api/audit")).status).toBe(200);
    expect((await app.call(userRoute.PATCH, { as: "admin", method: "PATCH", params: { userId: user.id }, body: { role: "agent" } })).status).toBe(200);

    expect((await get(auditRoute.GET, cookie, "/api/audit")).status).toBe(401);
    const create = await app.call(flowsRoute.POST, { as: null, method: "POST", path: "/api/flows", body: { name: "after demotion", kind: "ivr" }, headers: { cookie } });
    expect(create.status).toBe(401);
    expect(await app.db.prisma.flow.count({ where: { name: "after demotion" } })).toBe(0);
    expect(await app.db.prisma.authSession.findFirstOrThrow({ where: { userId: user.id } })).toMatchObject({ revokedReason: "roleChange" });

    // Signing in again gives a session with the new role.
    const again = await signIn(user.email, password);
    expect((await get(flowsRoute.GET, `next-auth.session-token=${again.sessionCookie}`)).status).toBe(403);
  });

  it("end at sign-out: the same cookie no longer opens anything", async () => {
    const { cookie, raw } = await signedIn("admin");
    expect((await get(flowsRoute.GET, cookie)).status).toBe(200);
    const out = await signOut(raw);
    expect(out.status).toBeLessThan(400);
    expect((await get(flowsRoute.GET, cookie)).status).toBe(401);
  });

  it("end for a deactivated user, who can no longer sign in either (until reactivated)", async () => {
    const { user, cookie } = await signedIn("ops");
    expect((await app.call(userRoute.PATCH, { as: "admin", method: "PATCH", params: { userId: user.id }, body: { active: false } })).body.user).toMatchObject({ active: false });
    expect((await get(flowsRoute.GET, cookie)).status).toBe(401);
    const refused = await signIn(user.email, password);
    expect(refused.sessionCookie).toBeUndefined();
    expect(await app.db.prisma.auditEntry.findFirstOrThrow({ where: { action: "auth.signInFailed", targetId: user.email } })).toMatchObject({ details: { reason: "deactivated" } });
    await app.call(userRoute.PATCH, { as: "admin", method: "PATCH", params: { userId: user.id }, body: { active: true } });
    expect((await signIn(user.email, password)).sessionCookie).toBeTruthy();
    const actions = await app.db.prisma.auditEntry.findMany({ where: { targetId: user.id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["user.deactivate", "user.reactivate"]);
  });

  it("have an absolute lifetime: renewing the cookie (GET /api/auth/session) does not extend it", async () => {
    const { user, cookie, raw } = await signedIn("ops");
    const renewed = await callAuth("GET", "session", { cookie });
    expect((await renewed.json()).user).toMatchObject({ email: user.email });
    const renewedCookie = cookiesFrom(renewed).get("next-auth.session-token");
    expect(renewedCookie).toBeTruthy();
    expect((await get(flowsRoute.GET, `next-auth.session-token=${renewedCookie}`)).status).toBe(200);

    // Eight hours later, however often it was renewed in between.
    const row = await app.db.prisma.authSession.findFirstOrThrow({ where: { userId: user.id } });
    await app.db.prisma.authSession.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const late = await callAuth("GET", "session", { cookie: `next-auth.session-token=${renewedCookie}` });
    expect(await late.json()).toEqual({});
    // next-auth clears the cookie instead of renewing it.
    expect(cookiesFrom(late).get("next-auth.session-token")).toBe("");
    for (const stale of [raw, renewedCookie]) expect((await get(flowsRoute.GET, `next-auth.session-token=${stale}`)).status).toBe(401);
  });

  it("are removed a month after they ended, at a later sign-in", async () => {
    const old = await app.db.prisma.authSession.create({ data: { userId: app.users.ops.id, createdAt: new Date(Date.now() - 40 * 86_400_000), expiresAt: new Date(Date.now() - 31 * 86_400_000) } });
    const recent = await app.db.prisma.authSession.create({ data: { userId: app.users.ops.id, expiresAt: new Date(Date.now() - 86_400_000) } });
    await signedIn("ops");
    expect(await app.db.prisma.authSession.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await app.db.prisma.authSession.findUnique({ where: { id: recent.id } })).not.toBeNull();
  });

  it("refuse a validly signed cookie whose session row does not exist", async () => {
    const { encode } = await import("next-auth/jwt");
    const { testSecret } = await import("./support/test-app");
    const token = await encode({ token: { sub: app.users.admin.id, sid: "no-such-session" }, secret: testSecret });
    expect((await get(flowsRoute.GET, `next-auth.session-token=${token}`)).status).toBe(401);
  });
});
