import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as flowsRoute from "@/app/api/flows/route";
import * as flowRoute from "@/app/api/flows/[flowId]/route";
import * as restoreRoute from "@/app/api/flows/[flowId]/restore/route";
import * as duplicateRoute from "@/app/api/flows/[flowId]/duplicate/route";
import * as draftRoute from "@/app/api/flows/[flowId]/draft/route";
import { startTestApp, type TestApp } from "./support/test-app";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

const ids = (body: { flows: { id: string }[] }) => body.flows.map((flow) => flow.id);

describe("create, list, rename, duplicate", () => {
  it("creates an IVR flow whose draft starts with a Start node, recording who made it", async () => {
    const created = await app.call(flowsRoute.POST, { as: "ops", method: "POST", body: { name: "  Service hotline  ", kind: "ivr" } });
    expect(created.status).toBe(201);
    expect(created.body.flow).toMatchObject({ name: "Service hotline", kind: "ivr", draftRevision: 1, deletedAt: null, live: null, entryPoints: [] });
    expect(created.body.flow.updatedBy).toEqual({ id: app.users.ops.id, name: app.users.ops.name });

    const draft = await app.call(draftRoute.GET, { as: "ops", params: { flowId: created.body.flow.id } });
    expect(draft.body.draft.graph.nodes.map((node: { type: string }) => node.type)).toEqual(["start"]);
    expect(draft.body.draft).toMatchObject({ revision: 1, kind: "ivr", editable: true });
  });

  it("refuses kinds that are not available yet", async () => {
    const result = await app.call(flowsRoute.POST, { as: "admin", method: "POST", body: { name: "Script", kind: "script" } });
    expect(result.status).toBe(422);
    expect(result.body.error).toMatchObject({ code: "kind_unavailable", kind: "script" });
  });

  it("searches by name (case-insensitive) and by entry-point number, and filters by kind", async () => {
    const sales = await app.createFlow("ivr", { name: "Sales Line" });
    const support = await app.createFlow("ivr", { name: "Support" });
    const campaign = await app.createFlow("campaign", { name: "Spring sales campaign" });
    await app.db.prisma.entryPoint.create({ data: { flowId: support.id, kind: "did", value: "4008123456" } });

    const byName = await app.call(flowsRoute.GET, { as: "admin", path: "/api/flows?q=SALES" });
    expect(ids(byName.body)).toEqual(expect.arrayContaining([sales.id, campaign.id]));
    expect(ids(byName.body)).not.toContain(support.id);

    const byNumber = await app.call(flowsRoute.GET, { as: "admin", path: "/api/flows?q=8123" });
    expect(ids(byNumber.body)).toEqual([support.id]);

    const ivrOnly = await app.call(flowsRoute.GET, { as: "admin", path: "/api/flows?q=sales&kind=ivr" });
    expect(ids(ivrOnly.body)).toEqual([sales.id]);
  });

  it("renames, recording the editor", async () => {
    const flow = await app.createFlow("ivr", { name: "Old name" });
    const result = await app.call(flowRoute.PATCH, { as: "ops", method: "PATCH", params: { flowId: flow.id }, body: { name: "New name" } });
    expect(result.status).toBe(200);
    expect(result.body.flow).toMatchObject({ name: "New name", updatedBy: { id: app.users.ops.id } });
    expect((await app.db.prisma.flow.findUniqueOrThrow({ where: { id: flow.id } })).name).toBe("New name");
  });

  it("duplicates the draft into a new flow without entry points or versions", async () => {
    const source = await app.createFlow("ivr", { name: "Original" });
    await app.db.prisma.entryPoint.create({ data: { flowId: source.id, kind: "did", value: "4008000111" } });
    const unnamed = await app.call(duplicateRoute.POST, { as: "admin", method: "POST", params: { flowId: source.id }, body: {} });
    expect(unnamed.status).toBe(201);
    expect(unnamed.body.flow).toMatchObject({ name: "Original (copy)", kind: "ivr", entryPoints: [], live: null, draftRevision: 1 });
    expect(unnamed.body.flow.id).not.toBe(source.id);
    const copy = await app.db.prisma.flow.findUniqueOrThrow({ where: { id: unnamed.body.flow.id } });
    expect(copy.draftGraph).toEqual(source.draftGraph);

    const named = await app.call(duplicateRoute.POST, { as: "admin", method: "POST", params: { flowId: source.id }, body: { name: "原始(副本)" } });
    expect(named.body.flow.name).toBe("原始(副本)");
  });

  it("answers 404 for a flow that does not exist", async () => {
    const result = await app.call(flowRoute.GET, { as: "admin", params: { flowId: "no-such-flow" } });
    expect(result.status).toBe(404);
    expect(result.body.error.code).toBe("flow_not_found");
  });
});

describe("soft delete and restore", () => {
  it("hides a deleted flow from the list but keeps it, and restores it intact", async () => {
    const flow = await app.createFlow("ivr", { name: "To delete" });
    const deleted = await app.call(flowRoute.DELETE, { as: "ops", method: "DELETE", params: { flowId: flow.id } });
    expect(deleted.status).toBe(200);
    expect(deleted.body.flow.deletedAt).not.toBeNull();

    const row = await app.db.prisma.flow.findUniqueOrThrow({ where: { id: flow.id } });
    expect(row.deletedAt).not.toBeNull();
    expect(row.draftGraph).toEqual(flow.draftGraph);

    expect(ids((await app.call(flowsRoute.GET, { as: "ops", path: "/api/flows" })).body)).not.toContain(flow.id);
    expect(ids((await app.call(flowsRoute.GET, { as: "ops", path: "/api/flows?includeDeleted=true" })).body)).toContain(flow.id);
    // Marketers may not restore, so they do not get deleted flows even when asking.
    expect(ids((await app.call(flowsRoute.GET, { as: "marketer", path: "/api/flows?includeDeleted=true" })).body)).not.toContain(flow.id);

    const rename = await app.call(flowRoute.PATCH, { as: "ops", method: "PATCH", params: { flowId: flow.id }, body: { name: "x" } });
    expect(rename.status).toBe(409);
    expect(rename.body.error.code).toBe("flow_deleted");

    const restored = await app.call(restoreRoute.POST, { as: "ops", method: "POST", params: { flowId: flow.id } });
    expect(restored.status).toBe(200);
    expect(restored.body.flow.deletedAt).toBeNull();
    expect(ids((await app.call(flowsRoute.GET, { as: "ops", path: "/api/flows" })).body)).toContain(flow.id);
    expect((await app.db.prisma.flow.findUniqueOrThrow({ where: { id: flow.id } })).draftGraph).toEqual(flow.draftGraph);
  });

  it("refuses to delete a flow that still answers numbers, changing nothing", async () => {
    const flow = await app.createFlow("ivr");
    await app.db.prisma.entryPoint.create({ data: { flowId: flow.id, kind: "did", value: "4008999000" } });
    const result = await app.call(flowRoute.DELETE, { as: "admin", method: "DELETE", params: { flowId: flow.id } });
    expect(result.status).toBe(409);
    expect(result.body.error).toMatchObject({ code: "flow_has_entry_points", entryPoints: [{ kind: "did", value: "4008999000" }] });
    expect((await app.db.prisma.flow.findUniqueOrThrow({ where: { id: flow.id } })).deletedAt).toBeNull();
  });
});
