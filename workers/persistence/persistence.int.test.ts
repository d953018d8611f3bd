import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mapEntryPoint } from "@/app/_server/flows/map-entry-point";
import { publishFlow } from "@/app/_server/flows/publish-flow";
import { canonicalJson } from "@/flows-runtime/compiler/canonical-json";
import { ivrGraph, tts } from "@/tests/support/graph-builder";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { createEntryResolver } from "../ari-bridge/resolve-entry-point";
import { loadCallPlans } from "./call-plans";
import { createExecutionStore } from "./execution-store";

const sayFlow = (text: string) =>
  ivrGraph({
    name: text,
    nodes: [
      { id: "start", type: "start" },
      { id: "say", type: "play", data: { media: [tts(text)] } },
    ],
    edges: [["start", "next", "say"]],
  });

const callingFlow = (subflowId: string) =>
  ivrGraph({
    name: "caller of a subflow",
    nodes: [
      { id: "start", type: "start" },
      { id: "sub", type: "subflow", data: { flowId: subflowId } },
    ],
    edges: [["start", "next", "sub"]],
  });

async function published(result: Awaited<ReturnType<typeof publishFlow>>) {
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join("; "));
  return result;
}

const versionSource = (flowVersionId: string) => ({ flowVersionId, testPlanId: null });

