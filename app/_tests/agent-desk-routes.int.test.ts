// The agent page's and the wallboard's routes on a real database: roles, whose call an agent may act
// on, the wrap-up, bad input named by field, and the LISTEN/NOTIFY → server-sent events path.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { actOnCall } from "@/app/_server/queues/agent-desk";
import type { AgentActionSignal } from "@/workers/workflows/signals";
import { createQueueActivities } from "@/workers/queues/queue-activities";
import { forwardedFor } from "@/app/_server/http/forwarded-for";
import { trustedProxies } from "@/app/_server/http/trusted-proxies";
import * as wallboardRoute from "@/app/api/queues/wallboard/route";
import * as wallboardEventsRoute from "@/app/api/queues/wallboard/events/route";
import * as deskRoute from "@/app/api/queues/agents/me/desk/route";
import * as deskEventsRoute from "@/app/api/queues/agents/me/events/route";
import * as dispositionRoute from "@/app/api/queues/agents/me/call/disposition/route";
import * as actionsRoute from "@/app/api/queues/agents/me/call/actions/route";
import * as dispositionsRoute from "@/app/api/queues/dispositions/route";
import { startTestApp, type RouteHandler, type TestApp, type TestUser } from "./support/test-app";

let app: TestApp;
let activities: ReturnType<typeof createQueueActivities>;
let ann: TestUser;
let bo: TestUser;

beforeAll(async () => {
  app = await startTestApp();
  // The SSE routes LISTEN on their own connection, to the database the app uses.
  vi.stubEnv("DATABASE_URL", app.db.url);
  activities = createQueueActivities(app.db.prisma);
  ann = app.users.agent;
  bo = await app.createUser("agent", "Bo");
  for (const [user, extension] of [[ann, "1001"], [bo, "1002"]] as const) {
    await app.db.prisma.agentProfile.create({ data: { userId: user.id, extension, languages: ["zh"], wrapUpSeconds: 60 } });
  }
  await app.db.prisma.queue.create({ data: { name: "after-sales", displayNameZh: "售后", displayNameEn: "After-sales", whenFull: { kind: "voicemail" }, whenClosed: { kind: "voicemail" } } });
});
afterAll(async () => {
  await app?.stop();
});

const setState = (user: TestUser, state: "available" | "offline") => activities.queueSetAgentState({ agentId: user.id, state });

/** Offers a call to `user` the way the call workflow does: enqueue (the matcher offers it), then the call's context columns. */
async function offerCallTo(user: TestUser, callId: string): Promise<void> {
  await setState(user, "available");
  const result = await activities.queueEnqueue({ callId, queue: "after-sales" });
  expect(result).toMatchObject({ status: "queued", offer: { agentId: user.id } });
  await app.db.prisma.queuedCall.update({ where: { id: callId }, data: { callerNumber: "13800138000", dialedNumber: "4008001234", variables: { orderNumber: "20261202", tier: "VIP" } } });
}

async function endCall(callId: string): Promise<void> {
  expect((await activities.queueOfferResult({ callId, agentId: (await app.db.prisma.queuedCall.findUniqueOrThrow({ where: { id: callId } })).agentId ?? "", result: "accepted" })).refused).toBeNull();
  expect((await activities.queueEndCall({ callId })).refused).toBeNull();
}

describe("the wallboard's routes", () => {
  it("serve ops and administrators, not agents or marketers", async () => {
    await offerCallTo(ann, "wb-1");
    for (const role of ["ops", "admin"] as const) {
      const result = await app.call(wallboardRoute.GET, { as: role, path: "/api/queues/wallboard" });
      expect(result.status, JSON.stringify(result.body)).toBe(200);
      expect(result.body.wallboard.queues[0]).toMatchObject({ name: "after-sales", waiting: 1 });
      expect(result.body.wallboard.agents.find((a: { id: string }) => a.id === ann.id).state).toBe("offered");
    }
    for (const role of ["agent", "marketer"] as const) {
      for (const route of [wallboardRoute.GET, wallboardEventsRoute.GET]) {
        const result = await app.call(route, { as: role, path: "/api/queues/wallboard" });
        expect(result.status).toBe(403);
        expect(result.body.error.code).toBe("forbidden");
      }
    }
    expect((await app.call(wallboardRoute.GET, { as: null, path: "/api/queues/wallboard" })).status).toBe(401);
    await activities.queueLeave({ callId: "wb-1" });
  });
});

