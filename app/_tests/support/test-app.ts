import { encode } from "next-auth/jwt";
import { vi } from "vitest";
import { GRAPH_SCHEMA_VERSION, type FlowKind } from "@/flows-runtime/graph/schema";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import type { AppRole } from "@/app/_server/auth/roles";
import type { RouteContext } from "@/app/_server/auth/require-session";
import { toJsonObject } from "@/app/_server/flows/to-json-object";
import { initialGraph } from "@/app/_server/flows/initial-graph";
import { forwardedFor } from "@/app/_server/http/forwarded-for";
import { trustedProxies } from "@/app/_server/http/trusted-proxies";
import { startAuthSession } from "@/app/_server/auth/start-auth-session";

export const testSecret = "test-only-secret-for-vitest-0123456789abcdef";

export type RouteHandler = (req: Request, context: RouteContext) => Promise<Response>;

export interface CallOptions {
  /**
   * Who calls: a role (a real signed session cookie for that role's user), a user made with
   * createUser, or null for no session.
   */
  as: AppRole | TestUser | null;
  method?: string;
  path?: string;
  params?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is, with Content-Type: application/json unless headers say otherwise. */
  rawBody?: string | Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
  /** The socket peer the request comes from (default 127.0.0.1), as scripts/web-server.ts sees it. */
  peer?: string;
}

export interface CallResult {
  status: number;
  // Response bodies are read as JSON (any), as a browser client would.
  body: any;
  headers: Headers;
}

export interface TestUser {
  id: string;
  role: AppRole;
  name: string;
  email: string;
}

/** A valid, publishable IVR graph: Start → Hang up. */
export function validIvrGraph(name = "Hotline") {
  return {
    schemaVersion: GRAPH_SCHEMA_VERSION,
    kind: "ivr",
    name,
    variables: [],
    nodes: [
      { id: "start", type: "start", position: { x: 0, y: 0 }, data: { defaultLanguage: "zh-CN" } },
      { id: "bye", type: "hangup", position: { x: 240, y: 0 }, data: {} },
    ],
    edges: [{ id: "e1", source: "start", sourcePort: "next", target: "bye" }],
  };
}

/**
 * One migrated database per test file, wired in as the app's Prisma client, with one user per role.
 * Route handlers are called directly with a Request carrying a session cookie minted with next-auth's
 * own encode(), exactly what the credentials sign-in sets.
 */
export async function startTestApp() {
  vi.stubEnv("NEXTAUTH_SECRET", testSecret);
  // http: session cookies without the __Secure- prefix, as on an intranet install without TLS.
  vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
  // Requests are handed over as scripts/web-server.ts would (X-Forwarded-For checked against the peer).
  vi.stubEnv("CC_FORWARDED_FOR_CHECKED", "1");
  const db: TestDatabase = await createTestDatabase();
  globalThis.ccPrisma = db.prisma;

  async function insertUser(role: AppRole, email: string, name: string): Promise<TestUser> {
    const created = await db.prisma.user.create({ data: { email, name, role, passwordHash: "unused-in-route-tests", locale: "en" } });
    return { id: created.id, role, name: created.name, email: created.email };
  }
  /** Another user of a role (a second reviewer, an author), besides the one per role below. */
  const createUser = (role: AppRole, name = `Another ${role}`) => insertUser(role, `${role}-${Math.random().toString(36).slice(2, 10)}@test.local`, name);

  const roleUsers: Record<AppRole, TestUser> = {
    admin: await insertUser("admin", "admin@test.local", "Test admin"),
    ops: await insertUser("ops", "ops@test.local", "Test ops"),
    agent: await insertUser("agent", "agent@test.local", "Test agent"),
    marketer: await insertUser("marketer", "marketer@test.local", "Test marketer"),
  };

  /** A signed-in session: its row (as the credentials sign-in creates it) and the cookie naming it. */
  async function cookieFor(user: TestUser): Promise<string> {
    const sid = await startAuthSession(user.id, db.prisma);
    const token = await encode({ token: { sub: user.id, sid, name: user.name, email: user.email }, secret: testSecret });
    return `next-auth.session-token=${token}`;
  }

  async function sessionCookie(role: AppRole): Promise<string> {
    return cookieFor(roleUsers[role]);
  }

  async function call(handler: RouteHandler, options: CallOptions): Promise<CallResult> {
    const raw: Record<string, string> = { ...options.headers };
    forwardedFor(raw, options.peer ?? "127.0.0.1", trustedProxies());
    const headers = new Headers(raw);
    if (options.as) {
      const cookie = typeof options.as === "string" ? await sessionCookie(options.as) : await cookieFor(options.as);
      const cookies = [headers.get("cookie"), cookie].filter(Boolean);
      headers.set("cookie", cookies.join("; "));
    }
    const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    if (body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
    const request = new Request(`http://localhost${options.path ?? "/"}`, { method: options.method ?? "GET", headers, body });
    const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON (kept as text for the assertion message).
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }

  async function createFlow(kind: FlowKind = "ivr", overrides: { name?: string; graph?: unknown; deleted?: boolean } = {}) {
    const name = overrides.name ?? `Flow ${Math.random().toString(36).slice(2, 8)}`;
    return db.prisma.flow.create({
      data: {
        name,
        kind,
        draftGraph: toJsonObject(overrides.graph ?? initialGraph(kind, name)),
        createdById: roleUsers.admin.id,
        updatedById: roleUsers.admin.id,
        deletedAt: overrides.deleted ? new Date() : null,
      },
    });
  }

  async function stop() {
    globalThis.ccPrisma = undefined;
    vi.unstubAllEnvs();
    await db.drop();
  }

  return { db, users: roleUsers, createUser, cookieFor, sessionCookie, call, createFlow, stop };
}

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;
