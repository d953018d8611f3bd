import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import WebSocket from "ws";
import { compileGraph } from "@/flows-runtime/compiler/compile";
import { graphSchema } from "@/flows-runtime/graph/schema";
import fixture from "@/flows-runtime/fixtures/after-sales-ivr.json";
import { startAriSimulator, type AriSimulator } from "@/workers/ari-simulator";
import type { SimulatorControl } from "@/workers/ari-simulator/control/client";
import { startCaseRun } from "@/app/_server/test-cases/start-case-run";
import { writeHttpPolicy } from "@/workers/http-allow-list/write-http-policy";
import { startTestApp, type TestApp } from "@/app/_tests/support/test-app";
import en from "@/app/_i18n/messages/en.json";
import zh from "@/app/_i18n/messages/zh-CN.json";
import { toJsonObject } from "@/app/_server/flows/to-json-object";
import { POST as placeCall } from "@/app/api/flows/[flowId]/test-calls/route";
import { GET as getCall, DELETE as hangUp } from "@/app/api/flows/[flowId]/test-calls/[callId]/route";
import { POST as pressKeys } from "@/app/api/flows/[flowId]/test-calls/[callId]/dtmf/route";

const afterSales = graphSchema.parse(fixture);

let app: TestApp;
let sim: AriSimulator;
let engine: WebSocket;

async function ari(method: string, path: string): Promise<void> {
  const response = await fetch(`${sim.url}/ari${path}`, { method, headers: { authorization: `Basic ${Buffer.from("asterisk:asterisk").toString("base64")}` } });
  if (!response.ok) throw new Error(`${method} ${path} -> ${response.status}`);
}

beforeAll(async () => {
  app = await startTestApp();
  await writeHttpPolicy(app.db.prisma, {
    allowed: ["api.example-shop.cn", "crm.example-shop.cn"].map((destination) => ({ destination, allowInternal: false })),
    secrets: [
      { secret: "SHOP_API_TOKEN", destinations: ["api.example-shop.cn"] },
      { secret: "CRM_API_KEY", destinations: ["crm.example-shop.cn"] },
    ],
  });
  sim = await startAriSimulator({ port: 0, username: "asterisk", password: "asterisk", defaultApp: "cc-flows-test" });
  vi.stubEnv("ARI_SIM_URL", sim.url);
  vi.stubEnv("ARI_APP", "cc-flows-test");
  // Stands in for the ARI bridge: registers the Stasis app so the simulator accepts calls into it.
  engine = new WebSocket(`${sim.url.replace(/^http/, "ws")}/ari/events?app=cc-flows-test&api_key=asterisk:asterisk`);
  await new Promise((resolve, reject) => {
    engine.once("open", resolve);
    engine.once("error", reject);
  });
});

afterAll(async () => {
  engine?.close();
  await sim?.close();
  await app?.stop();
});

