// Every route handler, called as each role and without a session: the expected status is derived
// from the permissions table, so changing a grant there changes what is asserted here.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { FlowKind } from "@/flows-runtime/graph/schema";
import { can, canOnSomeKind, flowActions, type FlowAction } from "@/app/_server/auth/permissions";
import { roles, type AppRole } from "@/app/_server/auth/roles";
import * as flowsRoute from "@/app/api/flows/route";
import * as flowRoute from "@/app/api/flows/[flowId]/route";
import * as restoreRoute from "@/app/api/flows/[flowId]/restore/route";
import * as duplicateRoute from "@/app/api/flows/[flowId]/duplicate/route";
import * as draftRoute from "@/app/api/flows/[flowId]/draft/route";
import * as exportRoute from "@/app/api/flows/[flowId]/export/route";
import * as entryPointsRoute from "@/app/api/flows/[flowId]/entry-points/route";
import * as publishRoute from "@/app/api/flows/[flowId]/publish/route";
import * as importRoute from "@/app/api/flows/import/route";
import * as localeRoute from "@/app/api/me/locale/route";
import * as versionsRoute from "@/app/api/flows/[flowId]/versions/route";
import * as versionRoute from "@/app/api/flows/[flowId]/versions/[versionId]/route";
import * as diffRoute from "@/app/api/flows/[flowId]/diff/route";
import * as rollbackRoute from "@/app/api/flows/[flowId]/rollback/route";
import * as flowReviewsRoute from "@/app/api/flows/[flowId]/reviews/route";
import * as reviewRoute from "@/app/api/flows/[flowId]/reviews/[reviewId]/route";
import * as approveRoute from "@/app/api/flows/[flowId]/reviews/[reviewId]/approve/route";
import * as requestChangesRoute from "@/app/api/flows/[flowId]/reviews/[reviewId]/request-changes/route";
import * as commentsRoute from "@/app/api/flows/[flowId]/reviews/[reviewId]/comments/route";
import * as reviewQueueRoute from "@/app/api/reviews/route";
import * as auditRoute from "@/app/api/audit/route";
import * as auditExportRoute from "@/app/api/audit/export/route";
import * as callsRoute from "@/app/api/calls/route";
import * as callsExportRoute from "@/app/api/calls/export/route";
import * as callRoute from "@/app/api/calls/[callId]/route";
import * as callRecordingRoute from "@/app/api/calls/[callId]/recordings/[recordingId]/file/route";
import * as usersRoute from "@/app/api/users/route";
import * as userRoute from "@/app/api/users/[userId]/route";
import * as apiTokensRoute from "@/app/api/api-tokens/route";
import * as apiTokenRoute from "@/app/api/api-tokens/[tokenId]/route";
import * as httpAllowListRoute from "@/app/api/http-allow-list/route";
import * as httpAllowEntryRoute from "@/app/api/http-allow-list/[entryId]/route";
import * as httpSecretsRoute from "@/app/api/http-allow-list/secrets/route";
import * as httpSecretRoute from "@/app/api/http-allow-list/secrets/[secret]/route";
import * as httpPolicyRoute from "@/app/api/http-allow-list/policy/route";
import * as testCasesRoute from "@/app/api/flows/[flowId]/test-cases/route";
import * as testCaseRoute from "@/app/api/flows/[flowId]/test-cases/[caseId]/route";
import * as testCaseRunRoute from "@/app/api/flows/[flowId]/test-cases/runs/[runId]/route";
import * as testCaseRunsRoute from "@/app/api/flows/[flowId]/test-cases/[caseId]/runs/route";
import * as reviewTestCasesRoute from "@/app/api/flows/[flowId]/reviews/[reviewId]/test-cases/route";
import * as queuesRoute from "@/app/api/queues/route";
import * as campaignsRoute from "@/app/api/campaigns/route";
import * as campaignContactsRoute from "@/app/api/campaigns/[campaignId]/contacts/route";
import * as campaignContactImportRoute from "@/app/api/campaigns/[campaignId]/contacts/import/route";
import * as doNotCallRoute from "@/app/api/campaigns/do-not-call/route";
import * as queueRoute from "@/app/api/queues/[queueId]/route";
import * as queueNamesRoute from "@/app/api/queues/names/route";
import * as skillsRoute from "@/app/api/queues/skills/route";
import * as reasonsRoute from "@/app/api/queues/reasons/route";
import * as agentsRoute from "@/app/api/queues/agents/route";
import * as wallboardRoute from "@/app/api/queues/wallboard/route";
import * as dispositionsRoute from "@/app/api/queues/dispositions/route";
import * as ttsVoicesRoute from "@/app/api/tts/voices/route";
import * as customersRoute from "@/app/api/customers/route";
import * as customerFieldsRoute from "@/app/api/customers/fields/route";
import * as customerExportRoute from "@/app/api/customers/export/route";
import { insertVersion } from "./support/version-fixtures";
import { startTestApp, validIvrGraph, type CallOptions, type RouteHandler, type TestApp } from "./support/test-app";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  // No simulator listens here: a test case's run is recorded with status "error" (unavailable), still a 201.
  vi.stubEnv("ARI_SIM_URL", "http://127.0.0.1:9");
});
afterAll(async () => {
  await app.stop();
});

