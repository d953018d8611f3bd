// Sign-in through next-auth's real route handler and our credentials provider, then use the issued
// session cookie on a route handler: the same path a browser takes. Only next/headers is replaced,
// because outside a Next server it has no request to read.
import { createRequire } from "node:module";
import { decode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { formatSignInDetails, seedUsers, seedUsersList } from "@/scripts/seed-users";
import { verifyCredentials } from "@/app/_server/auth/verify-credentials";
import * as authRoute from "@/app/api/auth/[...nextauth]/route";
import * as flowsRoute from "@/app/api/flows/route";
import { startTestApp, testSecret, type TestApp } from "./support/test-app";

// next-auth's route handler require()s next/headers at call time; both resolve to the same CommonJS
// module, so replacing its exports here is what next-auth sees.
const nextHeadersModule = createRequire(import.meta.url)("next/headers");
let currentHeaders = new Headers();
vi.spyOn(nextHeadersModule, "headers").mockImplementation(async () => currentHeaders);
vi.spyOn(nextHeadersModule, "cookies").mockImplementation(async () => ({
  getAll: () =>
    (currentHeaders.get("cookie") ?? "")
      .split(";")
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => ({ name: part.slice(0, part.indexOf("=")), value: decodeURIComponent(part.slice(part.indexOf("=") + 1)) })),
}));

let app: TestApp;
const passwords = { SEED_PASSWORD_ADMIN: "admin-pass-1234", SEED_PASSWORD_AGENT: "agent-pass-1234", SEED_PASSWORD: "shared-pass-1234" };
beforeAll(async () => {
  app = await startTestApp();
  await seedUsers(app.db.prisma, passwords);
});
afterAll(async () => {
  await app.stop();
});

function cookiesFrom(response: Response): Map<string, string> {
  return new Map(response.headers.getSetCookie().map((header) => {
    const [pair = ""] = header.split(";");
    const index = pair.indexOf("=");
    return [pair.slice(0, index), pair.slice(index + 1)];
  }));
}

async function callAuth(method: "GET" | "POST", action: string, options: { cookie?: string; form?: Record<string, string> } = {}) {
  const headers = new Headers({ host: "localhost:3000" });
  if (options.cookie) headers.set("cookie", options.cookie);
  let body: string | undefined;
  if (options.form) {
    headers.set("content-type", "application/x-www-form-urlencoded");
    body = new URLSearchParams(options.form).toString();
  }
  currentHeaders = headers;
  const request = new NextRequest(`http://localhost:3000/api/auth/${action}`, { method, headers, body });
  const handler = method === "GET" ? authRoute.GET : authRoute.POST;
  return handler(request, { params: Promise.resolve({ nextauth: action.split("/") }) });
}

async function signIn(email: string, password: string) {
  const csrfResponse = await callAuth("GET", "csrf");
  const { csrfToken } = await csrfResponse.json();
  const csrfCookie = `next-auth.csrf-token=${cookiesFrom(csrfResponse).get("next-auth.csrf-token")}`;
  const response = await callAuth("POST", "callback/credentials", { cookie: csrfCookie, form: { csrfToken, email, password, json: "true" } });
  const { url } = await response.json();
  return { sessionCookie: cookiesFrom(response).get("next-auth.session-token"), url: String(url) };
}

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
    expect(await decode({ token: adminCookie, secret: testSecret })).toMatchObject({ sub: user.id, role: "admin", locale: "zh-CN", email: "admin@cc-flows.local" });
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
