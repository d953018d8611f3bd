import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import fixture from "@/flows-runtime/fixtures/after-sales-ivr.json";
import * as callsRoute from "@/app/api/calls/route";
import * as callRoute from "@/app/api/calls/[callId]/route";
import * as exportRoute from "@/app/api/calls/export/route";
import * as fileRoute from "@/app/api/calls/[callId]/recordings/[recordingId]/file/route";
import { roles, type AppRole } from "@/app/_server/auth/roles";
import { toJsonObject } from "@/app/_server/flows/to-json-object";
import { silentWav } from "@/workers/ari-simulator/media-cache";
import { startAriSimulator, type AriSimulator } from "@/workers/ari-simulator/server";
import { ivrGraph, tts } from "@/tests/support/graph-builder";
import { insertVersion } from "./support/version-fixtures";
import { startTestApp, type TestApp } from "./support/test-app";

let app: TestApp;
let sim: AriSimulator;
let flowId = "";
let versionId = "";
let otherFlowId = "";
/** Calls newest first, as the log must list them. */
const seeded: { id: string; caller: string; startedAt: Date }[] = [];
let voicemailCallId = "";
let recordingId = "";
let missingRecordingId = "";

const t0 = new Date("2026-11-30T02:00:00.000Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

async function insertCall(input: { flowId: string; versionId: string | null; caller: string; at: Date; seconds: number | null; outcome: string | null; steps?: [string, string, string | null, string | null][]; test?: boolean }) {
  const db = app.db.prisma;
  const testPlan = input.test ? await db.testCallPlan.create({ data: { flowId: input.flowId, plan: {}, graph: {} } }) : null;
  const call = await db.callExecution.create({
    data: {
      workflowId: `call-${Math.random().toString(36).slice(2)}`,
      channelId: `ch-${Math.random().toString(36).slice(2)}`,
      flowId: input.flowId,
      flowVersionId: input.versionId,
      testCallPlanId: testPlan?.id ?? null,
      caller: input.caller,
      dialed: "4001",
      language: "zh-CN",
      startedAt: input.at,
      endedAt: input.seconds === null ? null : new Date(input.at.getTime() + input.seconds * 1000),
      outcome: input.outcome,
      lastNodeId: input.steps?.at(-1)?.[0] ?? null,
    },
  });
  for (const [index, [nodeId, nodeType, port, stepInput]] of (input.steps ?? []).entries()) {
    await db.callStep.create({
      data: {
        executionId: call.id,
        seq: index + 1,
        nodeId,
        nodeType,
        label: nodeId === "main_menu" ? "主菜单" : null,
        enteredAt: new Date(input.at.getTime() + index * 1000),
        durationMs: 900,
        port,
        input: stepInput,
        varsChanged: toJsonObject(nodeId === "start" ? { "call.language": { before: "", after: "zh-CN" } } : {}),
      },
    });
  }
  return call.id;
}

beforeAll(async () => {
  app = await startTestApp();
  sim = await startAriSimulator({ port: 0 });
  vi.stubEnv("ARI_URL", sim.url);
  vi.stubEnv("ARI_SIMULATOR", "1");
  vi.stubEnv("ARI_USERNAME", "asterisk");
  vi.stubEnv("ARI_PASSWORD", "asterisk");
  flowId = (await app.createFlow("ivr", { name: "After-sales" })).id;
  otherFlowId = (await app.createFlow("ivr", { name: "Other" })).id;
  versionId = (await insertVersion(app, flowId, fixture, { status: null, live: true })).versionId;
  const otherVersion = (await insertVersion(app, otherFlowId, fixture, { status: null, live: true })).versionId;

  const menuPath: [string, string, string | null, string | null][] = [
    ["start", "start", "next", null],
    ["hours", "business-hours", "open", null],
    ["main_menu", "menu", "option:2", "2"],
    ["to_after_sales", "transfer", null, null],
  ];
  const voicemailPath: [string, string, string | null, string | null][] = [
    ["start", "start", "next", null],
    ["hours", "business-hours", "closed", null],
    ["voicemail", "record", "next", "#"],
    ["thanks", "play", "next", null],
    ["hangup", "hangup", null, null],
  ];
  // 7 calls of the flow, one of another flow, one test call; newest first in `seeded`.
  const plan = [
    { caller: "13800000001", at: minutes(0), seconds: 12, outcome: "transferred", steps: menuPath },
    { caller: "13800000002", at: minutes(5), seconds: 65, outcome: "completed", steps: voicemailPath },
    { caller: "13800000001", at: minutes(10), seconds: 3, outcome: "caller-hangup", steps: menuPath.slice(0, 2) },
    { caller: "=HYPERLINK(\"http://evil.example\")", at: minutes(15), seconds: 20, outcome: "failed", steps: menuPath.slice(0, 3) },
    { caller: "13800000003", at: minutes(20), seconds: null, outcome: null, steps: menuPath.slice(0, 2) },
    { caller: "13800000004", at: minutes(25), seconds: 30, outcome: "transferred", steps: menuPath },
    { caller: "13800000005", at: minutes(25), seconds: 31, outcome: "transferred", steps: menuPath },
  ];
  for (const call of plan) {
    const id = await insertCall({ flowId, versionId, ...call });
    seeded.unshift({ id, caller: call.caller, startedAt: call.at });
    if (call.steps === voicemailPath) voicemailCallId = id;
  }
  // Same start: the id orders them, as the keyset does.
  seeded.sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime() || (a.id < b.id ? 1 : -1));
  await insertCall({ flowId: otherFlowId, versionId: otherVersion, caller: "13900000000", at: minutes(30), seconds: 5, outcome: "completed" });
  await insertCall({ flowId, versionId: null, caller: "10000000000", at: minutes(31), seconds: 5, outcome: "completed", test: true });

  const name = `${voicemailCallId}-3-1`;
  recordingId = (await app.db.prisma.callRecording.create({ data: { executionId: voicemailCallId, nodeId: "voicemail", name, format: "wav", durationSeconds: 2 } })).id;
  sim.sw.storedRecordings.set(name, { name, format: "wav", durationMs: 2000, data: silentWav(2000) });
  missingRecordingId = (await app.db.prisma.callRecording.create({ data: { executionId: voicemailCallId, nodeId: "voicemail", name: `${name}-gone`, format: "wav", durationSeconds: 1 } })).id;
}, 120_000);

