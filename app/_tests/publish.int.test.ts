import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as flowRoute from "@/app/api/flows/[flowId]/route";
import * as publishRoute from "@/app/api/flows/[flowId]/publish/route";
import * as rollbackRoute from "@/app/api/flows/[flowId]/rollback/route";
import * as versionsRoute from "@/app/api/flows/[flowId]/versions/route";
import { insertVersion } from "./support/version-fixtures";
import { startTestApp, validIvrGraph, type TestApp } from "./support/test-app";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

const publish = (flowId: string, body: unknown, as: "ops" | "admin" = "ops") => app.call(publishRoute.POST, { as, method: "POST", params: { flowId }, body });
const rollback = (flowId: string, body: unknown, as: "ops" | "admin" = "ops") => app.call(rollbackRoute.POST, { as, method: "POST", params: { flowId }, body });
const liveOf = async (flowId: string) => (await app.db.prisma.flow.findUniqueOrThrow({ where: { id: flowId } })).liveVersionId;
const reviewStatus = async (reviewId: string) => (await app.db.prisma.flowReview.findUniqueOrThrow({ where: { id: reviewId } })).status;
const auditCount = (flowId: string, action: string) => app.db.prisma.auditEntry.count({ where: { flowId, action } });

describe("publishing an approved version", () => {
  it("makes an approved version live, consumes its approval and shows it in the history", async () => {
    const flow = await app.createFlow("ivr");
    const v1 = await insertVersion(app, flow.id, validIvrGraph("one"), { status: "approved" });
    const result = await publish(flow.id, { versionId: v1.versionId, expectedLiveVersionId: null });
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body.live).toEqual({ flowId: flow.id, versionId: v1.versionId, number: 1, previousLiveVersionId: null });
    expect(await liveOf(flow.id)).toBe(v1.versionId);
    expect(await reviewStatus(v1.reviewId)).toBe("published");

    const history = await app.call(versionsRoute.GET, { as: "marketer", params: { flowId: flow.id } });
    expect(history.body.versions[0]).toMatchObject({ number: 1, status: "published", live: true, publishedBy: { id: app.users.ops.id } });
    const summary = await app.call(flowRoute.GET, { as: "marketer", params: { flowId: flow.id } });
    expect(summary.body.flow.live).toMatchObject({ number: 1 });
  });

  it("refuses pending, changes-requested, void and already published versions, and unknown ones", async () => {
    const flow = await app.createFlow("ivr");
    for (const status of ["pending", "changes_requested", "void", "published"] as const) {
      const version = await insertVersion(app, flow.id, validIvrGraph(status), { status });
      const result = await publish(flow.id, { versionId: version.versionId });
      expect(result.status, status).toBe(409);
      expect(result.body.error).toMatchObject({ code: "version_not_approved", status });
    }
    expect((await publish(flow.id, { versionId: "no-such-version" })).body.error.code).toBe("version_not_found");
    const other = await app.createFlow("ivr");
    const foreign = await insertVersion(app, other.id, validIvrGraph(), { status: "approved" });
    expect((await publish(flow.id, { versionId: foreign.versionId })).status).toBe(404);
    expect((await publish(flow.id, {})).status).toBe(400);
    expect(await liveOf(flow.id)).toBeNull();
  });

  it("refuses a publish from an outdated view of what is live", async () => {
    const flow = await app.createFlow("ivr");
    const live = await insertVersion(app, flow.id, validIvrGraph("live"), { status: "published", live: true });
    const next = await insertVersion(app, flow.id, validIvrGraph("next"), { status: "approved" });
    const result = await publish(flow.id, { versionId: next.versionId, expectedLiveVersionId: null });
    expect(result.status).toBe(409);
    expect(result.body.error).toMatchObject({ code: "live_version_changed", currentLiveVersionId: live.versionId, currentLiveNumber: 1 });
    expect(await liveOf(flow.id)).toBe(live.versionId);
    // The refused publish left the approval in place.
    expect(await reviewStatus(next.reviewId)).toBe("approved");
  });

  it("lets exactly one of two simultaneous publishes of the same version win", async () => {
    for (let round = 0; round < 5; round += 1) {
      const flow = await app.createFlow("ivr");
      const version = await insertVersion(app, flow.id, validIvrGraph(), { status: "approved" });
      const results = await Promise.all([publish(flow.id, { versionId: version.versionId }, "ops"), publish(flow.id, { versionId: version.versionId }, "admin")]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.status === 409)?.body.error.code).toBe("version_not_approved");
      expect(await liveOf(flow.id)).toBe(version.versionId);
      expect(await auditCount(flow.id, "version.publish")).toBe(1);
    }
  });

  it("lets exactly one of two simultaneous publishes of different versions win, leaving the pointer on the winner", async () => {
    for (let round = 0; round < 5; round += 1) {
      const flow = await app.createFlow("ivr");
      const base = await insertVersion(app, flow.id, validIvrGraph("base"), { status: "published", live: true });
      const a = await insertVersion(app, flow.id, validIvrGraph("a"), { status: "approved" });
      const b = await insertVersion(app, flow.id, validIvrGraph("b"), { status: "approved" });
      const results = await Promise.all([
        publish(flow.id, { versionId: a.versionId, expectedLiveVersionId: base.versionId }, "ops"),
        publish(flow.id, { versionId: b.versionId, expectedLiveVersionId: base.versionId }, "admin"),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const loser = results.find((r) => r.status === 409);
      expect(loser?.body.error.code).toBe("live_version_changed");
      const winner = results[0]?.status === 200 ? a : b;
      const other = winner === a ? b : a;
      expect(await liveOf(flow.id)).toBe(winner.versionId);
      expect(await reviewStatus(winner.reviewId)).toBe("published");
      // The loser's transaction rolled back whole: its approval is intact and it never went live.
      expect(await reviewStatus(other.reviewId)).toBe("approved");
      expect((await app.db.prisma.flowVersion.findUniqueOrThrow({ where: { id: other.versionId } })).publishedAt).toBeNull();
      expect(await auditCount(flow.id, "version.publish")).toBe(1);
    }
  });

  it("refuses to publish on a deleted flow", async () => {
    const flow = await app.createFlow("ivr", { deleted: true });
    const version = await insertVersion(app, flow.id, validIvrGraph(), { status: "approved" });
    const result = await publish(flow.id, { versionId: version.versionId });
    expect(result.status).toBe(409);
    expect(result.body.error.code).toBe("flow_deleted");
  });
});

