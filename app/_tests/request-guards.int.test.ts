// Guards every route shares: cross-site requests refused (CSRF), and input the database could not
// store refused as a 400 naming the field, before anything is written.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as flowsRoute from "@/app/api/flows/route";
import * as flowRoute from "@/app/api/flows/[flowId]/route";
import * as draftRoute from "@/app/api/flows/[flowId]/draft/route";
import * as importRoute from "@/app/api/flows/import/route";
import * as entryPointsRoute from "@/app/api/flows/[flowId]/entry-points/route";
import * as flowReviewsRoute from "@/app/api/flows/[flowId]/reviews/route";
import * as commentsRoute from "@/app/api/flows/[flowId]/reviews/[reviewId]/comments/route";
import * as requestChangesRoute from "@/app/api/flows/[flowId]/reviews/[reviewId]/request-changes/route";
import * as rollbackRoute from "@/app/api/flows/[flowId]/rollback/route";
import * as duplicateRoute from "@/app/api/flows/[flowId]/duplicate/route";
import * as apiTokensRoute from "@/app/api/api-tokens/route";
import { maxJsonDepth } from "@/app/_server/http/assert-storable";
import { insertVersion } from "./support/version-fixtures";
import { startTestApp, validIvrGraph, type RouteHandler, type TestApp } from "./support/test-app";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

const apiRoot = path.resolve(import.meta.dirname, "../api");
function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return entry === "route.ts" ? [full] : [];
  });
}

const isHandler = (value: unknown): value is RouteHandler => typeof value === "function";

describe("cross-site requests", () => {
  it("are refused on every state-changing route, before anything else runs", async () => {
    const checked: string[] = [];
    for (const file of routeFiles(apiRoot)) {
      // next-auth's own routes carry its CSRF token.
      if (file.includes("[...nextauth]")) continue;
      const route: Record<string, unknown> = await import(file);
      for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
        const handler = route[method];
        if (!isHandler(handler)) continue;
        const name = `${method} ${path.relative(apiRoot, path.dirname(file))}`;
        const foreign: Array<Record<string, string>> = [{ "sec-fetch-site": "same-site" }, { "sec-fetch-site": "cross-site" }, { origin: "http://127.0.0.1:45678" }, { origin: "null" }];
        for (const headers of foreign) {
          const result = await app.call(handler, { as: "admin", method, headers, params: { flowId: "f", reviewId: "r", callId: "c", tokenId: "t", userId: "u", versionId: "v" } });
          expect(result.status, `${name} ${JSON.stringify(headers)}`).toBe(403);
          expect(result.body.error.code, name).toBe("cross_site_request");
        }
        checked.push(name);
      }
    }
    expect(checked.length).toBeGreaterThanOrEqual(22);
    expect(await app.db.prisma.auditEntry.count()).toBe(0);
  });

  it("let the app's own pages, non-browser clients and API tokens through", async () => {
    const sameOrigin = await app.call(flowsRoute.POST, { as: "admin", method: "POST", body: { name: "same origin", kind: "ivr" }, headers: { "sec-fetch-site": "same-origin", origin: "http://localhost:3000" } });
    expect(sameOrigin.status).toBe(201);
    // A browser without Sec-Fetch-Site: its Origin must be the app's (NEXTAUTH_URL or the Host it asked).
    const byOrigin = await app.call(flowsRoute.POST, { as: "admin", method: "POST", body: { name: "by origin", kind: "ivr" }, headers: { origin: "http://localhost:3000" } });
    expect(byOrigin.status).toBe(201);
    const scripted = await app.call(flowsRoute.POST, { as: "admin", method: "POST", body: { name: "curl", kind: "ivr" } });
    expect(scripted.status).toBe(201);
    const issued = await app.call(apiTokensRoute.POST, { as: "admin", method: "POST", body: { name: "ci", scopes: ["flow.create"] } });
    const bearer = await app.call(flowsRoute.POST, { as: null, method: "POST", body: { name: "token", kind: "ivr" }, headers: { authorization: `Bearer ${issued.body.token}`, "sec-fetch-site": "cross-site" } });
    expect(bearer.status).toBe(201);
    // Reading stays open to links from elsewhere.
    expect((await app.call(flowsRoute.GET, { as: "admin", path: "/api/flows", headers: { "sec-fetch-site": "cross-site" } })).status).toBe(200);
  });
});

function deep(levels: number): unknown {
  let value: unknown = "leaf";
  for (let i = 0; i < levels; i += 1) value = { nested: value };
  return value;
}