afterAll(async () => {
  await sim?.close();
  await app?.stop();
});

const list = async (query: string, as: AppRole = "ops") => app.call(callsRoute.GET, { as, path: `/api/calls?${query}` });
const ids = (body: { calls: { id: string }[] }) => body.calls.map((call) => call.id);

describe("GET /api/calls", () => {
  it("lets ops and admins read the log, refuses agents and marketers (403) and anonymous callers (401)", async () => {
    for (const role of [null, ...roles]) {
      const result = await app.call(callsRoute.GET, { as: role, path: "/api/calls" });
      const expected = role === null ? 401 : role === "admin" || role === "ops" ? 200 : 403;
      expect(result.status, `${role ?? "no session"}`).toBe(expected);
    }
  });

  it("lists real calls newest first (not designer test calls), and pages through them by cursor without gaps or repeats", async () => {
    const all = await list(`flowId=${flowId}`);
    expect(all.status).toBe(200);
    expect(ids(all.body)).toEqual(seeded.map((call) => call.id));
    const seen: string[] = [];
    let after = "";
    for (let page = 0; page < 10; page += 1) {
      const result = await list(`flowId=${flowId}&limit=3${after === "" ? "" : `&after=${after}`}`);
      seen.push(...ids(result.body));
      if (result.body.nextAfter === null) break;
      after = result.body.nextAfter;
    }
    expect(seen).toEqual(seeded.map((call) => call.id));
    const everything = await list("limit=200");
    expect(everything.body.calls).toHaveLength(seeded.length + 1);
    expect(everything.body.calls.some((call: { caller: string }) => call.caller === "10000000000")).toBe(false);
  });

  it("filters by caller, outcome (running too), duration, node reached, voicemail, version and time", async () => {
    const byCaller = await list("caller=13800000001");
    expect(byCaller.body.calls.map((call: { caller: string }) => call.caller)).toEqual(["13800000001", "13800000001"]);
    expect((await list("outcome=running")).body.calls.map((call: { caller: string; durationSeconds: number | null }) => [call.caller, call.durationSeconds])).toEqual([["13800000003", null]]);
    expect((await list(`flowId=${flowId}&outcome=transferred`)).body.calls).toHaveLength(3);
    expect((await list(`flowId=${flowId}&minDuration=30&maxDuration=31`)).body.calls.map((call: { caller: string }) => call.caller).sort()).toEqual(["13800000004", "13800000005"]);
    expect((await list(`flowId=${flowId}&maxDuration=12`)).body.calls.map((call: { durationSeconds: number }) => call.durationSeconds).sort()).toEqual([12, 3]);
    expect(ids((await list("nodeId=voicemail")).body)).toEqual([voicemailCallId]);
    expect((await list(`flowId=${flowId}&nodeId=main_menu`)).body.calls).toHaveLength(4);
    const withVoicemail = await list("voicemail=yes");
    expect(withVoicemail.body.calls.map((call: { id: string; hasRecording: boolean }) => [call.id, call.hasRecording])).toEqual([[voicemailCallId, true]]);
    expect((await list(`flowId=${flowId}&voicemail=no`)).body.calls).toHaveLength(seeded.length - 1);
    expect((await list(`versionId=${versionId}`)).body.calls).toHaveLength(seeded.length);
    // 10:05 to 10:15 in Shanghai is 02:05 to 02:15 UTC; the minute 10:15 counts.
    const window = await list("from=2026-11-30T10:05&to=2026-11-30T10:15");
    expect(window.body.calls.map((call: { startedAt: string }) => call.startedAt).sort()).toEqual([minutes(5), minutes(10), minutes(15)].map((d) => d.toISOString()));
  });

  it("shows the flow, version and last node of each call", async () => {
    const result = await list(`caller=13800000004`);
    expect(result.body.calls[0]).toMatchObject({ flowName: "After-sales", versionNumber: 1, outcome: "transferred", durationSeconds: 30, lastNodeId: "to_after_sales", lastNodeType: "transfer", hasRecording: false });
  });

  it("names the fields of invalid filters in a 400", async () => {
    const result = await list("outcome=lost&minDuration=abc&after=nope");
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe("invalid_input");
    expect(result.body.error.fields.map((field: { field: string }) => field.field).sort()).toEqual(["after", "minDuration", "outcome"]);
  });
});

