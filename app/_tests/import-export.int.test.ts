import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as exportRoute from "@/app/api/flows/[flowId]/export/route";
import * as importRoute from "@/app/api/flows/import/route";
import { startTestApp, validIvrGraph, type TestApp } from "./support/test-app";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

const flowCount = () => app.db.prisma.flow.count();

describe("export and import", () => {
  it("exports a downloadable file that imports back as a new flow with the same graph", async () => {
    const flow = await app.createFlow("ivr", { name: "客服热线", graph: validIvrGraph("客服热线") });
    const exported = await app.call(exportRoute.GET, { as: "marketer", params: { flowId: flow.id } });
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent("客服热线.flow.json")}`);
    expect(exported.body).toMatchObject({ format: "cc-flows/flow", formatVersion: 1, flow: { name: "客服热线", kind: "ivr" } });

    const imported = await app.call(importRoute.POST, { as: "ops", method: "POST", rawBody: JSON.stringify(exported.body) });
    expect(imported.status).toBe(201);
    expect(imported.body.flow).toMatchObject({ name: "客服热线", kind: "ivr", draftRevision: 1 });
    expect(imported.body.flow.id).not.toBe(flow.id);
    const stored = await app.db.prisma.flow.findUniqueOrThrow({ where: { id: imported.body.flow.id } });
    expect(stored.draftGraph).toEqual(exported.body.graph);
    expect(stored.createdById).toBe(app.users.ops.id);
  });

  it("refuses an invalid flow with every problem listed, and creates nothing", async () => {
    const before = await flowCount();
    const broken = {
      schemaVersion: 1,
      kind: "ivr",
      nodes: [
        { id: "a", type: "no-such-node", position: { x: 0, y: 0 }, data: {} },
        { id: "b", type: "hangup", position: { x: 0, y: 0 }, data: {} },
      ],
      edges: [{ id: "e", source: "b", sourcePort: "next", target: "missing" }],
    };
    const result = await app.call(importRoute.POST, { as: "admin", method: "POST", body: broken, headers: { cookie: "NEXT_LOCALE=en" } });
    expect(result.status).toBe(422);
    expect(result.body.error.code).toBe("invalid_graph");
    const codes = result.body.error.issues.map((issue: { code: string }) => issue.code);
    expect(codes).toEqual(expect.arrayContaining(["unknown-node-type", "no-start"]));
    expect(codes.length).toBeGreaterThanOrEqual(3);
    expect(result.body.error.issues.find((issue: { code: string }) => issue.code === "unknown-node-type")).toMatchObject({ nodeId: "a", message: expect.stringContaining("no-such-node") });
    expect(await flowCount()).toBe(before);
  });

  it("refuses a file that is not JSON, and one that is not a flow, creating nothing", async () => {
    const before = await flowCount();
    const notJson = await app.call(importRoute.POST, { as: "admin", method: "POST", rawBody: "{ this is not json" });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe("invalid_json");
    const notAFlow = await app.call(importRoute.POST, { as: "admin", method: "POST", body: ["a", "list"] });
    expect(notAFlow.status).toBe(422);
    expect(notAFlow.body.error.issues.length).toBeGreaterThan(0);
    expect(await flowCount()).toBe(before);
  });

  it("imports a bare graph, named after the graph", async () => {
    const result = await app.call(importRoute.POST, { as: "admin", method: "POST", body: validIvrGraph("Bare graph") });
    expect(result.status).toBe(201);
    expect(result.body.flow.name).toBe("Bare graph");
  });
});
