import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as entryPointsRoute from "@/app/api/flows/[flowId]/entry-points/route";
import { startTestApp, type TestApp } from "./support/test-app";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

const add = (flowId: string, kind: string, value: string) =>
  app.call(entryPointsRoute.POST, { as: "ops", method: "POST", params: { flowId }, body: { kind, value } });

describe("entry points", () => {
  it("gives each DID to one flow only, naming the flow that holds it", async () => {
    const hotline = await app.createFlow("ivr", { name: "Hotline" });
    const other = await app.createFlow("ivr", { name: "Other" });

    const added = await add(hotline.id, "did", " 4008123000 ");
    expect(added.status).toBe(201);
    expect(added.body.entryPoint).toMatchObject({ kind: "did", value: "4008123000" });

    const taken = await add(other.id, "did", "4008123000");
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: "entry_point_taken", value: "4008123000", takenBy: { flowId: hotline.id, flowName: "Hotline" } });

    const again = await add(hotline.id, "did", "4008123000");
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("entry_point_exists");

    // The same text as a Stasis argument is a different entry point.
    expect((await add(other.id, "stasis-arg", "4008123000")).status).toBe(201);

    const list = await app.call(entryPointsRoute.GET, { as: "marketer", params: { flowId: hotline.id } });
    expect(list.body.entryPoints).toEqual([expect.objectContaining({ kind: "did", value: "4008123000" })]);
    expect(await app.db.prisma.entryPoint.count({ where: { value: "4008123000" } })).toBe(2);
  });

  it("frees a removed number for another flow, and only removes this flow's own entry points", async () => {
    const first = await app.createFlow("ivr");
    const second = await app.createFlow("ivr");
    const added = await add(first.id, "stasis-arg", "sales");
    const entryId = added.body.entryPoint.id;

    const wrongFlow = await app.call(entryPointsRoute.DELETE, { as: "ops", method: "DELETE", params: { flowId: second.id }, path: `/x?id=${entryId}` });
    expect(wrongFlow.status).toBe(404);
    expect(wrongFlow.body.error.code).toBe("entry_point_not_found");

    const removed = await app.call(entryPointsRoute.DELETE, { as: "ops", method: "DELETE", params: { flowId: first.id }, path: `/x?id=${entryId}` });
    expect(removed.status).toBe(200);
    expect((await add(second.id, "stasis-arg", "sales")).status).toBe(201);
  });

  it("refuses malformed numbers and arguments, naming the field", async () => {
    const flow = await app.createFlow("ivr");
    for (const [kind, value] of [["did", "call-me"], ["did", "1"], ["stasis-arg", "has space"], ["stasis-arg", ""]]) {
      const result = await add(flow.id, kind ?? "", value ?? "");
      expect(result.status, `${kind} ${value}`).toBe(400);
      expect(result.body.error.fields.map((f: { field: string }) => f.field)).toContain("value");
    }
    const badKind = await add(flow.id, "sip-uri", "x");
    expect(badKind.status).toBe(400);
    expect(badKind.body.error.fields[0].field).toBe("kind");
    expect(await app.db.prisma.entryPoint.count({ where: { flowId: flow.id } })).toBe(0);
  });

  it("refuses entry points on a deleted flow", async () => {
    const flow = await app.createFlow("ivr", { deleted: true });
    const result = await add(flow.id, "did", "4008777000");
    expect(result.status).toBe(409);
    expect(result.body.error.code).toBe("flow_deleted");
  });
});