describe("GET /api/calls/:id", () => {
  it("returns the trace with prompts heard and recordings, for ops and admins only", async () => {
    for (const role of [null, ...roles]) {
      const result = await app.call(callRoute.GET, { as: role, params: { callId: voicemailCallId } });
      expect(result.status, `${role ?? "no session"}`).toBe(role === null ? 401 : role === "admin" || role === "ops" ? 200 : 403);
    }
    const { body } = await app.call(callRoute.GET, { as: "admin", params: { callId: voicemailCallId } });
    expect(body.call.steps.map((step: { nodeId: string }) => step.nodeId)).toEqual(["start", "hours", "voicemail", "thanks", "hangup"]);
    const heard = body.call.steps.flatMap((step: { heard: { items: { text: string }[] }[] }) => step.heard.map((prompt) => prompt.items.map((item) => item.text).join("")));
    expect(heard).toEqual(["您好,现在是非工作时间。请在提示音后留言,按井号键结束。", "感谢您的留言,我们会尽快与您联系。再见。"]);
    expect(body.call.recordings.map((recording: { id: string; fileUrl: string }) => recording.fileUrl)).toContain(`/api/calls/${voicemailCallId}/recordings/${recordingId}/file`);
    expect(body.call.graph.nodes.length).toBe(fixture.nodes.length);
  });

  it("retells prompts inside a subflow from the subflow version that was live when the call started", async () => {
    const greeting = (await app.createFlow("ivr", { name: "Greeting" })).id;
    const greetingGraph = (text: string) =>
      ivrGraph({ name: "Greeting", nodes: [{ id: "start", type: "start", data: { defaultLanguage: "zh-CN" } }, { id: "hello", type: "play", data: { media: [tts(text)] } }], edges: [["start", "next", "hello"]] });
    const old = await insertVersion(app, greeting, greetingGraph("您好，旧版。"), { status: null });
    const current = await insertVersion(app, greeting, greetingGraph("您好，新版。"), { status: null, live: true });
    await app.db.prisma.flowVersion.update({ where: { id: old.versionId }, data: { publishedAt: minutes(-60) } });
    await app.db.prisma.flowVersion.update({ where: { id: current.versionId }, data: { publishedAt: minutes(60) } });
    const front = (await app.createFlow("ivr", { name: "Front desk" })).id;
    const frontGraph = ivrGraph({
      name: "Front desk",
      nodes: [
        { id: "start", type: "start", data: { defaultLanguage: "zh-CN" } },
        { id: "greet", type: "subflow", data: { flowId: greeting, inputs: [], outputs: [] } },
      ],
      edges: [["start", "next", "greet"]],
    });
    const frontVersion = (await insertVersion(app, front, frontGraph, { status: null, live: true })).versionId;
    const callId = await insertCall({
      flowId: front,
      versionId: frontVersion,
      caller: "13700000000",
      at: minutes(1),
      seconds: 4,
      outcome: "completed",
      steps: [
        ["start", "start", "next", null],
        [`${greeting}:start`, "start", "next", null],
        [`${greeting}:hello`, "play", null, null],
        ["greet", "subflow", "next", null],
      ],
    });
    const { body } = await app.call(callRoute.GET, { as: "ops", params: { callId } });
    const hello = body.call.steps.find((step: { nodeId: string }) => step.nodeId === `${greeting}:hello`);
    expect(hello).toMatchObject({ subflowId: greeting, subflowName: "Greeting", stepId: "hello" });
    expect(hello.heard[0].items[0]).toMatchObject({ kind: "tts", text: "您好，旧版。" });
  });

  it("answers 404 call_not_found for an unknown call", async () => {
    const result = await app.call(callRoute.GET, { as: "ops", params: { callId: "nope" } });
    expect(result.status).toBe(404);
    expect(result.body.error.code).toBe("call_not_found");
  });
});