describe("test calls (route handlers, simulator control API)", () => {
  it("refuses an invalid draft with every issue, and stores nothing", async () => {
    const flow = await app.createFlow("ivr");
    const result = await app.call(placeCall, { as: "ops", method: "POST", params: { flowId: flow.id }, body: {} });
    expect(result.status).toBe(422);
    expect(result.body.error.code).toBe("invalid_graph");
    expect(result.body.error.issues.length).toBeGreaterThan(0);
    expect(await app.db.prisma.testCallPlan.count()).toBe(0);
  });

  it("refuses a draft whose HTTP node calls a host that is not allowed (the Temporal UI here), before dialing", async () => {
    const nodes = afterSales.nodes.map((node) => (node.id === "lookup_customer" ? { ...node, data: { ...node.data, url: "http://127.0.0.1:8233/api/v1/namespaces?api_key=asterisk:asterisk" } } : node));
    const flow = await app.createFlow("ivr", { graph: { ...afterSales, nodes } });
    const before = await app.db.prisma.testCallPlan.count();
    const result = await app.call(placeCall, { as: "ops", method: "POST", params: { flowId: flow.id }, body: {} });
    expect(result.status).toBe(422);
    expect(result.body.error.issues).toContainEqual(expect.objectContaining({ code: "http-host-not-allowed", nodeId: "lookup_customer", path: ["url"] }));
    expect(await app.db.prisma.testCallPlan.count()).toBe(before);
  });

  it("refuses a routing or campaign flow (no call starts there) before compiling or dialing", async () => {
    const before = await app.db.prisma.testCallPlan.count();
    for (const kind of ["routing", "campaign"] as const) {
      const flow = await app.createFlow(kind);
      const result = await app.call(placeCall, { as: "admin", method: "POST", params: { flowId: flow.id }, body: {} });
      expect(result.status, JSON.stringify(result.body)).toBe(422);
      expect(result.body.error).toMatchObject({ code: "test_call_not_ivr", kind, message: `Only an IVR flow can be test-called: this is a ${kind} flow.` });
    }
    expect(await app.db.prisma.testCallPlan.count()).toBe(before);
    expect(en.errors.test_call_not_ivr).toMatch(/^Only an IVR flow can be test-called/);
    expect(zh.errors.test_call_not_ivr).toMatch(/^只有 IVR 流程可以测试呼叫：/);
  });

  it("marks a saved case of a routing flow's candidate as not runnable, without dialing", async () => {
    const graph = {
      schemaVersion: 1,
      kind: "routing",
      nodes: [
        { id: "start", type: "routing-start", position: { x: 0, y: 0 }, data: {} },
        { id: "end", type: "hangup", position: { x: 0, y: 100 }, data: {} },
      ],
      edges: [{ id: "e1", source: "start", sourcePort: "next", target: "end" }],
    };
    const compiled = compileGraph(graph);
    if (!compiled.ok) throw new Error(compiled.issues.map((issue) => issue.message).join("\n"));
    const flow = await app.createFlow("routing", { graph });
    const testCase = { name: "VIP first", pretend: {}, inputs: [], expectations: { path: null, outcome: { kind: "completed" as const } } };
    const row = await app.db.prisma.testCase.create({ data: { flowId: flow.id, ...testCase, createdById: app.users.admin.id, updatedById: app.users.admin.id } });
    const dialed = vi.fn<SimulatorControl["placeCall"]>();
    const control: SimulatorControl = { ...sim.control, placeCall: dialed };
    const run = await startCaseRun(app.db.prisma, { flowId: flow.id, testCaseId: row.id, testCase, plan: compiled.plan, graph, startedById: app.users.admin.id }, control);
    expect(run).toMatchObject({ status: "error", error: "not-ivr", callId: null });
    expect(dialed).not.toHaveBeenCalled();
    expect(en.testCases.runErrors["not-ivr"]).toBe("Not run: only an IVR flow can be test-called.");
    expect(zh.testCases.runErrors["not-ivr"]).toBe("未运行：只有 IVR 流程可以测试呼叫。");
  });

  it("is refused to roles that may not edit the flow", async () => {
    const flow = await app.createFlow("ivr", { graph: afterSales });
    expect((await app.call(placeCall, { as: "agent", method: "POST", params: { flowId: flow.id }, body: {} })).status).toBe(403);
    expect((await app.call(placeCall, { as: null, method: "POST", params: { flowId: flow.id }, body: {} })).status).toBe(401);
  });

  it("snapshots the compiled draft, dials into Stasis with [test, id], relays keys and reports progress", async () => {
    const flow = await app.createFlow("ivr", { graph: afterSales });
    const placed = await app.call(placeCall, { as: "ops", method: "POST", params: { flowId: flow.id }, body: {} });
    expect(placed.status).toBe(201);
    const { callId, testPlanId } = placed.body.testCall;
    const snapshot = await app.db.prisma.testCallPlan.findUniqueOrThrow({ where: { id: testPlanId } });
    expect(snapshot).toMatchObject({ flowId: flow.id, callId, createdById: app.users.ops.id });
    expect(Object.keys(toJsonObject(snapshot.plan).steps ?? {})).toContain("main_menu");
    const inbound = await sim.control.log({ channelId: callId, kind: "inbound" });
    expect(inbound[0]?.args).toEqual(["test", testPlanId]);

    // What the engine would do: record the steps it finished and play the menu prompt.
    const version = await app.db.prisma.flowVersion.create({
      data: { flowId: flow.id, number: 1, graph: toJsonObject(afterSales), plan: toJsonObject(snapshot.plan), planHash: "test" },
    });
    const started = new Date(Date.now() - 1000);
    await app.db.prisma.callExecution.create({
      data: {
        workflowId: `call-${callId}`,
        channelId: callId,
        flowId: flow.id,
        flowVersionId: version.id,
        caller: "10000000000",
        dialed: "test",
        language: "zh-CN",
        startedAt: started,
        steps: {
          create: [
            { seq: 0, nodeId: "start", nodeType: "start", enteredAt: started, durationMs: 1, port: "next", varsChanged: {} },
            { seq: 1, nodeId: "hours", nodeType: "business-hours", enteredAt: new Date(started.getTime() + 2), durationMs: 1, port: "open", varsChanged: {} },
          ],
        },
      },
    });
    await ari("POST", `/channels/${callId}/play?media=${encodeURIComponent("sound:http://127.0.0.1:1/tts/menu.wav")}`);

    const progress = await app.call(getCall, { as: "ops", params: { flowId: flow.id, callId } });
    expect(progress.status).toBe(200);
    expect(progress.body.testCall).toMatchObject({ state: "running", activeNodeId: "main_menu", takenPorts: [{ nodeId: "start", port: "next" }, { nodeId: "hours", port: "open" }] });
    expect(progress.body.testCall.prompts[0].items[0].text).toContain("查询订单状态请按1");

    const keys = await app.call(pressKeys, { as: "ops", method: "POST", params: { flowId: flow.id, callId }, body: { digits: "2" } });
    expect(keys.status).toBe(204);
    await expect.poll(async () => (await sim.control.log({ channelId: callId, kind: "dtmf" })).map((entry) => entry.digit)).toEqual(["2"]);
    expect((await app.call(pressKeys, { as: "ops", method: "POST", params: { flowId: flow.id, callId }, body: { digits: "2; rm -rf" } })).status).toBe(400);

    expect((await app.call(hangUp, { as: "ops", method: "DELETE", params: { flowId: flow.id, callId } })).status).toBe(204);
    // No engine wrote the end of this execution: the call counts as over a few seconds after the line dropped.
    expect((await app.call(getCall, { as: "ops", params: { flowId: flow.id, callId } })).body.testCall.state).toBe("running");
    await expect.poll(async () => (await app.call(getCall, { as: "ops", params: { flowId: flow.id, callId } })).body.testCall.state, { timeout: 15_000 }).toBe("ended");
  });

  it("does not reveal or control test calls of another flow", async () => {
    const mine = await app.createFlow("ivr", { graph: afterSales });
    const other = await app.createFlow("ivr", { graph: afterSales });
    const placed = await app.call(placeCall, { as: "ops", method: "POST", params: { flowId: mine.id }, body: {} });
    const { callId } = placed.body.testCall;
    expect((await app.call(getCall, { as: "ops", params: { flowId: other.id, callId } })).status).toBe(404);
    expect((await app.call(pressKeys, { as: "ops", method: "POST", params: { flowId: other.id, callId }, body: { digits: "1" } })).status).toBe(404);
    expect((await sim.control.log({ channelId: callId, kind: "dtmf" })).length).toBe(0);
  });
});
