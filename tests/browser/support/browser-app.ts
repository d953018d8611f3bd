import type { Browser, Page } from "playwright-core";
import { hashPassword } from "@/app/_server/auth/hash-password";
import type { AppRole } from "@/app/_server/auth/roles";
import { toJsonObject } from "@/app/_server/flows/to-json-object";
import { initialGraph } from "@/app/_server/flows/initial-graph";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { launchChromium } from "./browser";
import { ensureBuilt } from "./build-app";
import { startNextServer, type NextServer } from "./next-server";

export const PASSWORD = "correct horse battery staple";
const SECRET = "browser-tests-only-secret-0123456789abcdef";

export interface BrowserApp {
  url: string;
  db: TestDatabase;
  browser: Browser;
  users: Record<AppRole, { id: string; email: string }>;
  createFlow(name: string, graph?: unknown): Promise<string>;
  signIn(page: Page, role?: AppRole): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The real app (production build, `next start`) on its own database with one user per role, and a
 * headless Chromium. `services` starts what else the server needs on that database (the call engine
 * and simulator for test calls) and returns the environment that points the server at it.
 */
export async function startBrowserApp(options: { services?: (db: TestDatabase) => Promise<Record<string, string>> } = {}): Promise<BrowserApp> {
  await ensureBuilt();
  const db = await createTestDatabase();
  const passwordHash = await hashPassword(PASSWORD, { logN: 12, r: 8, p: 1 });
  const createUser = async (role: AppRole) => {
    const email = `${role}@browser.test`;
    const user = await db.prisma.user.create({ data: { email, name: `${role} user`, role, passwordHash, locale: "en" } });
    return { id: user.id, email };
  };
  const users: Record<AppRole, { id: string; email: string }> = {
    admin: await createUser("admin"),
    ops: await createUser("ops"),
    agent: await createUser("agent"),
    marketer: await createUser("marketer"),
  };
  let server: NextServer | null = null;
  let browser: Browser | null = null;
  try {
    const env = options.services ? await options.services(db) : {};
    server = await startNextServer({ DATABASE_URL: db.url, NEXTAUTH_SECRET: SECRET, ...env });
    browser = await launchChromium();
  } catch (error) {
    await server?.stop();
    await db.drop();
    throw error;
  }
  const url = server.url;
  const runningServer = server;
  const runningBrowser = browser;
  return {
    url,
    db,
    browser: runningBrowser,
    users,
    async createFlow(name, graph) {
      const flow = await db.prisma.flow.create({
        data: { name, kind: "ivr", draftGraph: toJsonObject(graph ?? initialGraph("ivr", name)), createdById: users.admin.id, updatedById: users.admin.id },
      });
      return flow.id;
    },
    async signIn(page, role = "admin") {
      await page.goto(`${url}/signin`);
      await page.locator('input[name="email"]').fill(users[role].email);
      await page.locator('input[name="password"]').fill(PASSWORD);
      await page.locator('button[type="submit"]').click();
      await page.waitForURL((target) => !target.pathname.startsWith("/signin"), { timeout: 30_000 });
    },
    async stop() {
      await runningBrowser.close().catch(() => undefined);
      await runningServer.stop();
      await db.drop();
    },
  };
}
