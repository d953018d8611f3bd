import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import fixture from "@/flows-runtime/fixtures/after-sales-ivr.json";
import { startDevStack, type DevStack } from "@/workers/dev-stack";
import { startTestApp, type TestApp } from "@/app/_tests/support/test-app";
import { GET as listCases, POST as createCase } from "@/app/api/flows/[flowId]/test-cases/route";
import { DELETE as deleteCase, PUT as updateCase } from "@/app/api/flows/[flowId]/test-cases/[caseId]/route";
import { POST as runCase } from "@/app/api/flows/[flowId]/test-cases/[caseId]/runs/route";
import { GET as getRun } from "@/app/api/flows/[flowId]/test-cases/runs/[runId]/route";
import { POST as submitReview } from "@/app/api/flows/[flowId]/reviews/route";
import { GET as reviewCases } from "@/app/api/flows/[flowId]/reviews/[reviewId]/test-cases/route";
import { GET as getCallRoute } from "@/app/api/calls/[callId]/route";
import { afterSalesHttpPolicy } from "../support/fixtures";
import { until } from "../support/until";

let app: TestApp;
let stack: DevStack;

// 2026-12-02 is a Wednesday: the after-sales line is open 09:00–18:00 Shanghai time.
const dawn = { clock: { date: "2026-12-02", time: "05:37", timeZone: "Asia/Shanghai" } };
const ten = { clock: { date: "2026-12-02", time: "10:00", timeZone: "Asia/Shanghai" } };

const closedCase = {
  name: "Closed at dawn",
  pretend: { ...dawn, language: "en-US", dialed: "4001" },
  expectations: { path: { mode: "exact", nodes: ["start", "工作时间判断", "voicemail", "thanks", "hangup"] }, outcome: { kind: "completed" } },
};
// The caller presses 0 after the menu prompt; the CRM is not asked: its canned answer makes them a VIP.
const vipCase = {
  name: "VIP at ten",
  pretend: { ...ten, caller: "13900001111", http: [{ nodeId: "lookup_customer", status: 200, body: { data: { tier: "vip" } } }] },
  inputs: [{ afterPrompt: 1, keys: "0" }],
  expectations: { path: { mode: "passes-through", nodes: ["hours", "主菜单", "lookup_customer", "to_agents_vip"] }, outcome: { kind: "transferred", target: "agents" } },
};
// Wrong on purpose: at 05:37 the menu is never reached.
const wrongCase = { name: "Menu at dawn", pretend: dawn, expectations: { path: { mode: "passes-through", nodes: ["main_menu"] }, outcome: { kind: "transferred" } } };

beforeAll(async () => {
  app = await startTestApp();
  stack = await startDevStack({ databaseUrl: app.db.url, simulator: { timeScale: 0.2 }, httpPolicy: afterSalesHttpPolicy });
  vi.stubEnv("ARI_SIM_URL", stack.ari.url);
  vi.stubEnv("ARI_APP", stack.ari.app);
}, 300_000);

afterAll(async () => {
  await stack?.stop();
  await app?.stop();
});

async function save(flowId: string, body: unknown): Promise<string> {
  const created = await app.call(createCase, { as: "ops", method: "POST", params: { flowId }, body });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.testCase.id;
}

async function runToEnd(flowId: string, caseId: string) {
  const started = await app.call(runCase, { as: "ops", method: "POST", params: { flowId, caseId }, body: {} });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  const runId: string = started.body.run.id;
  return until(
    `run ${runId}`,
    async () => {
      const polled = await app.call(getRun, { as: "marketer", params: { flowId, runId } });
      expect(polled.status).toBe(200);
      return polled.body.run.status === "running" ? undefined : polled.body.run;
    },
    120_000,
    500,
  );
}

async function stepsOf(callId: string) {
  const execution = await app.db.prisma.callExecution.findUniqueOrThrow({ where: { workflowId: `call-${callId}` }, include: { steps: { orderBy: { seq: "asc" } } } });
  return { execution, steps: execution.steps.map((step) => [step.nodeId, step.port]) };
}