describe("publishing, entry points and call persistence", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  it("publishes immutable numbered versions with the plan's hash and moves the live pointer", async () => {
    const v1 = await published(await publishFlow({ graph: sayFlow("one") }, db.prisma));
    const v2 = await published(await publishFlow({ graph: sayFlow("two"), flowId: v1.flowId }, db.prisma));
    expect([v1.number, v2.number]).toEqual([1, 2]);

    const flow = await db.prisma.flow.findUniqueOrThrow({ where: { id: v1.flowId } });
    expect(flow.liveVersionId).toBe(v2.versionId);
    const version = await db.prisma.flowVersion.findUniqueOrThrow({ where: { id: v1.versionId } });
    expect(version.planHash).toBe(createHash("sha256").update(canonicalJson(version.plan)).digest("hex"));
    expect(JSON.stringify(version.plan)).toContain("one");
  });

  it("refuses an invalid graph with its issues and stores nothing", async () => {
    const before = await db.prisma.flowVersion.count();
    const graph = ivrGraph({ name: "broken", nodes: [{ id: "say", type: "play", data: { media: [] } }], edges: [] });
    const result = await publishFlow({ graph }, db.prisma);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.length).toBeGreaterThan(0);
    expect(await db.prisma.flowVersion.count()).toBe(before);
  });

  it("gives concurrent publishes of one flow distinct numbers", async () => {
    const first = await published(await publishFlow({ graph: sayFlow("base") }, db.prisma));
    const results = await Promise.all([1, 2, 3].map((n) => publishFlow({ graph: sayFlow(`v${n}`), flowId: first.flowId }, db.prisma)));
    const numbers = (await Promise.all(results.map(published))).map((r) => r.number).sort();
    expect(numbers).toEqual([2, 3, 4]);
  });

  it("resolves a Stasis argument before the dialed number, and only to a live version", async () => {
    const byArg = await published(await publishFlow({ graph: sayFlow("by arg") }, db.prisma));
    const byDid = await published(await publishFlow({ graph: sayFlow("by did") }, db.prisma));
    await mapEntryPoint(byArg.flowId, { kind: "stasis-arg", value: "vip-line" }, db.prisma);
    await mapEntryPoint(byDid.flowId, { kind: "did", value: "4001" }, db.prisma);
    const resolve = createEntryResolver(db.prisma);

    expect(await resolve({ args: ["vip-line"], dialed: "4001" })).toEqual({ flowId: byArg.flowId, flowVersionId: byArg.versionId });
    expect(await resolve({ args: ["other"], dialed: "4001" })).toEqual({ flowId: byDid.flowId, flowVersionId: byDid.versionId });
    expect(await resolve({ args: [], dialed: "9999" })).toBeNull();

    // Re-mapping moves the number to another flow.
    await mapEntryPoint(byArg.flowId, { kind: "did", value: "4001" }, db.prisma);
    expect(await resolve({ args: [], dialed: "4001" })).toMatchObject({ flowId: byArg.flowId });
  });

  it("loads the call's plans with subflows pinned: live ones at call start, the given ones after that", async () => {
    const sub1 = await published(await publishFlow({ graph: sayFlow("sub one") }, db.prisma));
    const main = await published(await publishFlow({ graph: callingFlow(sub1.flowId) }, db.prisma));
    const atStart = await loadCallPlans(db.prisma, versionSource(main.versionId));
    expect(Object.keys(atStart.plans).sort()).toEqual([main.flowId, sub1.flowId].sort());
    expect(atStart.plans[sub1.flowId]?.versionId).toBe(sub1.versionId);

    const sub2 = await published(await publishFlow({ graph: sayFlow("sub two"), flowId: sub1.flowId }, db.prisma));
    const pinned = { [sub1.flowId]: sub1.versionId };
    expect((await loadCallPlans(db.prisma, versionSource(main.versionId), pinned)).plans[sub1.flowId]?.versionId).toBe(sub1.versionId);
    expect((await loadCallPlans(db.prisma, versionSource(main.versionId))).plans[sub1.flowId]?.versionId).toBe(sub2.versionId);
  });

  it("runs a designer test call from its draft snapshot, found by the Stasis arguments [\"test\", id]", async () => {
    const flow = await published(await publishFlow({ graph: sayFlow("live") }, db.prisma));
    const draft = await publishFlow({ graph: sayFlow("draft") }, db.prisma);
    const draftVersion = await published(draft);
    const draftPlan = await db.prisma.flowVersion.findUniqueOrThrow({ where: { id: draftVersion.versionId } });
    const snapshot = await db.prisma.testCallPlan.create({
      data: { flowId: flow.flowId, plan: draftPlan.plan ?? {}, graph: draftPlan.graph ?? {} },
    });
    const resolve = createEntryResolver(db.prisma);
    expect(await resolve({ args: ["test", snapshot.id], dialed: "" })).toEqual({
      flowId: flow.flowId,
      flowVersionId: null,
      testPlanId: snapshot.id,
    });
    expect(await resolve({ args: ["test", "no-such-plan"], dialed: "" })).toBeNull();
    const plans = await loadCallPlans(db.prisma, { flowVersionId: null, testPlanId: snapshot.id });
    expect(plans.mainFlowId).toBe(flow.flowId);
    expect(plans.plans[flow.flowId]?.plan).toEqual(draftPlan.plan);
  });

  it("writes executions, steps and recordings idempotently (activities retry)", async () => {
    const flow = await published(await publishFlow({ graph: sayFlow("trace") }, db.prisma));
    const store = createExecutionStore(db.prisma);
    const begin = {
      executionId: "exec-1",
      workflowId: "call-c1",
      channelId: "c1",
      flowId: flow.flowId,
      flowVersionId: flow.versionId,
      testCallPlanId: null,
      caller: "100",
      dialed: "4000",
      language: "",
      startedAt: "2025-01-01T00:00:00.000Z",
    };
    expect(await store.beginExecution(begin)).toBe("exec-1");
    expect(await store.beginExecution({ ...begin, executionId: "exec-2" })).toBe("exec-1");

    const step = (seq: number) => ({
      seq,
      stepId: "say",
      stepType: "play",
      label: null,
      enteredAt: "2025-01-01T00:00:01.000Z",
      durationMs: 1200.4,
      port: "next",
      input: null,
      varsChanged: { x: { before: null, after: seq } },
      error: null,
      detail: null,
    });
    expect(await store.appendSteps("exec-1", [step(1), step(2)])).toBe(2);
    expect(await store.appendSteps("exec-1", [step(2), step(3)])).toBe(1);
    const rows = await db.prisma.callStep.findMany({ where: { executionId: "exec-1" }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => [r.seq, r.durationMs, r.varsChanged])).toEqual([
      [1, 1200, { x: { before: null, after: 1 } }],
      [2, 1200, { x: { before: null, after: 2 } }],
      [3, 1200, { x: { before: null, after: 3 } }],
    ]);

    const recording = { executionId: "exec-1", nodeId: "say", name: "exec-1-3-1", format: "wav", durationSeconds: 4 };
    await store.saveRecording(recording);
    await store.saveRecording(recording);
    expect(await db.prisma.callRecording.count({ where: { executionId: "exec-1" } })).toBe(1);

    await store.finishExecution({ executionId: "exec-1", outcome: "completed", error: null, lastNodeId: "say", endedAt: "2025-01-01T00:00:05.000Z", handover: null });
    const execution = await db.prisma.callExecution.findUniqueOrThrow({ where: { id: "exec-1" } });
    expect([execution.outcome, execution.lastNodeId, execution.endedAt?.toISOString()]).toEqual(["completed", "say", "2025-01-01T00:00:05.000Z"]);
  });
});