let counter = 0;
const uniqueDid = () => `4008${String(++counter).padStart(6, "0")}`;

interface RouteCase {
  name: string;
  handler: RouteHandler;
  requirement: FlowAction | "signed-in" | "person";
  success: number;
  /** Where a role that may do it is still refused on a kind of flow (422): the answer there instead of `success`. */
  successOn?: Partial<Record<FlowKind, number>>;
  /** Kinds of flow the route is tried on; null: the route takes no flow (kind from the body, or none). */
  kinds: readonly FlowKind[] | null;
  /** Fresh fixtures for each call: mutations must not depend on the previous case. */
  prepare: (kind: FlowKind) => Promise<Omit<CallOptions, "as">>;
}

async function campaignOf(): Promise<{ campaignId: string }> {
  const { flowId } = await flowOf("campaign");
  const created = await app.call(campaignsRoute.POST, { as: "admin", method: "POST", path: "/api/campaigns", body: { name: `c-${++counter}`, flowId } });
  return { campaignId: String(created.body.campaign.id) };
}

async function flowOf(kind: FlowKind, options: { deleted?: boolean; graph?: unknown } = {}) {
  const flow = await app.createFlow(kind, options);
  return { flowId: flow.id };
}

/** Submitted by someone who is none of the callers, so four eyes never decides these cases. */
async function pendingReview(kind: FlowKind) {
  const { flowId } = await flowOf(kind);
  const author = await app.createUser("ops", "Author");
  const { reviewId } = await insertVersion(app, flowId, validIvrGraph(), { status: "pending", submittedById: author.id });
  return { flowId, reviewId };
}

const aTestCase = { name: "Closed at night", pretend: { clock: { date: "2026-12-02", time: "05:37", timeZone: "Asia/Shanghai" } }, expectations: { path: null, outcome: { kind: "completed" } } };

/** A saved test case with one decided run (deciding it needs no simulator). */
async function testCaseOf(kind: FlowKind) {
  const { flowId } = await flowOf(kind);
  const saved = await app.db.prisma.testCase.create({
    data: { flowId, name: aTestCase.name, pretend: aTestCase.pretend, inputs: [], expectations: aTestCase.expectations, createdById: app.users.admin.id, updatedById: app.users.admin.id },
  });
  const snapshot = await app.db.prisma.testCallPlan.create({ data: { flowId, plan: {}, graph: {} } });
  const run = await app.db.prisma.testCaseRun.create({
    data: { testCaseId: saved.id, flowId, caseSnapshot: { ...aTestCase, inputs: [] }, testCallPlanId: snapshot.id, status: "passed", results: [], startedById: app.users.admin.id, finishedAt: new Date() },
  });
  return { flowId, caseId: saved.id, runId: run.id };
}

/** A finished call of a fresh flow, for the call log routes. */
async function aCall(): Promise<string> {
  const { flowId } = await flowOf("ivr");
  const call = await app.db.prisma.callExecution.create({
    data: { workflowId: `call-${++counter}`, channelId: `ch-${counter}`, flowId, caller: "13800000000", dialed: "4001", language: "zh-CN", startedAt: new Date(), endedAt: new Date(), outcome: "completed" },
  });
  return call.id;
}

