import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import WebSocket from "ws";
import * as flowRoute from "@/app/api/flows/[flowId]/route";
import * as restoreRoute from "@/app/api/flows/[flowId]/restore/route";
import * as importRoute from "@/app/api/flows/import/route";
import * as draftRoute from "@/app/api/flows/[flowId]/draft/route";
import * as publishRoute from "@/app/api/flows/[flowId]/publish/route";
import * as rollbackRoute from "@/app/api/flows/[flowId]/rollback/route";
import * as flowReviewsRoute from "@/app/api/flows/[flowId]/reviews/route";
import * as approveRoute from "@/app/api/flows/[flowId]/reviews/[reviewId]/approve/route";
import * as requestChangesRoute from "@/app/api/flows/[flowId]/reviews/[reviewId]/request-changes/route";
import * as commentsRoute from "@/app/api/flows/[flowId]/reviews/[reviewId]/comments/route";
import * as auditRoute from "@/app/api/audit/route";
import * as auditExportRoute from "@/app/api/audit/export/route";
import * as userRoute from "@/app/api/users/[userId]/route";
import * as apiTokensRoute from "@/app/api/api-tokens/route";
import * as apiTokenRoute from "@/app/api/api-tokens/[tokenId]/route";
import * as entryPointsRoute from "@/app/api/flows/[flowId]/entry-points/route";
import * as testCallsRoute from "@/app/api/flows/[flowId]/test-calls/route";
import * as testCasesRoute from "@/app/api/flows/[flowId]/test-cases/route";
import * as testCaseRoute from "@/app/api/flows/[flowId]/test-cases/[caseId]/route";
import * as httpAllowListRoute from "@/app/api/http-allow-list/route";
import * as queuesRoute from "@/app/api/queues/route";
import * as queueRoute from "@/app/api/queues/[queueId]/route";
import * as skillsRoute from "@/app/api/queues/skills/route";
import * as skillRoute from "@/app/api/queues/skills/[skillId]/route";
import * as reasonsRoute from "@/app/api/queues/reasons/route";
import * as reasonRoute from "@/app/api/queues/reasons/[reasonId]/route";
import * as agentRoute from "@/app/api/queues/agents/[userId]/route";
import * as dispositionsRoute from "@/app/api/queues/dispositions/route";
import * as dispositionCodeRoute from "@/app/api/queues/dispositions/[dispositionId]/route";
import * as wrapUpRoute from "@/app/api/queues/agents/me/call/disposition/route";
import { actOnCall } from "@/app/_server/queues/agent-desk";
import { createQueueActivities } from "@/workers/queues/queue-activities";
import * as httpAllowEntryRoute from "@/app/api/http-allow-list/[entryId]/route";
import * as httpSecretsRoute from "@/app/api/http-allow-list/secrets/route";
import * as httpSecretRoute from "@/app/api/http-allow-list/secrets/[secret]/route";
import * as customersRoute from "@/app/api/customers/route";
import * as customerRoute from "@/app/api/customers/[customerId]/route";
import * as customerFieldsRoute from "@/app/api/customers/fields/route";
import * as customerFieldRoute from "@/app/api/customers/fields/[fieldKey]/route";
import * as customerImportRoute from "@/app/api/customers/import/route";
import { auditActions } from "@/app/_server/audit/audit-actions";
import { verifyCredentials } from "@/app/_server/auth/verify-credentials";
import { startAriSimulator } from "@/workers/ari-simulator";

import { startTestApp, validIvrGraph, type TestApp, type TestUser } from "./support/test-app";

let app: TestApp;
let author: TestUser;
let reviewer: TestUser;
beforeAll(async () => {
  app = await startTestApp();
  // The reverse proxy these tests' requests come through (see fromProxy).
  vi.stubEnv("TRUSTED_PROXIES", "10.0.0.1");
  author = await app.createUser("ops", "Olivia Author");
  reviewer = await app.createUser("ops", "=HYPERLINK(\"http://evil.example\",\"click\")");
});
afterAll(async () => {
  await app.stop();
});

/** Through the trusted proxy 10.0.0.1, which names the client it saw. */
const fromProxy = (ip: string) => ({ "x-forwarded-for": ip });
const proxy = "10.0.0.1";

