import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entryPointKey } from "@/workers/ari-bridge/entry-point-cache";
import { startDevStack, type DevStack, type PublishedFlow } from "@/workers/dev-stack";
import { counterLoopFlow, ivrGraph, tts } from "../support/graph-builder";
import { proxiedUrl, startTcpProxy, type TcpProxy } from "../support/tcp-proxy";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { until } from "../support/until";

const DID = "4030";
const VOICEMAIL_DID = "4031";
const OUTAGE_MS = 10_000;
const CALL_INTERVAL_MS = 500;
const script = "wait prompt; wait 200ms; press 1; wait prompt; wait 200ms; press 1; wait prompt; wait 200ms; press 2; wait prompt; expect hangup; timeout 120s";
const EXPECTED_STEPS = [
  ["start", "next"],
  ["menu", "option:1"],
  ["count", "next"],
  ["menu", "option:1"],
  ["count", "next"],
  ["menu", "option:2"],
  ["done", "next"],
  ["bye", null],
];

const voicemailFlow = () =>
  ivrGraph({
    name: "voicemail",
    nodes: [
      { id: "start", type: "start", data: { defaultLanguage: "en-US" } },
      { id: "voicemail", type: "record", data: { prompt: [tts("Please leave a message after the tone.")], terminateOn: "#", variable: "message" } },
      { id: "thanks", type: "play", data: { media: [tts("Thank you.")] } },
      { id: "bye", type: "hangup" },
    ],
    edges: [
      ["start", "next", "voicemail"],
      ["voicemail", "next", "thanks"],
      ["thanks", "next", "bye"],
    ],
  });
const voicemailScript = "wait prompt; wait prompt end; wait 1500ms; talk 2s; press #; wait prompt; expect hangup; timeout 120s";

describe("PostgreSQL unreachable while calls arrive", () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let stack: DevStack;
  let flow: PublishedFlow;
  let voicemail: PublishedFlow;
  beforeAll(async () => {
    db = await createTestDatabase();
    const target = new URL(db.url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    // The test reads and publishes directly; the bridge and the worker go through the proxy.
    stack = await startDevStack({ databaseUrl: db.url, serviceDatabaseUrl: proxiedUrl(db.url, proxy), simulator: { timeScale: 0.5 } });
    flow = await stack.publishFlow(counterLoopFlow(), { did: DID });
    voicemail = await stack.publishFlow(voicemailFlow(), { did: VOICEMAIL_DID });
  });
  afterAll(async () => {
    await stack?.stop();
    await proxy?.close();
    await db?.drop();
  });

  it("answers every call and runs its flow; the trace is written once the database is back", { timeout: 180_000 }, async () => {
    const sim = stack.simulator;
    if (!sim) throw new Error("needs the simulator");
    // The publish reached both caches through LISTEN/NOTIFY (the periodic refresh is 30 s away).
    await until("the bridge's entry point cache", () => (stack.routing.entryPoints()?.get(entryPointKey({ kind: "did", value: DID }))?.flowVersionId === flow.versionId ? true : undefined));
    await until("the bridge's entry point cache (voicemail)", () => (stack.routing.entryPoints()?.has(entryPointKey({ kind: "did", value: VOICEMAIL_DID })) ? true : undefined));
    await until("the worker's plan cache", () => (stack.routing.plans?.plan(flow.versionId) && stack.routing.plans.plan(voicemail.versionId) ? true : undefined));

    proxy.cut();
    const cutAt = performance.timeOrigin + performance.now();
    // Really unreachable for the services: a fresh connection through the proxy fails.
    const probe = new pg.Client({ connectionString: proxiedUrl(db.url, proxy), connectionTimeoutMillis: 2_000 });
    await expect(probe.connect()).rejects.toThrow();
    await probe.end().catch(() => undefined);

    const callIds: string[] = [];
    const voicemailCalls = new Set<string>();
    while (performance.timeOrigin + performance.now() - cutAt < OUTAGE_MS - 1_000) {
      const from = `1370000${String(callIds.length).padStart(4, "0")}`;
      // Every third call leaves a voicemail: its recording is part of the trace too.
      if (callIds.length % 3 === 2) {
        const id = await stack.placeCall({ to: VOICEMAIL_DID, from, script: voicemailScript });
        voicemailCalls.add(id);
        callIds.push(id);
      } else {
        callIds.push(await stack.placeCall({ to: DID, from, script }));
      }
      await new Promise((r) => setTimeout(r, CALL_INTERVAL_MS));
    }
    await new Promise((r) => setTimeout(r, Math.max(0, cutAt + OUTAGE_MS - (performance.timeOrigin + performance.now()))));
    const restoredAt = performance.timeOrigin + performance.now();
    // Still cut until now: nothing of these calls can be in the database yet.
    expect(await db.prisma.callExecution.count({ where: { channelId: { in: callIds } } })).toBe(0);
    proxy.restore();

    expect(callIds.length).toBeGreaterThanOrEqual(15);
    const log = await sim.control.log();
    for (const callId of callIds) {
      const entries = log.filter((e) => e.channelId === callId);
      // Answered and prompted while the database was unreachable.
      const answered = entries.find((e) => e.kind === "answer");
      const firstPlay = entries.find((e) => e.kind === "playRequest");
      expect(answered, `call ${callId} answered`).toBeDefined();
      expect(firstPlay?.t, `call ${callId} prompted`).toBeLessThan(restoredAt);
    }

    const outcomes = await Promise.all(callIds.map((id) => stack.waitForCall(id, 120_000)));
    for (const { status, result } of outcomes) {
      expect(status.script?.status).toBe("completed");
      expect(result?.outcome).toBe("completed");
    }
    for (const callId of callIds) {
      const execution = await stack.getExecution(callId);
      expect(execution?.outcome, `call ${callId} execution`).toBe("completed");
      expect(execution?.endedAt).not.toBeNull();
      if (voicemailCalls.has(callId)) {
        expect(execution?.flowVersionId).toBe(voicemail.versionId);
        expect(execution?.steps.map((s) => [s.nodeId, s.port])).toEqual([["start", "next"], ["voicemail", "next"], ["thanks", "next"], ["bye", null]]);
        expect(execution?.recordings.map((r) => r.nodeId)).toEqual(["voicemail"]);
        expect(execution?.steps[1]?.varsChanged).toMatchObject({ message: { before: null, after: execution?.recordings[0]?.name } });
        continue;
      }
      expect(execution?.flowVersionId).toBe(flow.versionId);
      expect(execution?.steps.map((s) => s.seq)).toEqual(EXPECTED_STEPS.map((_, i) => i + 1));
      expect(execution?.steps.map((s) => [s.nodeId, s.port])).toEqual(EXPECTED_STEPS);
      expect(execution?.recordings).toEqual([]);
    }
  });
});
