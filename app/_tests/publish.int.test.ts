import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as flowRoute from "@/app/api/flows/[flowId]/route";
import * as publishRoute from "@/app/api/flows/[flowId]/publish/route";
import { startTestApp, validIvrGraph, type TestApp } from "./support/test-app";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

const publish = (flowId: string, body: unknown = {}) => app.call(publishRoute.POST, { as: "ops", method: "POST", params: { flowId }, body });

describe("publish", () => {
  it("publishes a valid draft as version 1, then 2, and shows it live", async () => {
    const flow = await app.createFlow("ivr", { graph: validIvrGraph() });
    const first = await publish(flow.id, { note: "first" });
    expect(first.status).toBe(201);
    expect(first.body.version).toMatchObject({ number: 1, planHash: expect.stringMatching(/^[0-9a-f]{64}$/), warnings: [] });
    expect((await publish(flow.id, { baseRevision: 1 })).body.version.number).toBe(2);

    const summary = await app.call(flowRoute.GET, { as: "marketer", params: { flowId: flow.id } });
    expect(summary.body.flow.live).toMatchObject({ number: 2 });
  });

  it("refuses an invalid draft with the validator's list and stores no version", async () => {
    const flow = await app.createFlow("ivr", { graph: { schemaVersion: 1, kind: "ivr", nodes: [], edges: [] } });
    const result = await publish(flow.id);
    expect(result.status).toBe(422);
    expect(result.body.error.code).toBe("invalid_graph");
    expect(result.body.error.issues.map((issue: { code: string }) => issue.code)).toContain("no-start");
    expect(await app.db.prisma.flowVersion.count({ where: { flowId: flow.id } })).toBe(0);
  });

  it("refuses to publish a draft that changed since the user looked at it", async () => {
    const flow = await app.createFlow("ivr", { graph: validIvrGraph() });
    await app.db.prisma.flow.update({ where: { id: flow.id }, data: { draftRevision: 5 } });
    const result = await publish(flow.id, { baseRevision: 4 });
    expect(result.status).toBe(409);
    expect(result.body.error).toMatchObject({ code: "draft_conflict", currentRevision: 5 });
    expect(await app.db.prisma.flowVersion.count({ where: { flowId: flow.id } })).toBe(0);
  });
});