describe("an agent's call", () => {
  it("shows the caller and what the IVR collected to its agent only", async () => {
    await offerCallTo(ann, "own-1");
    const mine = await app.call(deskRoute.GET, { as: ann, path: "/api/queues/agents/me/desk" });
    expect(mine.status).toBe(200);
    expect(mine.body.desk).toMatchObject({ state: "offered", call: { id: "own-1", status: "offered", callerNumber: "13800138000", queue: { displayNameZh: "售后" }, variables: { orderNumber: "20261202", tier: "VIP" } } });
    const theirs = await app.call(deskRoute.GET, { as: bo, path: "/api/queues/agents/me/desk" });
    expect(theirs.body.desk.call).toBeNull();
    const ops = await app.call(deskRoute.GET, { as: "ops", path: "/api/queues/agents/me/desk" });
    expect([ops.status, ops.body.error.code]).toEqual([403, "not_an_agent"]);
    await activities.queueLeave({ callId: "own-1" });
  });

  it("cannot be declined, hung up or wrapped up by another agent", async () => {
    await offerCallTo(ann, "other-1");
    const decline = await app.call(actionsRoute.POST, { as: bo, method: "POST", path: "/api/queues/agents/me/call/actions", body: { callId: "other-1", action: "decline" } });
    expect([decline.status, decline.body.error.code]).toEqual([403, "not_your_call"]);
    await endCall("other-1");
    const wrapUp = await app.call(dispositionRoute.PUT, { as: bo, method: "PUT", path: "/api/queues/agents/me/call/disposition", body: { callId: "other-1", dispositionId: "disposition-resolved" } });
    expect([wrapUp.status, wrapUp.body.error.code]).toEqual([403, "not_your_call"]);
    expect((await app.db.prisma.queuedCall.findUniqueOrThrow({ where: { id: "other-1" } })).disposition).toBeNull();
    await setState(ann, "available");
  });

  it("is declined through the call's workflow while it rings, and hung up only once connected", async () => {
    await offerCallTo(ann, "act-1");
    const hangup = await app.call(actionsRoute.POST, { as: ann, method: "POST", path: "/api/queues/agents/me/call/actions", body: { callId: "act-1", action: "hangup" } });
    expect([hangup.status, hangup.body.error.code]).toEqual([409, "call_not_connected"]);
    const noWorkflow = await app.call(actionsRoute.POST, { as: ann, method: "POST", path: "/api/queues/agents/me/call/actions", body: { callId: "act-1", action: "decline" } });
    expect([noWorkflow.status, noWorkflow.body.error.code]).toEqual([409, "call_without_workflow"]);
    const bad = await app.call(actionsRoute.POST, { as: ann, method: "POST", path: "/api/queues/agents/me/call/actions", body: { callId: "act-1", action: "answer" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field)).toEqual(["action"]);

    await app.db.prisma.queuedCall.update({ where: { id: "act-1" }, data: { workflowId: "call-act-1" } });
    const signals: [string, AgentActionSignal][] = [];
    const session = { userId: ann.id, role: ann.role, name: ann.name, email: ann.email, locale: "en" as const };
    await actOnCall(session, { callId: "act-1", action: "decline" }, { db: app.db.prisma, signal: async (workflowId, payload) => void signals.push([workflowId, payload]) });
    expect(signals).toEqual([["call-act-1", { agentId: ann.id, action: "decline" }]]);
    expect(await app.db.prisma.auditEntry.count({ where: { action: "queuedCall.agentAction", targetId: "act-1" } })).toBe(1);
    await activities.queueLeave({ callId: "act-1" });
  });

  it("is wrapped up with a disposition and a note, which ends wrap-up; bad input is named by field", async () => {
    await offerCallTo(ann, "wrap-1");
    await activities.queueOfferResult({ callId: "wrap-1", agentId: ann.id, result: "accepted" });
    const early = await app.call(dispositionRoute.PUT, { as: ann, method: "PUT", path: "/api/queues/agents/me/call/disposition", body: { callId: "wrap-1", dispositionId: "disposition-resolved" } });
    expect([early.status, early.body.error.code]).toEqual([409, "call_not_ended"]);
    await activities.queueEndCall({ callId: "wrap-1" });

    const desk = await app.call(deskRoute.GET, { as: ann, path: "/api/queues/agents/me/desk" });
    expect(desk.body.desk).toMatchObject({ state: "wrap_up", call: { id: "wrap-1", status: "ended" } });
    expect(desk.body.desk.wrapUpUntil - desk.body.desk.since).toBe(60_000);

    const bad = await app.call(dispositionRoute.PUT, { as: ann, method: "PUT", path: "/api/queues/agents/me/call/disposition", body: { callId: "wrap-1", note: "x".repeat(2001), then: "later" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field)).toEqual(["dispositionId", "note", "then"]);
    await app.call(dispositionsRoute.POST, { as: "admin", method: "POST", path: "/api/queues/dispositions", body: { code: "old", nameZh: "旧", nameEn: "Old", active: false } });
    const inactive = await app.db.prisma.dispositionCode.findUniqueOrThrow({ where: { code: "old" } });
    const refused = await app.call(dispositionRoute.PUT, { as: ann, method: "PUT", path: "/api/queues/agents/me/call/disposition", body: { callId: "wrap-1", dispositionId: inactive.id } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual([{ field: "dispositionId", message: "must be an active disposition code" }]);

    const saved = await app.call(dispositionRoute.PUT, { as: ann, method: "PUT", path: "/api/queues/agents/me/call/disposition", body: { callId: "wrap-1", dispositionId: "disposition-callback", note: "客户要求明天回电" } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.desk).toMatchObject({ state: "available", call: null });
    expect(await app.db.prisma.queuedCall.findUniqueOrThrow({ where: { id: "wrap-1" } })).toMatchObject({ disposition: "callback", wrapUpNote: "客户要求明天回电" });
    expect(await app.db.prisma.auditEntry.count({ where: { action: "queuedCall.wrapUp", targetId: "wrap-1", actorId: ann.id } })).toBe(1);
    const read = await app.call(dispositionRoute.GET, { as: ann, path: "/api/queues/agents/me/call/disposition" });
    expect(read.body.call).toBeNull();
  });

  it("can end wrap-up in not ready with a reason instead", async () => {
    await offerCallTo(ann, "wrap-2");
    await endCall("wrap-2");
    const missing = await app.call(dispositionRoute.PUT, { as: ann, method: "PUT", path: "/api/queues/agents/me/call/disposition", body: { callId: "wrap-2", dispositionId: "disposition-resolved", then: "not_ready" } });
    expect(missing.body.error.fields).toEqual([{ field: "reasonId", message: "choose a reason" }]);
    const read = await app.call(dispositionRoute.GET, { as: ann, path: "/api/queues/agents/me/call/disposition" });
    expect(read.body.call).toEqual({ id: "wrap-2", status: "ended", disposition: null, wrapUpNote: null });
    const saved = await app.call(dispositionRoute.PUT, { as: ann, method: "PUT", path: "/api/queues/agents/me/call/disposition", body: { callId: "wrap-2", dispositionId: "disposition-resolved", then: "not_ready", reasonId: "reason-meal" } });
    expect(saved.body.desk).toMatchObject({ state: "not_ready", reasonId: "reason-meal" });
  });
});

/** Reads server-sent events of a route as `user`, one at a time. */
async function openEvents(handler: RouteHandler, user: TestUser, path: string) {
  const raw: Record<string, string> = { cookie: await app.cookieFor(user) };
  forwardedFor(raw, "127.0.0.1", trustedProxies());
  const abort = new AbortController();
  const response = await handler(new Request(`http://localhost${path}`, { headers: new Headers(raw), signal: abort.signal }), { params: Promise.resolve({}) });
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  const reader = response.body?.getReader();
  if (!reader) throw new Error("no body");
  const decoder = new TextDecoder();
  let buffer = "";
  return {
    async next(event: string): Promise<unknown> {
      for (;;) {
        const end = buffer.indexOf("\n\n");
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const name = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (name === event && data !== undefined) return JSON.parse(data);
          continue;
        }
        const chunk = await reader.read();
        if (chunk.done) throw new Error("stream ended");
        buffer += decoder.decode(chunk.value, { stream: true });
      }
    },
    close: () => abort.abort(),
  };
}

describe("pushed updates", () => {
  it("push the agent's desk and the wallboard after a change committed by the matcher, through the database's NOTIFY", async () => {
    await setState(bo, "offline");
    const desk = await openEvents(deskEventsRoute.GET, bo, "/api/queues/agents/me/events");
    const board = await openEvents(wallboardEventsRoute.GET, app.users.ops, "/api/queues/wallboard/events");
    try {
      expect(await desk.next("desk")).toMatchObject({ desk: { state: "offline" } });
      expect(await board.next("wallboard")).toMatchObject({ queues: [{ name: "after-sales", waiting: 0 }] });
      const started = Date.now();
      await offerCallTo(bo, "push-1");
      // The desk may first show "available" (its own statement), then the offer.
      let pushed: unknown;
      do pushed = await desk.next("desk");
      while (JSON.stringify(pushed).includes('"state":"available"'));
      expect(pushed).toMatchObject({ desk: { state: "offered", call: { id: "push-1", variables: { orderNumber: "20261202" } } } });
      let snapshot: unknown;
      do snapshot = await board.next("wallboard");
      while (!JSON.stringify(snapshot).includes('"waiting":1'));
      const elapsed = Date.now() - started;
      console.log(`pushed to desk and wallboard ${elapsed} ms after the first write`);
      expect(elapsed).toBeLessThan(5_000);
    } finally {
      desk.close();
      board.close();
    }
    await activities.queueLeave({ callId: "push-1" });
  });

  it("refuses the desk's stream to someone without an agent profile", async () => {
    const result = await app.call(deskEventsRoute.GET, { as: "ops", path: "/api/queues/agents/me/events" });
    expect([result.status, result.body.error.code]).toEqual([403, "not_an_agent"]);
  });
});
