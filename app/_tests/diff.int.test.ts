import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffGraphs, diffStatusByEdge, diffStatusByNode, summarizeDiff } from "@/flows-runtime/diff";
import { FIXTURE_NAMES, loadFixture } from "@/flows-runtime/diff/fixtures/load-fixture";
import { toJsonObject } from "@/app/_server/flows/to-json-object";
import * as diffRoute from "@/app/api/flows/[flowId]/diff/route";
import { insertVersion } from "./support/version-fixtures";
import { startTestApp, validIvrGraph, type TestApp } from "./support/test-app";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

const diff = (flowId: string, query: string, headers?: Record<string, string>) =>
  app.call(diffRoute.GET, { as: "marketer", params: { flowId }, path: `/api/flows/${flowId}/diff?${query}`, headers });

/** JSON as the client receives it (undefined fields dropped). */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));

describe("GET /api/flows/:id/diff on the saved fixtures", () => {
  it.each(FIXTURE_NAMES)("%s: structured diff, status maps and summaries in both languages", async (name) => {
    const { before, after } = loadFixture(name);
    const flow = await app.createFlow("ivr", { graph: after });
    const old = await insertVersion(app, flow.id, before, { status: "published", live: true });
    const candidate = await insertVersion(app, flow.id, after, { status: "pending" });
    const expected = diffGraphs(before, after);

    const english = await diff(flow.id, `from=${old.versionId}&to=${candidate.versionId}`);
    expect(english.status, JSON.stringify(english.body)).toBe(200);
    expect(english.body.diff).toEqual(asJson(expected));
    expect(english.body.summary).toEqual(summarizeDiff(expected, before, after, "en"));
    expect(english.body.status).toEqual(asJson({ nodes: diffStatusByNode(expected), edges: diffStatusByEdge(expected) }));
    expect(english.body.from).toEqual({ ref: "version", versionId: old.versionId, number: 1, live: true });
    expect(english.body.to).toEqual({ ref: "version", versionId: candidate.versionId, number: 2, live: false });
    expect(english.body.after).toEqual(asJson(after));

    const chinese = await diff(flow.id, `from=${old.versionId}&to=${candidate.versionId}`, { cookie: "NEXT_LOCALE=zh-CN" });
    expect(chinese.body.summary).toEqual(summarizeDiff(expected, before, after, "zh-CN"));

    // The defaults compare the draft (here: the fixture's "after") with the live version.
    const draftVsLive = await diff(flow.id, "");
    expect(draftVsLive.body.summary).toEqual(english.body.summary);
    expect(draftVsLive.body.from.ref).toBe("live");
    expect(draftVsLive.body.to).toEqual({ ref: "draft", versionId: null, number: null, live: false });
  });

  it("tells moved-only nodes apart from changed ones", async () => {
    const moved = loadFixture("node-moved");
    const flow = await app.createFlow("ivr", { graph: moved.after });
    await insertVersion(app, flow.id, moved.before, { status: "published", live: true });
    const result = await diff(flow.id, "from=live&to=draft");
    expect(result.body.status.nodes.hours).toBe("moved");
    expect(Object.values(result.body.status.nodes).filter((status) => status !== "unchanged")).toEqual(["moved"]);
  });

  it("compares with an empty graph while nothing is live", async () => {
    const flow = await app.createFlow("ivr", { graph: validIvrGraph() });
    const result = await diff(flow.id, "from=live&to=draft");
    expect(result.body.from).toEqual({ ref: "live", versionId: null, number: null, live: true });
    expect(result.body.status.nodes).toEqual({ start: "added", bye: "added" });
    expect(result.body.summary.length).toBeGreaterThan(0);
  });

  it("refuses versions of other flows, unknown versions and malformed queries", async () => {
    const flow = await app.createFlow("ivr", { graph: validIvrGraph() });
    const other = await app.createFlow("ivr");
    const foreign = await insertVersion(app, other.id, validIvrGraph(), { status: "published" });
    expect((await diff(flow.id, `from=${foreign.versionId}&to=draft`)).body.error.code).toBe("version_not_found");
    expect((await diff(flow.id, "from=nope")).status).toBe(404);
    expect((await diff(flow.id, "from=")).status).toBe(400);
    expect((await diff(flow.id, `to=${"x".repeat(101)}`)).status).toBe(400);
  });

  it("upgrades nothing and invents nothing: an unreadable stored draft is a clear 422", async () => {
    const flow = await app.createFlow("ivr");
    await app.db.prisma.flow.update({ where: { id: flow.id }, data: { draftGraph: toJsonObject({ schemaVersion: 1, kind: "ivr", nodes: "not a list", edges: [] }) } });
    const result = await diff(flow.id, "from=live&to=draft");
    expect(result.status).toBe(422);
    expect(result.body.error.code).toBe("graph_unreadable");
  });
});