describe("GET /api/calls/export", () => {
  it("exports the filtered log as CSV, newest first, with formula cells defused; only for ops and admins", async () => {
    for (const role of ["agent", "marketer"] as const) expect((await app.call(exportRoute.GET, { as: role, path: "/api/calls/export" })).status).toBe(403);
    const result = await app.call(exportRoute.GET, { as: "ops", path: `/api/calls/export?flowId=${flowId}` });
    expect(result.status).toBe(200);
    expect(result.headers.get("content-type")).toContain("text/csv");
    const text: string = result.body;
    const lines = text.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toContain('"started_at (Asia/Shanghai)"');
    expect(lines).toHaveLength(seeded.length + 1);
    expect(lines.at(-1)).toContain('"2026-11-30 10:00:00"');
    expect(lines.at(-1)).toContain('"13800000001"');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(text).not.toMatch(/(^|,)"=HYPERLINK/m);
    const filtered = await app.call(exportRoute.GET, { as: "admin", path: "/api/calls/export?voicemail=yes" });
    expect(String(filtered.body).trim().split("\r\n")).toHaveLength(2);
  });
});

describe("GET /api/calls/:id/recordings/:recordingId/file", () => {
  it("streams the recording from Asterisk as audio/wav, for ops and admins only", async () => {
    for (const role of [null, ...roles]) {
      const result = await app.call(fileRoute.GET, { as: role, params: { callId: voicemailCallId, recordingId } });
      expect(result.status, `${role ?? "no session"}`).toBe(role === null ? 401 : role === "admin" || role === "ops" ? 200 : 403);
    }
    const { sessionCookie } = app;
    const response = await fileRoute.GET(new Request("http://localhost/", { headers: { cookie: await sessionCookie("ops") } }), { params: Promise.resolve({ callId: voicemailCallId, recordingId }) });
    expect(response.headers.get("content-type")).toBe("audio/wav");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.length).toBe(44 + 2 * 8000 * 2);
    expect(bytes.subarray(0, 4).toString("ascii")).toBe("RIFF");
  });

  it("serves only recordings of that call: another call's id, an unknown id, or a file Asterisk no longer has is 404", async () => {
    const otherCall = seeded.find((call) => call.id !== voicemailCallId)?.id ?? "";
    const cases: [string, string][] = [
      [otherCall, recordingId],
      [voicemailCallId, "nope"],
      [voicemailCallId, missingRecordingId],
    ];
    for (const [callId, id] of cases) {
      const result = await app.call(fileRoute.GET, { as: "admin", params: { callId, recordingId: id } });
      expect(result.status).toBe(404);
      expect(result.body.error.code).toBe("recording_not_found");
    }
  });

  it("fetches the recording from the Asterisk that handled the call (ASTERISK_SERVERS), never from another one", async () => {
    const east = await startAriSimulator({ port: 0, password: "east-secret" });
    const db = app.db.prisma;
    try {
      const call = await db.callExecution.create({
        data: { workflowId: "call@east:1.1", channelId: "1.1", asteriskId: "east", flowId, flowVersionId: versionId, caller: "13800000009", dialed: "4001", language: "zh-CN", startedAt: minutes(40) },
      });
      const name = `${call.id}-2-1`;
      const eastRecording = await db.callRecording.create({ data: { executionId: call.id, nodeId: "voicemail", name, format: "wav", durationSeconds: 1 } });
      east.sw.storedRecordings.set(name, { name, format: "wav", durationMs: 1000, data: silentWav(1000) });
      // The default server has a file of that name too: it must not be the one served.
      sim.sw.storedRecordings.set(name, { name, format: "wav", durationMs: 2000, data: silentWav(2000) });
      for (const key of ["ARI_URL", "ARI_SIMULATOR", "ARI_PASSWORD"]) vi.stubEnv(key, "");
      vi.stubEnv(
        "ASTERISK_SERVERS",
        JSON.stringify([
          { id: "default", url: sim.url, password: "asterisk", simulator: true },
          { id: "east", url: east.url, password: "east-secret" },
        ]),
      );
      const result = await fileRoute.GET(new Request("http://localhost/", { headers: { cookie: await app.sessionCookie("ops") } }), { params: Promise.resolve({ callId: call.id, recordingId: eastRecording.id }) });
      expect(result.status).toBe(200);
      expect(Buffer.from(await result.arrayBuffer()).length).toBe(44 + 1 * 8000 * 2);
      // The default server's calls still come from the default server.
      const own = await fileRoute.GET(new Request("http://localhost/", { headers: { cookie: await app.sessionCookie("ops") } }), { params: Promise.resolve({ callId: voicemailCallId, recordingId }) });
      expect(Buffer.from(await own.arrayBuffer()).length).toBe(44 + 2 * 8000 * 2);

      // A call of an Asterisk this process does not know is 502, naming it.
      vi.stubEnv("ASTERISK_SERVERS", JSON.stringify([{ id: "default", url: sim.url, password: "asterisk", simulator: true }]));
      const unknown = await app.call(fileRoute.GET, { as: "admin", params: { callId: call.id, recordingId: eastRecording.id } });
      expect(unknown.status).toBe(502);
      expect(unknown.body.error.detail).toMatch(/the Asterisk "east", which is not configured here \(default\)/);
    } finally {
      vi.stubEnv("ASTERISK_SERVERS", "");
      vi.stubEnv("ARI_URL", sim.url);
      vi.stubEnv("ARI_SIMULATOR", "1");
      vi.stubEnv("ARI_PASSWORD", "asterisk");
      await db.callExecution.deleteMany({ where: { asteriskId: "east" } });
      await east.close();
    }
  });

  it("answers 502 recording_unavailable when Asterisk cannot be reached", async () => {
    vi.stubEnv("ARI_URL", "http://127.0.0.1:9");
    try {
      const result = await app.call(fileRoute.GET, { as: "admin", params: { callId: voicemailCallId, recordingId } });
      expect(result.status).toBe(502);
      expect(result.body.error.code).toBe("recording_unavailable");
    } finally {
      vi.stubEnv("ARI_URL", sim.url);
    }
  });
});