/** Minimal RFC 4180 reader for the assertions: quoted cells, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i += 1;
    } else cell += char;
  }
  return rows;
}

describe("the audit log", () => {
  let flowId = "";

  it("records every action of a flow's life with who, when, what and from where", async () => {
    const imported = await app.call(importRoute.POST, { as: author, method: "POST", body: validIvrGraph("Audited"), peer: proxy, headers: fromProxy("203.0.113.7") });
    expect(imported.status).toBe(201);
    flowId = imported.body.flow.id;
    const call = (handler: typeof publishRoute.POST, as: TestUser | "admin" | "ops", params: Record<string, string>, body?: unknown, ip = "203.0.113.7") =>
      app.call(handler, { as, method: "POST", params: { flowId, ...params }, body, peer: proxy, headers: fromProxy(ip) });

    const first = await call(flowReviewsRoute.POST, author, {}, { note: "first" });
    const firstId = String(first.body.review.id);
    expect((await call(commentsRoute.POST, reviewer, { reviewId: firstId }, { nodeId: "bye", body: "=1+1, \"quoted\"\nnext line" })).status).toBe(201);
    expect((await call(requestChangesRoute.POST, reviewer, { reviewId: firstId }, { note: "say bye" })).status).toBe(200);
    await app.call(draftRoute.PUT, { as: author, method: "PUT", params: { flowId }, body: { graph: validIvrGraph("Audited v2"), baseRevision: 1 } });
    const second = await call(flowReviewsRoute.POST, author, {}, { note: "second" });
    const secondId = String(second.body.review.id);
    expect((await call(approveRoute.POST, reviewer, { reviewId: secondId }, {})).status).toBe(200);
    expect((await call(publishRoute.POST, "ops", {}, { versionId: second.body.review.versionId })).status).toBe(200);

    await app.call(draftRoute.PUT, { as: author, method: "PUT", params: { flowId }, body: { graph: validIvrGraph("Audited v3"), baseRevision: 2 } });
    const third = await call(flowReviewsRoute.POST, author, {}, { note: "third" });
    await call(approveRoute.POST, reviewer, { reviewId: String(third.body.review.id) }, {});
    // Edited after approval: the approval is voided, and that is audited too.
    await app.call(draftRoute.PUT, { as: author, method: "PUT", params: { flowId }, body: { graph: validIvrGraph("Audited v4"), baseRevision: 3 } });
    const fourth = await call(flowReviewsRoute.POST, author, {}, { note: "fourth" });
    await call(approveRoute.POST, reviewer, { reviewId: String(fourth.body.review.id) }, {});
    await call(publishRoute.POST, "ops", {}, { versionId: fourth.body.review.versionId });
    expect((await call(rollbackRoute.POST, "admin", {}, { versionId: second.body.review.versionId, note: "v4 broke" }, "198.51.100.9")).status).toBe(200);

    await app.db.prisma.entryPoint.deleteMany({ where: { flowId } });
    expect((await app.call(flowRoute.DELETE, { as: "admin", params: { flowId } })).status).toBe(200);
    expect((await app.call(restoreRoute.POST, { as: "admin", method: "POST", params: { flowId } })).status).toBe(200);

    const entries = await app.db.prisma.auditEntry.findMany({ where: { flowId }, orderBy: { id: "asc" } });
    expect(entries.map((entry) => entry.action)).toEqual([
      "flow.import",
      "review.submit",
      "review.comment",
      "review.requestChanges",
      "review.submit",
      "review.approve",
      "version.publish",
      "review.submit",
      "review.approve",
      "review.void",
      "review.submit",
      "review.approve",
      "version.publish",
      "version.rollback",
      "flow.delete",
      "flow.restore",
    ]);
    expect(entries[0]).toMatchObject({ actorId: author.id, actorName: "Olivia Author", actorRole: "ops", targetType: "flow", targetId: flowId, ip: "203.0.113.7" });
    expect(entries[2]).toMatchObject({ actorId: reviewer.id, targetType: "review", targetId: firstId, details: { nodeId: "bye", body: "=1+1, \"quoted\"\nnext line" } });
    expect(entries[13]).toMatchObject({ actorId: app.users.admin.id, ip: "198.51.100.9", details: { note: "v4 broke", number: 2 } });
    expect(entries.every((entry) => entry.at instanceof Date)).toBe(true);
  });

  it("records role changes and API token issue and revoke", async () => {
    const target = await app.createUser("agent", "Agent Smith");
    // Straight from the client, not through the proxy: its own X-Forwarded-For and X-Real-IP are not believed.
    const headers = { "x-forwarded-for": "203.0.113.66", "x-real-ip": "203.0.113.67" };
    const peer = "192.0.2.44";
    expect((await app.call(userRoute.PATCH, { as: "admin", method: "PATCH", params: { userId: target.id }, body: { role: "ops" }, headers, peer })).status).toBe(200);
    const issued = await app.call(apiTokensRoute.POST, { as: "admin", method: "POST", body: { name: "CI deploy", scopes: ["flow.view"] }, headers, peer });
    const tokenId = String(issued.body.apiToken.id);
    expect((await app.call(apiTokenRoute.DELETE, { as: "admin", method: "DELETE", params: { tokenId }, headers, peer })).status).toBe(200);
    // Revoking again changes nothing and is not recorded twice.
    await app.call(apiTokenRoute.DELETE, { as: "admin", method: "DELETE", params: { tokenId } });

    const role = await app.db.prisma.auditEntry.findFirstOrThrow({ where: { action: "user.roleChange", targetId: target.id } });
    expect(role).toMatchObject({ actorId: app.users.admin.id, targetType: "user", ip: "192.0.2.44", details: { from: "agent", to: "ops" } });
    expect(await app.db.prisma.auditEntry.count({ where: { targetId: tokenId, action: "apiToken.issue" } })).toBe(1);
    expect(await app.db.prisma.auditEntry.count({ where: { targetId: tokenId, action: "apiToken.revoke" } })).toBe(1);
    const issue = await app.db.prisma.auditEntry.findFirstOrThrow({ where: { targetId: tokenId, action: "apiToken.issue" } });
    expect(JSON.stringify(issue.details)).not.toContain(String(issued.body.token));
    expect((await app.call(userRoute.PATCH, { as: "admin", method: "PATCH", params: { userId: app.users.admin.id }, body: { role: "agent" } })).body.error.code).toBe("own_role");
  });

  it("records entry-point changes, test calls and failed sign-ins", async () => {
    const sim = await startAriSimulator({ port: 0, username: "asterisk", password: "asterisk", defaultApp: "cc-flows-audit" });
    vi.stubEnv("ARI_SIM_URL", sim.url);
    vi.stubEnv("ARI_APP", "cc-flows-audit");
    // Stands in for the ARI bridge: the simulator accepts calls only into a registered Stasis app.
    const engine = new WebSocket(`${sim.url.replace(/^http/, "ws")}/ari/events?app=cc-flows-audit&api_key=asterisk:asterisk`);
    try {
      await new Promise((resolve, reject) => {
        engine.once("open", resolve);
        engine.once("error", reject);
      });
      const flow = await app.createFlow("ivr", { graph: validIvrGraph("Entry points") });
      const added = await app.call(entryPointsRoute.POST, { as: "ops", method: "POST", params: { flowId: flow.id }, body: { kind: "did", value: "4008001234" }, peer: proxy, headers: fromProxy("203.0.113.8") });
      expect(added.status).toBe(201);
      const entryPointId = String(added.body.entryPoint.id);
      expect((await app.call(entryPointsRoute.DELETE, { as: "admin", method: "DELETE", params: { flowId: flow.id }, path: `/x?id=${entryPointId}` })).status).toBe(200);
      const placed = await app.call(testCallsRoute.POST, { as: "ops", method: "POST", params: { flowId: flow.id }, body: {} });
      expect(placed.status).toBe(201);

      const entries = await app.db.prisma.auditEntry.findMany({ where: { flowId: flow.id }, orderBy: { id: "asc" } });
      expect(entries.map((entry) => entry.action)).toEqual(["entryPoint.add", "entryPoint.remove", "testCall.start"]);
      expect(entries[0]).toMatchObject({ actorId: app.users.ops.id, targetType: "entryPoint", targetId: entryPointId, ip: "203.0.113.8", details: { kind: "did", value: "4008001234" } });
      expect(entries[1]).toMatchObject({ actorId: app.users.admin.id, details: { value: "4008001234" } });
      expect(entries[2]).toMatchObject({ targetType: "testCall", targetId: placed.body.testCall.callId, details: { testPlanId: placed.body.testCall.testPlanId } });
    } finally {
      engine.close();
      await sim.close();
    }

    expect(await verifyCredentials({ email: "nobody@audit.test", password: "guess" }, { db: app.db.prisma, headers: { "x-forwarded-for": "198.51.100.3" } })).toBeNull();
    const failed = await app.db.prisma.auditEntry.findFirstOrThrow({ where: { action: "auth.signInFailed" } });
    expect(failed).toMatchObject({ actorId: null, actorName: "nobody@audit.test", targetType: "account", targetId: "nobody@audit.test", ip: "198.51.100.3", details: { reason: "invalid_credentials" } });
  });

  it("records deactivation and reactivation", async () => {
    const target = await app.createUser("ops", "Temporarily away");
    for (const active of [false, true]) expect((await app.call(userRoute.PATCH, { as: "admin", method: "PATCH", params: { userId: target.id }, body: { active } })).status).toBe(200);
    const actions = await app.db.prisma.auditEntry.findMany({ where: { targetId: target.id }, orderBy: { id: "asc" } });
    expect(actions.map((entry) => entry.action)).toEqual(["user.deactivate", "user.reactivate"]);
  });

  it("records HTTP allow-list changes and secret bindings (names and hosts, never values)", async () => {
    const headers = fromProxy("192.0.2.45");
    const peer = proxy;
    const added = await app.call(httpAllowListRoute.POST, { as: "admin", method: "POST", body: { destination: "crm.example.com", allowInternal: false, note: "CRM" }, headers, peer });
    const entryId = String(added.body.host.id);
    expect((await app.call(httpAllowEntryRoute.DELETE, { as: "admin", method: "DELETE", params: { entryId }, headers, peer })).status).toBe(200);
    expect((await app.call(httpSecretsRoute.PUT, { as: "admin", method: "PUT", body: { secret: "CRM_API_KEY", destinations: ["crm.example.com"] }, headers, peer })).status).toBe(200);
    expect((await app.call(httpSecretsRoute.PUT, { as: "admin", method: "PUT", body: { secret: "CRM_API_KEY", destinations: ["crm2.example.com"] }, headers, peer })).status).toBe(200);
    expect((await app.call(httpSecretRoute.DELETE, { as: "admin", method: "DELETE", params: { secret: "CRM_API_KEY" }, headers, peer })).status).toBe(200);

    const add = await app.db.prisma.auditEntry.findFirstOrThrow({ where: { action: "httpAllowList.add", targetId: entryId } });
    expect(add).toMatchObject({ actorId: app.users.admin.id, targetType: "httpAllowList", ip: "192.0.2.45", details: { destination: "crm.example.com", allowInternal: false, note: "CRM" } });
    expect(await app.db.prisma.auditEntry.count({ where: { action: "httpAllowList.remove", targetId: entryId } })).toBe(1);
    const sets = await app.db.prisma.auditEntry.findMany({ where: { action: "httpSecretBinding.set", targetId: "CRM_API_KEY" }, orderBy: { id: "asc" } });
    expect(sets.map((entry) => entry.details)).toEqual([
      { secret: "CRM_API_KEY", before: null, after: ["crm.example.com"] },
      { secret: "CRM_API_KEY", before: ["crm.example.com"], after: ["crm2.example.com"] },
    ]);
    expect(await app.db.prisma.auditEntry.count({ where: { action: "httpSecretBinding.remove", targetId: "CRM_API_KEY" } })).toBe(1);
  });

  it("records saved test cases: created, changed (before and after) and deleted", async () => {
    const flow = await app.createFlow("ivr", { graph: validIvrGraph() });
    const body = { name: "Closed at night", pretend: { clock: { date: "2026-12-02", time: "05:37", timeZone: "Asia/Shanghai" } }, expectations: { path: null, outcome: { kind: "completed" } } };
    const created = await app.call(testCasesRoute.POST, { as: "ops", method: "POST", params: { flowId: flow.id }, body });
    expect(created.status).toBe(201);
    const caseId = created.body.testCase.id;
    expect((await app.call(testCaseRoute.PUT, { as: "ops", method: "PUT", params: { flowId: flow.id, caseId }, body: { ...body, name: "Closed before nine" } })).status).toBe(200);
    expect((await app.call(testCaseRoute.DELETE, { as: "admin", method: "DELETE", params: { flowId: flow.id, caseId } })).status).toBe(200);
    const entries = await app.db.prisma.auditEntry.findMany({ where: { targetId: caseId }, orderBy: { id: "asc" } });
    expect(entries.map((entry) => [entry.action, entry.targetType, entry.actorId, entry.flowId])).toEqual([
      ["testCase.create", "testCase", app.users.ops.id, flow.id],
      ["testCase.update", "testCase", app.users.ops.id, flow.id],
      ["testCase.delete", "testCase", app.users.admin.id, flow.id],
    ]);
    expect(entries[0]?.details).toMatchObject({ name: "Closed at night", pretend: body.pretend });
    expect(entries[1]?.details).toMatchObject({ before: { name: "Closed at night" }, after: { name: "Closed before nine" } });
    expect(entries[2]?.details).toMatchObject({ deleted: { name: "Closed before nine" } });
  });

  it("records the contact center's settings: skills, not-ready reasons, queues and agents' profiles", async () => {
    const as = "admin";
    const skill = await app.call(skillsRoute.POST, { as, method: "POST", body: { name: "audit-repair", displayNameZh: "维修", displayNameEn: "Repair" } });
    expect(skill.status).toBe(201);
    const skillId = skill.body.skill.id;
    expect((await app.call(skillRoute.PUT, { as, method: "PUT", params: { skillId }, body: { name: "audit-repair", displayNameZh: "维修服务", displayNameEn: "Repairs" } })).status).toBe(200);
    const reason = await app.call(reasonsRoute.POST, { as, method: "POST", body: { code: "audit-coaching", nameZh: "辅导", nameEn: "Coaching" } });
    expect(reason.status).toBe(201);
    const reasonId = reason.body.reason.id;
    expect((await app.call(reasonRoute.PUT, { as, method: "PUT", params: { reasonId }, body: { code: "audit-coaching", nameZh: "辅导", nameEn: "Coaching", active: false } })).status).toBe(200);
    const queueBody = { name: "audit-after-sales", displayNameZh: "售后", displayNameEn: "After-sales", requiredSkills: [{ skillId, minProficiency: 2 }] };
    const queue = await app.call(queuesRoute.POST, { as, method: "POST", body: queueBody });
    expect(queue.status).toBe(201);
    const queueId = queue.body.queue.id;
    expect((await app.call(queueRoute.PUT, { as, method: "PUT", params: { queueId }, body: { ...queueBody, maxWaiting: 10 } })).status).toBe(200);
    const agent = await app.createUser("agent", "Audit Agent");
    const profile = { extension: "4711", skills: [{ skillId, proficiency: 4 }] };
    expect((await app.call(agentRoute.PUT, { as, method: "PUT", params: { userId: agent.id }, body: profile })).status).toBe(200);
    expect((await app.call(queueRoute.DELETE, { as, method: "DELETE", params: { queueId } })).status).toBe(200);
    expect((await app.call(skillRoute.DELETE, { as, method: "DELETE", params: { skillId } })).status).toBe(200);

    const entries = await app.db.prisma.auditEntry.findMany({ where: { targetId: { in: [skillId, reasonId, queueId, agent.id] } }, orderBy: { id: "asc" } });
    expect(entries.map((entry) => [entry.action, entry.targetType, entry.actorId])).toEqual([
      ["skill.create", "skill", app.users.admin.id],
      ["skill.update", "skill", app.users.admin.id],
      ["notReadyReason.create", "notReadyReason", app.users.admin.id],
      ["notReadyReason.update", "notReadyReason", app.users.admin.id],
      ["queue.create", "queue", app.users.admin.id],
      ["queue.update", "queue", app.users.admin.id],
      ["agentProfile.set", "agentProfile", app.users.admin.id],
      ["queue.delete", "queue", app.users.admin.id],
      ["skill.delete", "skill", app.users.admin.id],
    ]);
  });

  it("records the agent desk: disposition codes, a decline and a wrap-up, by whoever did them", async () => {
    const created = await app.call(dispositionsRoute.POST, { as: "admin", method: "POST", body: { code: "audit-sold", nameZh: "已成交", nameEn: "Sold" } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const dispositionId = created.body.disposition.id;
    const changed = await app.call(dispositionCodeRoute.PUT, { as: "admin", method: "PUT", params: { dispositionId }, body: { code: "audit-sold", nameZh: "已成交", nameEn: "Sold", active: true } });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);

    const agent = await app.createUser("agent", "Audit Desk Agent");
    await app.db.prisma.agentProfile.create({ data: { userId: agent.id, extension: "4712", wrapUpSeconds: 60 } });
    await app.db.prisma.queue.create({ data: { name: "audit-desk", displayNameZh: "坐席", displayNameEn: "Desk", whenFull: { kind: "hangup" }, whenClosed: { kind: "hangup" } } });
    const queues = createQueueActivities(app.db.prisma);
    await queues.queueSetAgentState({ agentId: agent.id, state: "available" });
    const session = { userId: agent.id, role: agent.role, name: agent.name, email: agent.email, locale: "en" as const };
    // A decline is told to the call's workflow; here a recording signaller stands in for Temporal.
    expect(await queues.queueEnqueue({ callId: "audit-declined", queue: "audit-desk", workflowId: "call-audit-declined" })).toMatchObject({ offer: { agentId: agent.id } });
    const told: string[] = [];
    await actOnCall(session, { callId: "audit-declined", action: "decline" }, { db: app.db.prisma, signal: async (workflowId) => void told.push(workflowId) });
    expect(told).toEqual(["call-audit-declined"]);
    await queues.queueLeave({ callId: "audit-declined" });

    expect(await queues.queueEnqueue({ callId: "audit-wrapped", queue: "audit-desk" })).toMatchObject({ offer: { agentId: agent.id } });
    expect((await queues.queueOfferResult({ callId: "audit-wrapped", agentId: agent.id, result: "accepted" })).refused).toBeNull();
    expect((await queues.queueEndCall({ callId: "audit-wrapped" })).refused).toBeNull();
    const wrapped = await app.call(wrapUpRoute.PUT, { as: agent, method: "PUT", body: { callId: "audit-wrapped", dispositionId, note: "下单成功" } });
    expect(wrapped.status, JSON.stringify(wrapped.body)).toBe(200);

    const entries = await app.db.prisma.auditEntry.findMany({ where: { targetId: { in: [dispositionId, "audit-declined", "audit-wrapped"] } }, orderBy: { id: "asc" } });
    expect(entries.map((entry) => [entry.action, entry.targetType, entry.actorId])).toEqual([
      ["dispositionCode.create", "dispositionCode", app.users.admin.id],
      ["dispositionCode.update", "dispositionCode", app.users.admin.id],
      ["queuedCall.agentAction", "queuedCall", agent.id],
      ["queuedCall.wrapUp", "queuedCall", agent.id],
    ]);
  });

  it("records customers and their fields: created, changed, imported and deleted, by whoever did them", async () => {
    const field = { key: "auditOrder", labelZh: "订单号", labelEn: "Order number", type: "text" };
    expect((await app.call(customerFieldsRoute.PUT, { as: "admin", method: "PUT", path: "/api/customers/fields", body: field })).status).toBe(200);
    expect((await app.call(customerFieldsRoute.PUT, { as: "admin", method: "PUT", path: "/api/customers/fields", body: { ...field, labelEn: "Order no." } })).status).toBe(200);
    const created = await app.call(customersRoute.POST, { as: "ops", method: "POST", path: "/api/customers", body: { name: "审计客户", phones: ["13700137001"] } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const customerId: string = created.body.customer.id;
    const changed = await app.call(customerRoute.PUT, { as: "ops", method: "PUT", path: `/api/customers/${customerId}`, params: { customerId }, body: { name: "审计客户二", phones: ["13700137001"] } });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const imported = await app.call(customerImportRoute.POST, {
      as: "ops",
      method: "POST",
      path: "/api/customers/import?commit=1",
      rawBody: new Uint8Array(Buffer.from("姓名,电话\n导入客户,13700137002\n", "utf8")),
      headers: { "content-type": "text/csv" },
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect((await app.call(customerRoute.DELETE, { as: "ops", method: "DELETE", path: `/api/customers/${customerId}`, params: { customerId } })).status).toBe(204);
    expect((await app.call(customerFieldRoute.DELETE, { as: "admin", method: "DELETE", path: "/api/customers/fields/auditOrder", params: { fieldKey: "auditOrder" } })).status).toBe(204);

    const entries = await app.db.prisma.auditEntry.findMany({ where: { targetType: { in: ["customer", "customerField"] } }, orderBy: { id: "asc" } });
    expect(entries.map((entry) => [entry.action, entry.actorId])).toEqual([
      ["customerField.create", app.users.admin.id],
      ["customerField.update", app.users.admin.id],
      ["customer.create", app.users.ops.id],
      ["customer.update", app.users.ops.id],
      ["customer.import", app.users.ops.id],
      ["customer.delete", app.users.ops.id],
      ["customerField.delete", app.users.admin.id],
    ]);
  });

  it("has a test above for every action it knows", async () => {
    const recorded = await app.db.prisma.auditEntry.findMany({ distinct: ["action"], select: { action: true } });
    expect(recorded.map((entry) => entry.action).sort()).toEqual([...auditActions].sort());
  });

  it("is append-only in the database: UPDATE, DELETE and TRUNCATE are refused", async () => {
    const before = await app.db.prisma.auditEntry.count();
    const first = await app.db.prisma.auditEntry.findFirstOrThrow({ orderBy: { id: "asc" } });
    await expect(app.db.prisma.$executeRawUnsafe(`UPDATE "AuditEntry" SET "actorName" = 'someone else' WHERE id = ${first.id}`)).rejects.toThrow(/append-only/);
    await expect(app.db.prisma.auditEntry.update({ where: { id: first.id }, data: { action: "flow.restore" } })).rejects.toThrow(/append-only/);
    await expect(app.db.prisma.auditEntry.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(app.db.prisma.$executeRawUnsafe(`TRUNCATE "AuditEntry"`)).rejects.toThrow(/append-only/);
    expect(await app.db.prisma.auditEntry.count()).toBe(before);
    expect(await app.db.prisma.auditEntry.findUniqueOrThrow({ where: { id: first.id } })).toEqual(first);
  });

  it("filters by actor, action, flow and day, newest first, a page at a time", async () => {
    const byAction = await app.call(auditRoute.GET, { as: "ops", path: `/api/audit?action=review.approve&flowId=${flowId}` });
    expect(byAction.status).toBe(200);
    expect(byAction.body.entries).toHaveLength(3);
    expect(byAction.body.entries.every((entry: { action: string; actorId: string }) => entry.action === "review.approve" && entry.actorId === reviewer.id)).toBe(true);
    const ids = byAction.body.entries.map((entry: { id: string }) => BigInt(entry.id));
    expect([...ids].sort((a, b) => (a > b ? -1 : 1))).toEqual(ids);

    const byActor = await app.call(auditRoute.GET, { as: "admin", path: `/api/audit?actorId=${author.id}&limit=2` });
    expect(byActor.body.entries).toHaveLength(2);
    const next = await app.call(auditRoute.GET, { as: "admin", path: `/api/audit?actorId=${author.id}&limit=2&before=${byActor.body.nextBefore}` });
    expect(BigInt(next.body.entries[0].id)).toBeLessThan(BigInt(byActor.body.entries[1].id));

    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    expect((await app.call(auditRoute.GET, { as: "ops", path: `/api/audit?flowId=${flowId}&from=${yesterday}` })).body.entries).toHaveLength(16);
    expect((await app.call(auditRoute.GET, { as: "ops", path: `/api/audit?flowId=${flowId}&to=${yesterday}` })).body.entries).toHaveLength(0);
    expect((await app.call(auditRoute.GET, { as: "ops", path: `/api/audit?from=not-a-day` })).status).toBe(400);
    expect((await app.call(auditRoute.GET, { as: "ops", path: `/api/audit?action=flow.rename` })).status).toBe(400);
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("exports CSV with every cell quoted and formula-looking cells defused", async () => {
    const result = await app.call(auditExportRoute.GET, { as: "ops", path: `/api/audit/export?flowId=${flowId}` });
    expect(result.status).toBe(200);
    expect(result.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(result.headers.get("content-disposition")).toContain("attachment");
    // The byte order mark (for spreadsheet programs) is dropped by text decoding, as a browser does.
    const rows = parseCsv(String(result.body).replace(/^\uFEFF/, ""));
    expect(rows[0]).toEqual(["time", "actor", "actor_id", "role", "api_token_id", "action", "target_type", "target_id", "flow_id", "ip", "details"]);
    expect(rows).toHaveLength(17);
    expect(rows.every((row) => row.length === 11)).toBe(true);
    const comment = rows.find((row) => row[5] === "review.comment");
    expect(comment?.[1]).toBe("'=HYPERLINK(\"http://evil.example\",\"click\")");
    expect(JSON.parse(comment?.[10] ?? "{}")).toMatchObject({ body: "=1+1, \"quoted\"\nnext line" });
    expect(rows.slice(1).every((row) => !/^[=+\-@]/.test(row[1] ?? ""))).toBe(true);
    const filtered = parseCsv(String((await app.call(auditExportRoute.GET, { as: "ops", path: `/api/audit/export?flowId=${flowId}&action=version.rollback` })).body));
    expect(filtered).toHaveLength(2);
  });
});