describe("saved test cases at a pretended time (real Temporal, worker, bridge, simulator, PostgreSQL)", () => {
  it("takes the closed branch at 05:37 Shanghai time and the menu at 10:00, with canned HTTP answers and a pretended caller", async () => {
    const flow = await app.createFlow("ivr", { graph: fixture });
    const closedId = await save(flow.id, closedCase);
    const vipId = await save(flow.id, vipCase);

    const closed = await runToEnd(flow.id, closedId);
    expect(closed).toMatchObject({ status: "passed", error: null });
    expect(closed.results.map((result: { ok: boolean }) => result.ok)).toEqual([true, true]);
    const dawnCall = await stepsOf(closed.callId);
    expect(dawnCall.steps.slice(0, 3)).toEqual([
      ["start", "next"],
      ["hours", "closed"],
      ["voicemail", "next"],
    ]);
    // The pretended language wins over the start node's default (zh-CN); the line is the pretended one.
    expect(dawnCall.execution).toMatchObject({ language: "en-US", dialed: "4001" });
    expect(dawnCall.execution.steps[0]?.varsChanged).toEqual({});

    const vip = await runToEnd(flow.id, vipId);
    expect(vip, JSON.stringify(vip)).toMatchObject({ status: "passed" });
    const { execution, steps } = await stepsOf(vip.callId);
    expect(steps).toEqual([
      ["start", "next"],
      ["hours", "open"],
      ["main_menu", "option:0"],
      ["lookup_customer", "success"],
      ["tier_branch", "condition:0"],
      ["to_agents_vip", null],
    ]);
    expect(execution.caller).toBe("13900001111");
    const lookup = execution.steps.find((step) => step.nodeId === "lookup_customer");
    expect(lookup?.detail).toEqual({ cannedHttp: { status: 200 } });
    expect(lookup?.varsChanged).toMatchObject({ customer_tier: { before: "standard", after: "vip" } });
    // The call's page (and its API) says the CRM answer was canned, not a request that was sent.
    const callPage = await app.call(getCallRoute, { as: "ops", params: { callId: execution.id } });
    expect(callPage.status).toBe(200);
    const requests = callPage.body.call.steps.flatMap((step: { nodeId: string; http: unknown }) => (step.http === null ? [] : [[step.nodeId, step.http]]));
    expect(requests).toEqual([["lookup_customer", expect.objectContaining({ status: 200, ok: true, canned: true })]]);

    const listed = await app.call(listCases, { as: "marketer", params: { flowId: flow.id } });
    expect(listed.status).toBe(200);
    expect(listed.body.testCases.map((c: { name: string; lastRun: { status: string } }) => [c.name, c.lastRun.status])).toEqual([
      ["Closed at dawn", "passed"],
      ["VIP at ten", "passed"],
    ]);
  }, 300_000);

  it("says which expectation failed", async () => {
    const flow = await app.createFlow("ivr", { graph: fixture });
    const run = await runToEnd(flow.id, await save(flow.id, wrongCase));
    expect(run.status).toBe("failed");
    expect(run.results).toEqual([
      expect.objectContaining({ kind: "path", ok: false, mismatchAt: 0, expected: ["main_menu"] }),
      expect.objectContaining({ kind: "outcome", ok: false, actual: { kind: "completed", target: null } }),
    ]);
  }, 300_000);

  it("runs the saved cases on a candidate submitted for review and stores which pass and which fail", async () => {
    const flow = await app.createFlow("ivr", { graph: fixture });
    for (const body of [closedCase, vipCase, wrongCase]) await save(flow.id, body);
    const submitted = await app.call(submitReview, { as: "ops", method: "POST", params: { flowId: flow.id }, body: { note: "First version" } });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const reviewId: string = submitted.body.review.id;
    const runs = await until(
      "the review's test cases",
      async () => {
        const listed = await app.call(reviewCases, { as: "marketer", params: { flowId: flow.id, reviewId } });
        expect(listed.status).toBe(200);
        return listed.body.runs.some((run: { status: string }) => run.status === "running") ? undefined : listed.body.runs;
      },
      180_000,
      500,
    );
    expect(runs.map((run: { testCase: { name: string }; status: string }) => [run.testCase.name, run.status])).toEqual([
      ["Closed at dawn", "passed"],
      ["Menu at dawn", "failed"],
      ["VIP at ten", "passed"],
    ]);
    // The candidate's plan ran, not the draft's: the snapshots hold the version's plan.
    const version = await app.db.prisma.flowVersion.findFirstOrThrow({ where: { flowId: flow.id } });
    const snapshots = await app.db.prisma.testCaseRun.findMany({ where: { reviewId }, include: { testCallPlan: true } });
    expect(snapshots.every((run) => JSON.stringify(run.testCallPlan.plan) === JSON.stringify(version.plan))).toBe(true);
  }, 300_000);

  it("checks roles, names bad fields, refuses duplicate names and audits create, update and delete", async () => {
    const flow = await app.createFlow("ivr", { graph: fixture });
    expect((await app.call(createCase, { as: "agent", method: "POST", params: { flowId: flow.id }, body: closedCase })).status).toBe(403);
    expect((await app.call(createCase, { as: null, method: "POST", params: { flowId: flow.id }, body: closedCase })).status).toBe(401);
    const bad = await app.call(createCase, {
      as: "ops",
      method: "POST",
      params: { flowId: flow.id },
      body: { name: "", pretend: { clock: { date: "2026-13-01", time: "5:37", timeZone: "Nowhere/City" } }, expectations: { path: null, outcome: null } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((field: { field: string }) => field.field)).toEqual(
      expect.arrayContaining(["name", "pretend.clock.date", "pretend.clock.time", "pretend.clock.timeZone", "expectations.path"]),
    );
    const caseId = await save(flow.id, closedCase);
    const duplicate = await app.call(createCase, { as: "ops", method: "POST", params: { flowId: flow.id }, body: closedCase });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe("test_case_name_taken");
    const updated = await app.call(updateCase, { as: "ops", method: "PUT", params: { flowId: flow.id, caseId }, body: { ...closedCase, name: "Closed before nine" } });
    expect(updated.status).toBe(200);
    expect(updated.body.testCase.name).toBe("Closed before nine");
    const other = await app.createFlow("ivr", { graph: fixture });
    expect((await app.call(deleteCase, { as: "ops", method: "DELETE", params: { flowId: other.id, caseId } })).status).toBe(404);
    expect((await app.call(deleteCase, { as: "ops", method: "DELETE", params: { flowId: flow.id, caseId } })).status).toBe(200);
    const audit = await app.db.prisma.auditEntry.findMany({ where: { targetId: caseId }, orderBy: { at: "asc" } });
    expect(audit.map((entry) => entry.action)).toEqual(["testCase.create", "testCase.update", "testCase.delete"]);
  }, 120_000);
});