const routes: RouteCase[] = [
  { name: "GET /api/flows", handler: flowsRoute.GET, requirement: "flow.view", success: 200, kinds: null, prepare: async () => ({ path: "/api/flows" }) },
  {
    name: "POST /api/flows",
    handler: flowsRoute.POST,
    requirement: "flow.create",
    success: 201,
    kinds: null,
    prepare: async () => ({ method: "POST", path: "/api/flows", body: { name: "New IVR", kind: "ivr" } }),
  },
  {
    name: "GET /api/flows/:id",
    handler: flowRoute.GET,
    requirement: "flow.view",
    success: 200,
    kinds: ["ivr", "campaign"],
    prepare: async (kind) => ({ params: await flowOf(kind) }),
  },
  {
    name: "PATCH /api/flows/:id",
    handler: flowRoute.PATCH,
    requirement: "flow.rename",
    success: 200,
    kinds: ["ivr", "campaign"],
    prepare: async (kind) => ({ method: "PATCH", params: await flowOf(kind), body: { name: "Renamed" } }),
  },
  {
    name: "DELETE /api/flows/:id",
    handler: flowRoute.DELETE,
    requirement: "flow.delete",
    success: 200,
    kinds: ["ivr", "campaign"],
    prepare: async (kind) => ({ method: "DELETE", params: await flowOf(kind) }),
  },
  {
    name: "POST /api/flows/:id/restore",
    handler: restoreRoute.POST,
    requirement: "flow.restore",
    success: 200,
    kinds: ["ivr", "campaign"],
    prepare: async (kind) => ({ method: "POST", params: await flowOf(kind, { deleted: true }) }),
  },
  {
    name: "POST /api/flows/:id/duplicate",
    handler: duplicateRoute.POST,
    requirement: "flow.duplicate",
    success: 201,
    kinds: ["ivr", "campaign"],
    prepare: async (kind) => ({ method: "POST", params: await flowOf(kind), body: {} }),
  },
  {
    name: "GET /api/flows/:id/draft",
    handler: draftRoute.GET,
    requirement: "flow.view",
    success: 200,
    kinds: ["ivr", "campaign"],
    prepare: async (kind) => ({ params: await flowOf(kind) }),
  },
  {
    name: "PUT /api/flows/:id/draft",
    handler: draftRoute.PUT,
    requirement: "flow.editDraft",
    success: 200,
    kinds: ["ivr", "campaign"],
    prepare: async (kind) => {
      const flow = await app.createFlow(kind);
      return { method: "PUT", params: { flowId: flow.id }, body: { graph: { schemaVersion: 1, kind, nodes: [], edges: [] }, baseRevision: flow.draftRevision } };
    },
  },
  {
    name: "GET /api/flows/:id/export",
    handler: exportRoute.GET,
    requirement: "flow.export",
    success: 200,
    kinds: ["ivr", "campaign"],
    prepare: async (kind) => ({ params: await flowOf(kind) }),
  },
  {
    name: "GET /api/flows/:id/entry-points",
    handler: entryPointsRoute.GET,
    requirement: "entryPoint.view",
    success: 200,
    kinds: ["ivr", "campaign"],
    prepare: async (kind) => ({ params: await flowOf(kind) }),
  },
  {
    name: "POST /api/flows/:id/entry-points",
    handler: entryPointsRoute.POST,
    requirement: "entryPoint.edit",
    success: 201,
    // Only an IVR answers a number: the permission is checked first, then the flow's kind refuses.
    successOn: { campaign: 422 },
    kinds: ["ivr", "campaign"],
    prepare: async (kind) => ({ method: "POST", params: await flowOf(kind), body: { kind: "did", value: uniqueDid() } }),
  },
  {
    name: "DELETE /api/flows/:id/entry-points",
    handler: entryPointsRoute.DELETE,
    requirement: "entryPoint.edit",
    success: 200,
    kinds: ["ivr", "campaign"],
    prepare: async (kind) => {
      const { flowId } = await flowOf(kind);
      const entry = await app.db.prisma.entryPoint.create({ data: { flowId, kind: "did", value: uniqueDid() } });
      return { method: "DELETE", params: { flowId }, path: `/api/flows/${flowId}/entry-points?id=${entry.id}` };
    },
  },
  {
    name: "POST /api/flows/:id/publish",
    handler: publishRoute.POST,
    requirement: "flow.publish",
    success: 200,
    kinds: ["ivr", "campaign"],
    prepare: async (kind) => {
      const { flowId } = await flowOf(kind);
      const { versionId } = await insertVersion(app, flowId, validIvrGraph(), { status: "approved" });
      return { method: "POST", params: { flowId }, body: { versionId } };
    },
  },
  {
    name: "POST /api/flows/:id/rollback",
    handler: rollbackRoute.POST,
    requirement: "flow.rollback",
    success: 200,
    kinds: ["ivr", "campaign"],
    prepare: async (kind) => {
      const { flowId } = await flowOf(kind);
      const { versionId } = await insertVersion(app, flowId, validIvrGraph("one"), { status: "published" });
      await insertVersion(app, flowId, validIvrGraph("two"), { status: "published", live: true });
      return { method: "POST", params: { flowId }, body: { versionId, note: "incident" } };
    },
  },
  {
    name: "GET /api/flows/:id/versions",
    handler: versionsRoute.GET,
    requirement: "flow.view",
    success: 200,
    kinds: ["ivr", "campaign"],
    prepare: async (kind) => ({ params: await flowOf(kind) }),
  },
  {
    name: "GET /api/flows/:id/versions/:versionId",
    handler: versionRoute.GET,
    requirement: "flow.view",
    success: 200,
    kinds: ["ivr", "campaign"],
    prepare: async (kind) => {
      const { flowId } = await flowOf(kind);
      const { versionId } = await insertVersion(app, flowId, validIvrGraph(), { status: "published", live: true });
      return { params: { flowId, versionId } };
    },
  },
  {
    name: "GET /api/flows/:id/diff",
    handler: diffRoute.GET,
    requirement: "flow.view",
    success: 200,
    kinds: ["ivr", "campaign"],
    prepare: async (kind) => {
      const { flowId } = await flowOf(kind);
      return { params: { flowId }, path: `/api/flows/${flowId}/diff?from=live&to=draft` };
    },
  },
  {
    name: "POST /api/flows/:id/reviews",
    handler: flowReviewsRoute.POST,
    requirement: "flow.submitReview",
    success: 201,
    // Campaign flows cannot be compiled yet (no campaign nodes): a campaign submission is a 422 (see reviews tests).
    kinds: ["ivr"],
    prepare: async (kind) => ({ method: "POST", params: await flowOf(kind, { graph: validIvrGraph() }), body: { note: "new greeting" } }),
  },
  {
    name: "GET /api/flows/:id/reviews",
    handler: flowReviewsRoute.GET,
    requirement: "flow.view",
    success: 200,
    kinds: ["ivr", "campaign"],
    prepare: async (kind) => ({ params: await flowOf(kind) }),
  },
  {
    name: "GET /api/flows/:id/reviews/:reviewId",
    handler: reviewRoute.GET,
    requirement: "flow.view",
    success: 200,
    kinds: ["ivr", "campaign"],
    prepare: async (kind) => ({ params: await pendingReview(kind) }),
  },
  {
    name: "POST /api/flows/:id/reviews/:reviewId/approve",
    handler: approveRoute.POST,
    requirement: "flow.review",
    success: 200,
    kinds: ["ivr", "campaign"],
    prepare: async (kind) => ({ method: "POST", params: await pendingReview(kind), body: {} }),
  },
  {
    name: "POST /api/flows/:id/reviews/:reviewId/request-changes",
    handler: requestChangesRoute.POST,
    requirement: "flow.review",
    success: 200,
    kinds: ["ivr", "campaign"],
    prepare: async (kind) => ({ method: "POST", params: await pendingReview(kind), body: { note: "say goodbye first" } }),
  },
  {
    name: "GET /api/flows/:id/reviews/:reviewId/comments",
    handler: commentsRoute.GET,
    requirement: "flow.view",
    success: 200,
    kinds: ["ivr", "campaign"],
    prepare: async (kind) => ({ params: await pendingReview(kind) }),
  },
  {
    name: "POST /api/flows/:id/reviews/:reviewId/comments",
    handler: commentsRoute.POST,
    requirement: "flow.review",
    success: 201,
    kinds: ["ivr", "campaign"],
    prepare: async (kind) => ({ method: "POST", params: await pendingReview(kind), body: { nodeId: "bye", body: "Why hang up here?" } }),
  },
  { name: "GET /api/reviews", handler: reviewQueueRoute.GET, requirement: "flow.view", success: 200, kinds: null, prepare: async () => ({ path: "/api/reviews?status=pending" }) },
  { name: "GET /api/audit", handler: auditRoute.GET, requirement: "audit.view", success: 200, kinds: null, prepare: async () => ({ path: "/api/audit" }) },
  { name: "GET /api/audit/export", handler: auditExportRoute.GET, requirement: "audit.view", success: 200, kinds: null, prepare: async () => ({ path: "/api/audit/export" }) },
  { name: "GET /api/calls", handler: callsRoute.GET, requirement: "call.view", success: 200, kinds: null, prepare: async () => ({ path: "/api/calls" }) },
  { name: "GET /api/calls/export", handler: callsExportRoute.GET, requirement: "call.view", success: 200, kinds: null, prepare: async () => ({ path: "/api/calls/export" }) },
  { name: "GET /api/calls/:id", handler: callRoute.GET, requirement: "call.view", success: 200, kinds: null, prepare: async () => ({ params: { callId: await aCall() } }) },
  // No Asterisk (nothing listens on port 9): a recording that cannot be fetched is 502 once access was granted (401/403 come first).
  {
    name: "GET /api/calls/:id/recordings/:recordingId/file",
    handler: callRecordingRoute.GET,
    requirement: "call.view",
    success: 502,
    kinds: null,
    prepare: async () => {
      vi.stubEnv("ARI_URL", "http://127.0.0.1:9");
      vi.stubEnv("ARI_SIMULATOR", "1");
      const callId = await aCall();
      const recording = await app.db.prisma.callRecording.create({ data: { executionId: callId, nodeId: "vm", name: `rec-${callId}`, format: "wav", durationSeconds: 1 } });
      return { params: { callId, recordingId: recording.id } };
    },
  },
  { name: "GET /api/users", handler: usersRoute.GET, requirement: "user.manage", success: 200, kinds: null, prepare: async () => ({ path: "/api/users" }) },
  {
    name: "PATCH /api/users/:userId",
    handler: userRoute.PATCH,
    requirement: "user.manage",
    success: 200,
    kinds: null,
    prepare: async () => ({ method: "PATCH", params: { userId: (await app.createUser("agent")).id }, body: { role: "marketer" } }),
  },
  // Everyone lists their own tokens (an administrator everyone's: api-tokens.int.test.ts).
  { name: "GET /api/api-tokens", handler: apiTokensRoute.GET, requirement: "person", success: 200, kinds: null, prepare: async () => ({ path: "/api/api-tokens" }) },
  {
    // A token acts as its issuer within their role: whoever holds any scope (flow.view, today every
    // role but agent) may issue their own.
    name: "POST /api/api-tokens",
    handler: apiTokensRoute.POST,
    requirement: "flow.view",
    success: 201,
    kinds: null,
    prepare: async () => ({ method: "POST", path: "/api/api-tokens", body: { name: "CI", scopes: ["flow.view"] } }),
  },
  {
    // The administrator's token: only apiToken.manage revokes another user's (one's own: api-tokens.int.test.ts).
    name: "DELETE /api/api-tokens/:tokenId",
    handler: apiTokenRoute.DELETE,
    requirement: "apiToken.manage",
    success: 200,
    kinds: null,
    prepare: async () => {
      const token = await app.db.prisma.apiToken.create({ data: { name: "old", tokenHash: Math.random().toString(16), prefix: "cct_x", userId: app.users.admin.id, scopes: ["flow.view"], createdById: app.users.admin.id } });
      return { method: "DELETE", params: { tokenId: token.id } };
    },
  },
  { name: "GET /api/http-allow-list", handler: httpAllowListRoute.GET, requirement: "user.manage", success: 200, kinds: null, prepare: async () => ({ path: "/api/http-allow-list" }) },
  {
    name: "POST /api/http-allow-list",
    handler: httpAllowListRoute.POST,
    requirement: "user.manage",
    success: 201,
    kinds: null,
    prepare: async () => ({ method: "POST", path: "/api/http-allow-list", body: { destination: `api-${++counter}.example.com` } }),
  },
  {
    name: "DELETE /api/http-allow-list/:entryId",
    handler: httpAllowEntryRoute.DELETE,
    requirement: "user.manage",
    success: 200,
    kinds: null,
    prepare: async () => {
      const entry = await app.db.prisma.httpAllowedHost.create({ data: { destination: `old-${++counter}.example.com`, createdById: app.users.admin.id } });
      return { method: "DELETE", params: { entryId: entry.id } };
    },
  },
  {
    name: "PUT /api/http-allow-list/secrets",
    handler: httpSecretsRoute.PUT,
    requirement: "user.manage",
    success: 200,
    kinds: null,
    prepare: async () => ({ method: "PUT", path: "/api/http-allow-list/secrets", body: { secret: `KEY_${++counter}`, destinations: ["crm.example.com"] } }),
  },
  {
    name: "DELETE /api/http-allow-list/secrets/:secret",
    handler: httpSecretRoute.DELETE,
    requirement: "user.manage",
    success: 200,
    kinds: null,
    prepare: async () => {
      const binding = await app.db.prisma.httpSecretBinding.create({ data: { secret: `OLD_${++counter}`, destinations: [], updatedById: app.users.admin.id } });
      return { method: "DELETE", params: { secret: binding.secret } };
    },
  },
  // Any role that edits some kind of draft reads it (marketers: campaigns), so it is tried as for a campaign flow.
  { name: "GET /api/http-allow-list/policy", handler: httpPolicyRoute.GET, requirement: "flow.editDraft", success: 200, kinds: ["campaign"], prepare: async () => ({ path: "/api/http-allow-list/policy" }) },
  { name: "GET /api/tts/voices", handler: ttsVoicesRoute.GET, requirement: "flow.editDraft", success: 200, kinds: ["campaign"], prepare: async () => ({ path: "/api/tts/voices" }) },
  {
    name: "POST /api/flows/import",
    handler: importRoute.POST,
    requirement: "flow.import",
    success: 201,
    kinds: null,
    prepare: async () => ({ method: "POST", path: "/api/flows/import", body: validIvrGraph("Imported") }),
  },
  {
    name: "PUT /api/me/locale",
    handler: localeRoute.PUT,
    requirement: "signed-in",
    success: 200,
    kinds: null,
    prepare: async () => ({ method: "PUT", path: "/api/me/locale", body: { locale: "en" } }),
  },
  {
    // Rerunning a saved case is for anyone who may see the flow (it pretends, no real caller is reached).
    name: "POST /api/flows/:id/test-cases/:caseId/runs",
    handler: testCaseRunsRoute.POST,
    requirement: "flow.view",
    success: 201,
    kinds: ["ivr"],
    prepare: async () => {
      const { flowId } = await flowOf("ivr", { graph: validIvrGraph() });
      const saved = await app.db.prisma.testCase.create({
        data: { flowId, name: aTestCase.name, pretend: aTestCase.pretend, inputs: [], expectations: aTestCase.expectations, createdById: app.users.admin.id, updatedById: app.users.admin.id },
      });
      return { method: "POST", params: { flowId, caseId: saved.id }, body: {} };
    },
  },
  { name: "GET /api/flows/:id/test-cases", handler: testCasesRoute.GET, requirement: "flow.view", success: 200, kinds: ["ivr", "campaign"], prepare: async (kind) => ({ params: await flowOf(kind) }) },
  {
    name: "POST /api/flows/:id/test-cases",
    handler: testCasesRoute.POST,
    requirement: "flow.editDraft",
    success: 201,
    kinds: ["ivr", "campaign"],
    prepare: async (kind) => ({ method: "POST", params: await flowOf(kind), body: aTestCase }),
  },
  {
    name: "PUT /api/flows/:id/test-cases/:caseId",
    handler: testCaseRoute.PUT,
    requirement: "flow.editDraft",
    success: 200,
    kinds: ["ivr", "campaign"],
    prepare: async (kind) => {
      const { flowId, caseId } = await testCaseOf(kind);
      return { method: "PUT", params: { flowId, caseId }, body: { ...aTestCase, name: "Renamed" } };
    },
  },
  {
    name: "DELETE /api/flows/:id/test-cases/:caseId",
    handler: testCaseRoute.DELETE,
    requirement: "flow.editDraft",
    success: 200,
    kinds: ["ivr", "campaign"],
    prepare: async (kind) => {
      const { flowId, caseId } = await testCaseOf(kind);
      return { method: "DELETE", params: { flowId, caseId } };
    },
  },
  {
    name: "GET /api/flows/:id/test-cases/runs/:runId",
    handler: testCaseRunRoute.GET,
    requirement: "flow.view",
    success: 200,
    kinds: ["ivr", "campaign"],
    prepare: async (kind) => {
      const { flowId, runId } = await testCaseOf(kind);
      return { params: { flowId, runId } };
    },
  },
  {
    name: "GET /api/flows/:id/reviews/:reviewId/test-cases",
    handler: reviewTestCasesRoute.GET,
    requirement: "flow.view",
    success: 200,
    kinds: ["ivr", "campaign"],
    prepare: async (kind) => ({ params: await pendingReview(kind) }),
  },
  { name: "GET /api/campaigns", handler: campaignsRoute.GET, requirement: "campaign.manage", success: 200, kinds: null, prepare: async () => ({ path: "/api/campaigns" }) },
  {
    name: "POST /api/campaigns",
    handler: campaignsRoute.POST,
    requirement: "campaign.manage",
    success: 201,
    kinds: null,
    prepare: async () => ({ method: "POST", path: "/api/campaigns", body: { name: `c-${++counter}`, flowId: (await flowOf("campaign")).flowId } }),
  },
  {
    name: "POST /api/campaigns/:campaignId/contacts",
    handler: campaignContactsRoute.POST,
    requirement: "campaign.manage",
    success: 200,
    kinds: null,
    prepare: async () => ({ method: "POST", path: "/api/campaigns/x/contacts", params: await campaignOf(), body: { contacts: [{ phone: "13800000000" }] } }),
  },
  {
    name: "POST /api/campaigns/:campaignId/contacts/import",
    handler: campaignContactImportRoute.POST,
    requirement: "campaign.manage",
    success: 200,
    kinds: null,
    prepare: async () => ({ method: "POST", path: "/api/campaigns/x/contacts/import?commit=1", params: await campaignOf(), rawBody: new TextEncoder().encode("phone\n13800000000\n"), headers: { "content-type": "text/csv" } }),
  },
  {
    name: "POST /api/campaigns/do-not-call",
    handler: doNotCallRoute.POST,
    requirement: "campaign.manage",
    success: 201,
    kinds: null,
    prepare: async () => ({ method: "POST", path: "/api/campaigns/do-not-call", body: { phone: `1380000${String(++counter).padStart(4, "0")}` } }),
  },
  { name: "GET /api/customers", handler: customersRoute.GET, requirement: "customer.view", success: 200, kinds: null, prepare: async () => ({ path: "/api/customers?q=x" }) },
  { name: "GET /api/customers/export", handler: customerExportRoute.GET, requirement: "customer.view", success: 200, kinds: null, prepare: async () => ({ path: "/api/customers/export" }) },
  {
    name: "POST /api/customers",
    handler: customersRoute.POST,
    requirement: "customer.edit",
    success: 201,
    kinds: null,
    prepare: async () => ({ method: "POST", path: "/api/customers", body: { name: "客户", phones: [`139${String(++counter).padStart(8, "0")}`] } }),
  },
  {
    name: "PUT /api/customers/fields",
    handler: customerFieldsRoute.PUT,
    requirement: "customer.fields",
    success: 200,
    kinds: null,
    prepare: async () => ({ method: "PUT", path: "/api/customers/fields", body: { key: `f${++counter}`, labelZh: "字段", labelEn: "Field", type: "text" } }),
  },
  { name: "GET /api/queues", handler: queuesRoute.GET, requirement: "user.manage", success: 200, kinds: null, prepare: async () => ({ path: "/api/queues" }) },
  {
    name: "POST /api/queues",
    handler: queuesRoute.POST,
    requirement: "user.manage",
    success: 201,
    kinds: null,
    prepare: async () => ({ method: "POST", path: "/api/queues", body: { name: `q-${++counter}`, displayNameZh: "队列", displayNameEn: "Queue" } }),
  },
  {
    name: "DELETE /api/queues/:queueId",
    handler: queueRoute.DELETE,
    requirement: "user.manage",
    success: 200,
    kinds: null,
    prepare: async () => {
      const queue = await app.db.prisma.queue.create({ data: { name: `old-${++counter}`, displayNameZh: "旧", displayNameEn: "Old", whenFull: { kind: "hangup" }, whenClosed: { kind: "hangup" } } });
      return { method: "DELETE", params: { queueId: queue.id } };
    },
  },
  { name: "GET /api/queues/names", handler: queueNamesRoute.GET, requirement: "flow.editDraft", success: 200, kinds: ["campaign"], prepare: async () => ({ path: "/api/queues/names" }) },
  {
    name: "POST /api/queues/skills",
    handler: skillsRoute.POST,
    requirement: "user.manage",
    success: 201,
    kinds: null,
    prepare: async () => ({ method: "POST", path: "/api/queues/skills", body: { name: `s-${++counter}`, displayNameZh: "技能", displayNameEn: "Skill" } }),
  },
  { name: "GET /api/queues/reasons", handler: reasonsRoute.GET, requirement: "signed-in", success: 200, kinds: null, prepare: async () => ({ path: "/api/queues/reasons" }) },
  { name: "GET /api/queues/agents", handler: agentsRoute.GET, requirement: "user.manage", success: 200, kinds: null, prepare: async () => ({ path: "/api/queues/agents" }) },
  { name: "GET /api/queues/wallboard", handler: wallboardRoute.GET, requirement: "queue.monitor", success: 200, kinds: null, prepare: async () => ({ path: "/api/queues/wallboard" }) },
  { name: "GET /api/queues/dispositions", handler: dispositionsRoute.GET, requirement: "signed-in", success: 200, kinds: null, prepare: async () => ({ path: "/api/queues/dispositions" }) },
  {
    name: "POST /api/queues/dispositions",
    handler: dispositionsRoute.POST,
    requirement: "user.manage",
    success: 201,
    kinds: null,
    prepare: async () => ({ method: "POST", path: "/api/queues/dispositions", body: { code: `d-${++counter}`, nameZh: "代码", nameEn: "Code" } }),
  },
];

