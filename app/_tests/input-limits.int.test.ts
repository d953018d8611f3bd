import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as flowsRoute from "@/app/api/flows/route";
import * as draftRoute from "@/app/api/flows/[flowId]/draft/route";
import * as importRoute from "@/app/api/flows/import/route";
import { graphBodyLimit, smallBodyLimit } from "@/app/_server/http/body-limits";
import { startTestApp, type TestApp } from "./support/test-app";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

const fieldsOf = (body: { error: { fields: { field: string }[] } }) => body.error.fields.map((f) => f.field);

describe("input validation", () => {
  it("names every missing or invalid field", async () => {
    const empty = await app.call(flowsRoute.POST, { as: "admin", method: "POST", body: {} });
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe("invalid_input");
    expect(fieldsOf(empty.body).sort()).toEqual(["kind", "name"]);
    expect(empty.body.error.message).toMatch(/name/);

    const long = await app.call(flowsRoute.POST, { as: "admin", method: "POST", body: { name: "x".repeat(201), kind: "ivr" } });
    expect(long.status).toBe(400);
    expect(long.body.error.fields).toEqual([{ field: "name", message: "must be at most 200 characters" }]);

    const blank = await app.call(flowsRoute.POST, { as: "admin", method: "POST", body: { name: "   ", kind: "ivr" } });
    expect(fieldsOf(blank.body)).toEqual(["name"]);

    const badKind = await app.call(flowsRoute.POST, { as: "admin", method: "POST", body: { name: "x", kind: "fax" } });
    expect(fieldsOf(badKind.body)).toEqual(["kind"]);
  });

  it("checks query parameters the same way", async () => {
    const result = await app.call(flowsRoute.GET, { as: "admin", path: "/api/flows?kind=fax&includeDeleted=maybe" });
    expect(result.status).toBe(400);
    expect(fieldsOf(result.body).sort()).toEqual(["includeDeleted", "kind"]);
  });

  it("requires the base revision of a draft save", async () => {
    const flow = await app.createFlow("ivr");
    const result = await app.call(draftRoute.PUT, { as: "admin", method: "PUT", params: { flowId: flow.id }, body: { graph: {} } });
    expect(result.status).toBe(400);
    expect(fieldsOf(result.body)).toEqual(["baseRevision"]);
  });

  it("refuses bodies that are not JSON", async () => {
    const wrongType = await app.call(flowsRoute.POST, { as: "admin", method: "POST", rawBody: "name=x", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(wrongType.status).toBe(415);
    expect(wrongType.body.error.code).toBe("unsupported_media_type");

    const broken = await app.call(flowsRoute.POST, { as: "admin", method: "POST", rawBody: '{"name": ' });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe("invalid_json");
  });

  it("refuses oversized bodies with 413 before creating anything", async () => {
    const before = await app.db.prisma.flow.count();
    const small = await app.call(flowsRoute.POST, { as: "admin", method: "POST", body: { name: "x".repeat(smallBodyLimit), kind: "ivr" } });
    expect(small.status).toBe(413);
    expect(small.body.error).toMatchObject({ code: "payload_too_large", limit: smallBodyLimit });

    const hugeGraph = JSON.stringify({ schemaVersion: 1, kind: "ivr", nodes: [], edges: [], name: "x".repeat(graphBodyLimit) });
    const imported = await app.call(importRoute.POST, { as: "admin", method: "POST", rawBody: hugeGraph });
    expect(imported.status).toBe(413);
    expect(imported.body.error.limit).toBe(graphBodyLimit);
    expect(await app.db.prisma.flow.count()).toBe(before);
  });

  it("stops reading a streamed body without Content-Length once it passes the limit", async () => {
    let sent = 0;
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Endless unless the server stops reading: the test would time out instead of passing.
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const headers = new Headers({ "content-type": "application/json", cookie: await app.sessionCookie("admin") });
    // Node needs `duplex` for a streamed body; the DOM typings do not know it yet.
    const init: RequestInit & { duplex: "half" } = { method: "POST", headers, body: stream, duplex: "half" };
    const request = new Request("http://localhost/api/flows/import", init);
    const response = await importRoute.POST(request, { params: Promise.resolve({}) });
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(graphBodyLimit + 10 * chunk.byteLength);
  });
});