describe("rolling back", () => {
  it("makes a version that was live before live again without a new review, and audits it", async () => {
    const flow = await app.createFlow("ivr");
    const v1 = await insertVersion(app, flow.id, validIvrGraph("one"), { status: "published" });
    const v2 = await insertVersion(app, flow.id, validIvrGraph("two"), { status: "published", live: true });
    const result = await rollback(flow.id, { versionId: v1.versionId, expectedLiveVersionId: v2.versionId, note: "v2 drops calls" });
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body.live).toMatchObject({ versionId: v1.versionId, number: 1, previousLiveVersionId: v2.versionId });
    expect(await liveOf(flow.id)).toBe(v1.versionId);
    const entry = await app.db.prisma.auditEntry.findFirstOrThrow({ where: { flowId: flow.id, action: "version.rollback" } });
    expect(entry).toMatchObject({ actorId: app.users.ops.id, targetId: v1.versionId, details: { number: 1, previousLiveVersionId: v2.versionId, note: "v2 drops calls" } });
    // And forward again, to the later version (it was live before too).
    expect((await rollback(flow.id, { versionId: v2.versionId, note: "fixed in v2 after all" })).status).toBe(200);
    expect(await liveOf(flow.id)).toBe(v2.versionId);
  });

  it("refuses a rollback without a reason, naming the field, and leaves the live version alone", async () => {
    const flow = await app.createFlow("ivr");
    const old = await insertVersion(app, flow.id, validIvrGraph("old"), { status: "published" });
    const live = await insertVersion(app, flow.id, validIvrGraph("live"), { status: "published", live: true });
    for (const body of [{ versionId: old.versionId }, { versionId: old.versionId, note: "   " }, { versionId: old.versionId, note: null }]) {
      const refused = await rollback(flow.id, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error.code).toBe("invalid_input");
      expect(refused.body.error.fields).toEqual([{ field: "note", message: "give a reason for the rollback" }]);
    }
    expect(await liveOf(flow.id)).toBe(live.versionId);
    expect(await app.db.prisma.auditEntry.count({ where: { flowId: flow.id, action: "version.rollback" } })).toBe(0);
  });

  it("refuses a version that never went live, the live one, and an outdated view", async () => {
    const flow = await app.createFlow("ivr");
    const old = await insertVersion(app, flow.id, validIvrGraph("old"), { status: "published" });
    const live = await insertVersion(app, flow.id, validIvrGraph("live"), { status: "published", live: true });
    const approved = await insertVersion(app, flow.id, validIvrGraph("approved"), { status: "approved" });
    expect((await rollback(flow.id, { versionId: approved.versionId, note: "incident" })).body.error).toMatchObject({ code: "version_never_live", number: 3 });
    expect((await rollback(flow.id, { versionId: live.versionId, note: "incident" })).body.error.code).toBe("version_already_live");
    const stale = await rollback(flow.id, { versionId: old.versionId, expectedLiveVersionId: approved.versionId, note: "incident" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("live_version_changed");
    expect(await liveOf(flow.id)).toBe(live.versionId);
  });

  it("lets one of a simultaneous rollback and publish win, never leaving the pointer in between", async () => {
    const flow = await app.createFlow("ivr");
    const old = await insertVersion(app, flow.id, validIvrGraph("old"), { status: "published" });
    const live = await insertVersion(app, flow.id, validIvrGraph("live"), { status: "published", live: true });
    const next = await insertVersion(app, flow.id, validIvrGraph("next"), { status: "approved" });
    const results = await Promise.all([
      rollback(flow.id, { versionId: old.versionId, expectedLiveVersionId: live.versionId, note: "incident" }, "ops"),
      publish(flow.id, { versionId: next.versionId, expectedLiveVersionId: live.versionId }, "admin"),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results[0]?.status === 200 ? old : next;
    expect(await liveOf(flow.id)).toBe(winner.versionId);
  });
});