function expectedStatus(route: RouteCase, role: AppRole | null, kind: FlowKind): number {
  if (role === null) return 401;
  if (route.requirement === "signed-in" || route.requirement === "person") return route.success;
  // Routes without a flow: the body's kind (IVR here) decides, after the any-kind check.
  const allowed = route.kinds === null ? canOnSomeKind(role, route.requirement) && can(role, route.requirement, kind) : can(role, route.requirement, kind);
  return allowed ? (route.successOn?.[kind] ?? route.success) : 403;
}

const cases = routes.flatMap((route) =>
  (route.kinds ?? (["ivr"] as const)).flatMap((kind) => [null, ...roles].map((role) => ({ route, kind, role }))),
);

describe("route permissions", () => {
  it.each(cases.map((c) => [c.route.name, c.kind, c.role ?? "no session", c] as const))("%s on %s flow as %s", async (_name, _kind, _who, { route, kind, role }) => {
    const options = await route.prepare(kind);
    const result = await app.call(route.handler, { ...options, as: role });
    const expected = expectedStatus(route, role, kind);
    expect(result.status, JSON.stringify(result.body)).toBe(expected);
    if (expected === 401) expect(result.body.error.code).toBe("unauthenticated");
    if (expected === 403) expect(result.body.error.code).toBe("forbidden");
    if (expected >= 400) expect(typeof result.body.error.message).toBe("string");
  });

  it("covers every action of the permissions table", () => {
    const covered = new Set(routes.map((route) => route.requirement));
    for (const action of flowActions) expect(covered.has(action), action).toBe(true);
  });

  it("refuses a forged or expired session cookie with 401", async () => {
    const forged = await app.call(flowsRoute.GET, { as: null, path: "/api/flows", headers: { cookie: "next-auth.session-token=not-a-real-token" } });
    expect(forged.status).toBe(401);
    const { encode } = await import("next-auth/jwt");
    const expired = await encode({ token: { sub: app.users.admin.id, role: "admin", locale: "en" }, secret: "test-only-secret-for-vitest-0123456789abcdef", maxAge: -3600 });
    const result = await app.call(flowsRoute.GET, { as: null, path: "/api/flows", headers: { cookie: `next-auth.session-token=${expired}` } });
    expect(result.status).toBe(401);
  });

  it("refuses a valid token without a known role with 401", async () => {
    const { encode } = await import("next-auth/jwt");
    const token = await encode({ token: { sub: app.users.admin.id, role: "superuser" }, secret: "test-only-secret-for-vitest-0123456789abcdef" });
    const result = await app.call(flowsRoute.GET, { as: null, path: "/api/flows", headers: { cookie: `next-auth.session-token=${token}` } });
    expect(result.status).toBe(401);
  });
});
