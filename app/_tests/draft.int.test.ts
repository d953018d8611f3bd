import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as draftRoute from "@/app/api/flows/[flowId]/draft/route";
import { startTestApp, validIvrGraph, type TestApp } from "./support/test-app";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

const save = (flowId: string, graph: unknown, baseRevision: number, as: "admin" | "ops" = "admin", headers?: Record<string, string>) =>
  app.call(draftRoute.PUT, { as, method: "PUT", params: { flowId }, body: { graph, baseRevision }, headers });

describe("draft saves", () => {
  it("refuses the second of two saves from the same revision and keeps the first one's content", async () => {
    const flow = await app.createFlow("ivr");
    const first = validIvrGraph("First edit");
    const second = validIvrGraph("Second edit");

    const a = await save(flow.id, first, 1, "admin");
    expect(a.status).toBe(200);
    expect(a.body.draft.revision).toBe(2);

    const b = await save(flow.id, second, 1, "ops");
    expect(b.status).toBe(409);
    expect(b.body.error).toMatchObject({
      code: "draft_conflict",
      currentRevision: 2,
      updatedBy: { id: app.users.admin.id, name: app.users.admin.name },
    });
    expect(Date.parse(b.body.error.updatedAt)).not.toBeNaN();

    const stored = await app.db.prisma.flow.findUniqueOrThrow({ where: { id: flow.id } });
    expect(stored.draftRevision).toBe(2);
    expect(stored.draftGraph).toMatchObject({ name: "First edit" });
    expect(stored.updatedById).toBe(app.users.admin.id);

    // After reloading (revision 2) the second editor can save.
    const retry = await save(flow.id, second, 2, "ops");
    expect(retry.status).toBe(200);
    expect(retry.body.draft.revision).toBe(3);
  });

  it("lets exactly one of two simultaneous saves win", async () => {
    const flow = await app.createFlow("ivr");
    const results = await Promise.all([save(flow.id, validIvrGraph("A"), 1), save(flow.id, validIvrGraph("B"), 1, "ops")]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200);
    const stored = await app.db.prisma.flow.findUniqueOrThrow({ where: { id: flow.id } });
    expect(stored.draftRevision).toBe(2);
    expect(stored.updatedById).toBe(winner === results[0] ? app.users.admin.id : app.users.ops.id);
  });

  it("accepts an unfinished draft but refuses a malformed one with the validator's issues", async () => {
    const flow = await app.createFlow("ivr");
    const unfinished = { schemaVersion: 1, kind: "ivr", nodes: [{ id: "m", type: "menu", position: { x: 0, y: 0 }, data: {} }], edges: [] };
    expect((await save(flow.id, unfinished, 1)).status).toBe(200);

    const malformed = { schemaVersion: 1, kind: "ivr", nodes: [{ id: "", type: "start" }], edges: "none" };
    const refused = await save(flow.id, malformed, 2);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("invalid_graph");
    expect(refused.body.error.issues.length).toBeGreaterThan(0);
    for (const issue of refused.body.error.issues) expect(issue).toMatchObject({ severity: "error", code: expect.any(String), message: expect.any(String) });
    expect((await app.db.prisma.flow.findUniqueOrThrow({ where: { id: flow.id } })).draftRevision).toBe(2);
  });

  it("refuses a graph of another kind", async () => {
    const flow = await app.createFlow("ivr");
    const result = await save(flow.id, { schemaVersion: 1, kind: "campaign", nodes: [], edges: [] }, 1);
    expect(result.status).toBe(422);
    expect(result.body.error.code).toBe("kind_mismatch");
  });

  it("words issues in the language chosen by the cookie", async () => {
    const flow = await app.createFlow("ivr");
    const malformed = { schemaVersion: 1, kind: "ivr", nodes: "x", edges: [] };
    const en = await save(flow.id, malformed, 1, "admin", { cookie: "NEXT_LOCALE=en" });
    const zh = await save(flow.id, malformed, 1, "admin", { cookie: "NEXT_LOCALE=zh-CN" });
    expect(en.body.error.issues[0].code).toBe(zh.body.error.issues[0].code);
    expect(en.body.error.issues[0].message).toMatch(/[a-z]/);
    expect(zh.body.error.issues[0].message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("shows a read-only draft to a marketer on an IVR flow", async () => {
    const flow = await app.createFlow("ivr");
    const result = await app.call(draftRoute.GET, { as: "marketer", params: { flowId: flow.id } });
    expect(result.status).toBe(200);
    expect(result.body.draft.editable).toBe(false);
  });
});