describe("input the database could not store", () => {
  const nul = "before\u0000after";
  const lone = "bad \uD83D half";

  it("is refused with 400 naming the field on every write route, and nothing is saved", async () => {
    const flowsBefore = await app.db.prisma.flow.count();
    const flow = await app.createFlow("ivr", { graph: validIvrGraph("Untouched") });
    const original = await app.db.prisma.flow.findUniqueOrThrow({ where: { id: flow.id } });
    const author = await app.createUser("ops", "Author");
    const { reviewId } = await insertVersion(app, flow.id, validIvrGraph(), { status: "pending", submittedById: author.id });
    const flowId = flow.id;
    const withNode = (label: string) => ({ ...validIvrGraph(), nodes: validIvrGraph().nodes.map((node) => (node.id === "bye" ? { ...node, label } : node)) });
    const cases: Array<{ name: string; handler: RouteHandler; method: string; params?: Record<string, string>; body: (text: string) => unknown; field: string }> = [
      { name: "create flow", handler: flowsRoute.POST, method: "POST", body: (text) => ({ name: text, kind: "ivr" }), field: "name" },
      { name: "rename", handler: flowRoute.PATCH, method: "PATCH", params: { flowId }, body: (text) => ({ name: text }), field: "name" },
      { name: "save draft", handler: draftRoute.PUT, method: "PUT", params: { flowId }, body: (text) => ({ graph: withNode(text), baseRevision: 1 }), field: "graph.nodes.1.label" },
      { name: "import", handler: importRoute.POST, method: "POST", body: (text) => withNode(text), field: "nodes.1.label" },
      { name: "entry point", handler: entryPointsRoute.POST, method: "POST", params: { flowId }, body: (text) => ({ kind: "stasis", value: text }), field: "value" },
      { name: "submit", handler: flowReviewsRoute.POST, method: "POST", params: { flowId }, body: (text) => ({ note: text }), field: "note" },
      { name: "comment", handler: commentsRoute.POST, method: "POST", params: { flowId, reviewId }, body: (text) => ({ body: text }), field: "body" },
      { name: "request changes", handler: requestChangesRoute.POST, method: "POST", params: { flowId, reviewId }, body: (text) => ({ note: text }), field: "note" },
      { name: "rollback", handler: rollbackRoute.POST, method: "POST", params: { flowId }, body: (text) => ({ versionId: "v", note: text }), field: "note" },
      { name: "duplicate", handler: duplicateRoute.POST, method: "POST", params: { flowId }, body: (text) => ({ name: text }), field: "name" },
      { name: "API token", handler: apiTokensRoute.POST, method: "POST", body: (text) => ({ name: text, scopes: ["flow.view"] }), field: "name" },
    ];
    for (const route of cases) {
      for (const [what, text] of [["NUL", nul], ["lone surrogate", lone]] as const) {
        const result = await app.call(route.handler, { as: "admin", method: route.method, params: route.params, body: route.body(text) });
        expect(result.status, `${route.name} with ${what}: ${JSON.stringify(result.body)}`).toBe(400);
        expect(result.body.error.code).toBe("invalid_input");
        expect(result.body.error.fields.map((f: { field: string }) => f.field), route.name).toContain(route.field);
      }
      const nested = await app.call(route.handler, { as: "admin", method: route.method, params: route.params, body: { deep: deep(400) } });
      expect(nested.status, `${route.name} nested: ${JSON.stringify(nested.body).slice(0, 300)}`).toBe(400);
      expect(nested.body.error.message).toContain(`deeper than ${maxJsonDepth}`);
    }
    expect(await app.db.prisma.flow.count()).toBe(flowsBefore + 1);
    expect(await app.db.prisma.flow.findUniqueOrThrow({ where: { id: flow.id } })).toEqual(original);
    expect(await app.db.prisma.entryPoint.count()).toBe(0);
    expect(await app.db.prisma.reviewComment.count()).toBe(0);
    expect(await app.db.prisma.apiToken.count({ where: { name: { not: "ci" } } })).toBe(0);
  });

  it("names a bad key too, and accepts real non-BMP text (a surrogate pair)", async () => {
    const key = await app.call(importRoute.POST, { as: "admin", method: "POST", body: { ...validIvrGraph(), ["k\u0000"]: 1 } });
    expect(key.status).toBe(400);
    expect(key.body.error.fields[0].message).toMatch(/key/);
    const emoji = await app.call(flowsRoute.POST, { as: "admin", method: "POST", body: { name: "客服 😀", kind: "ivr" } });
    expect(emoji.status).toBe(201);
  });

  it("checks query strings the same way", async () => {
    const result = await app.call(flowsRoute.GET, { as: "admin", path: "/api/flows?q=%00" });
    expect(result.status).toBe(400);
    expect(result.body.error.fields[0].field).toBe("q");
  });
});
