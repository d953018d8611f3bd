import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as entryPointsRoute from "@/app/api/flows/[flowId]/entry-points/route";
import * as publishRoute from "@/app/api/flows/[flowId]/publish/route";
import * as flowReviewsRoute from "@/app/api/flows/[flowId]/reviews/route";
import * as approveRoute from "@/app/api/flows/[flowId]/reviews/[reviewId]/approve/route";
import * as rollbackRoute from "@/app/api/flows/[flowId]/rollback/route";
import { createEntryResolver } from "@/workers/ari-bridge/resolve-entry-point";
import { mapEntryPoint } from "@/app/_server/flows/map-entry-point";
import { applyEntryPoints } from "@/app/_server/versions/apply-entry-points";
import en from "@/app/_i18n/messages/en.json";
import zh from "@/app/_i18n/messages/zh-CN.json";
import { insertVersion } from "./support/version-fixtures";
import { startTestApp, validIvrGraph, type TestApp, type TestUser } from "./support/test-app";

let app: TestApp;
let proposer: TestUser;
let reviewer: TestUser;
beforeAll(async () => {
  app = await startTestApp();
  proposer = await app.createUser("ops", "Pia Proposer");
  reviewer = await app.createUser("ops", "Rui Reviewer");
});
afterAll(async () => {
  await app.stop();
});

type Who = "admin" | "ops" | "marketer" | TestUser;

const add = (flowId: string, kind: string, value: string, as: Who = "ops") =>
  app.call(entryPointsRoute.POST, { as, method: "POST", params: { flowId }, body: { kind, value } });
const remove = (flowId: string, id: string, as: Who = "ops") =>
  app.call(entryPointsRoute.DELETE, { as, method: "DELETE", params: { flowId }, path: `/x?id=${encodeURIComponent(id)}` });
const submit = (flowId: string, as: Who) => app.call(flowReviewsRoute.POST, { as, method: "POST", params: { flowId }, body: { note: "New hotline number" } });
const approve = (flowId: string, reviewId: string, as: Who) => app.call(approveRoute.POST, { as, method: "POST", params: { flowId, reviewId }, body: {} });
const publish = (flowId: string, versionId: string, as: Who) => app.call(publishRoute.POST, { as, method: "POST", params: { flowId }, body: { versionId } });
const liveValues = async (flowId: string) => (await app.db.prisma.entryPoint.findMany({ where: { flowId }, orderBy: { value: "asc" } })).map((row) => row.value);
/** What the ARI bridge would answer a call to this number with. */
const reaches = async (dialed: string) => (await createEntryResolver(app.db.prisma)({ args: [], dialed }))?.flowId ?? null;

/** A flow with a live version 1 and no numbers yet. */
async function liveFlow(name: string) {
  const flow = await app.createFlow("ivr", { name, graph: validIvrGraph(name) });
  await insertVersion(app, flow.id, validIvrGraph(name), { status: "published", live: true });
  return flow;
}

describe("entry points go live through review", () => {
  it("keeps a proposed number off the phone line until someone else approves and it is published, and audits each step", async () => {
    const flow = await liveFlow("Sales line");
    const proposed = await add(flow.id, "did", " 4008123000 ", proposer);
    expect(proposed.status).toBe(201);
    expect(proposed.body.entryPoint).toMatchObject({ kind: "did", value: "4008123000" });
    expect(proposed.body.pending.added).toEqual([{ kind: "did", value: "4008123000" }]);
    // Proposed only: nobody reaches the flow on it yet.
    expect(await liveValues(flow.id)).toEqual([]);
    expect(await reaches("4008123000")).toBeNull();

    const submitted = await submit(flow.id, proposer);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const reviewId = String(submitted.body.review.id);
    const versionId = String(submitted.body.review.versionId);
    // Four eyes: the one who proposed the number cannot approve it.
    const own = await approve(flow.id, reviewId, proposer);
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe("four_eyes");
    expect((await approve(flow.id, reviewId, reviewer)).status).toBe(200);
    // Approved is not live either.
    expect(await reaches("4008123000")).toBeNull();

    const published = await publish(flow.id, versionId, reviewer);
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(await liveValues(flow.id)).toEqual(["4008123000"]);
    expect(await reaches("4008123000")).toBe(flow.id);
    const after = await app.call(entryPointsRoute.GET, { as: "marketer", params: { flowId: flow.id } });
    expect(after.body.proposed).toBeNull();
    expect(after.body.pending).toEqual({ added: [], removed: [] });

    const audit = await app.db.prisma.auditEntry.findMany({ where: { flowId: flow.id }, orderBy: { id: "asc" } });
    expect(audit.map((entry) => entry.action)).toEqual(["entryPoint.add", "review.submit", "review.approve", "version.publish"]);
    expect(audit[0]).toMatchObject({ actorId: proposer.id, targetType: "entryPoint", targetId: "did:4008123000", details: { kind: "did", value: "4008123000", proposed: true } });
    expect(audit[3]).toMatchObject({ actorId: reviewer.id, details: { entryPointsAdded: ["4008123000"] } });
  });

  it("removes a number only with the published version, and a rollback leaves the numbers as they are", async () => {
    const flow = await liveFlow("Support line");
    // Provisioned numbers of a flow that existed before entry points were reviewed.
    await app.db.prisma.entryPoint.createMany({ data: [{ flowId: flow.id, kind: "did", value: "4008555001" }, { flowId: flow.id, kind: "did", value: "4008555002" }] });
    const row = await app.db.prisma.entryPoint.findFirstOrThrow({ where: { value: "4008555002" } });
    expect((await remove(flow.id, row.id, proposer)).body.pending.removed).toEqual([{ kind: "did", value: "4008555002" }]);
    expect(await reaches("4008555002")).toBe(flow.id);

    const submitted = await submit(flow.id, proposer);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const version = await app.db.prisma.flowVersion.findUniqueOrThrow({ where: { id: String(submitted.body.review.versionId) } });
    expect(version.entryPoints).toEqual([{ kind: "did", value: "4008555001" }]);
    expect((await approve(flow.id, String(submitted.body.review.id), reviewer)).status).toBe(200);
    const v1 = await app.db.prisma.flow.findUniqueOrThrow({ where: { id: flow.id } });
    expect((await publish(flow.id, version.id, reviewer)).status).toBe(200);
    expect(await liveValues(flow.id)).toEqual(["4008555001"]);
    expect(await reaches("4008555002")).toBeNull();

    const rolledBack = await app.call(rollbackRoute.POST, { as: "admin", method: "POST", params: { flowId: flow.id }, body: { versionId: v1.liveVersionId, note: "greeting unclear" } });
    expect(rolledBack.status, JSON.stringify(rolledBack.body)).toBe(200);
    expect(await liveValues(flow.id)).toEqual(["4008555001"]);
  });

  it("voids an open candidate when the numbers change after it was submitted", async () => {
    const flow = await liveFlow("Billing line");
    expect((await add(flow.id, "did", "4008666001", proposer)).status).toBe(201);
    const submitted = await submit(flow.id, proposer);
    const reviewId = String(submitted.body.review.id);
    expect((await approve(flow.id, reviewId, reviewer)).status).toBe(200);
    expect((await add(flow.id, "did", "4008666002", "admin")).status).toBe(201);
    const review = await app.db.prisma.flowReview.findUniqueOrThrow({ where: { id: reviewId } });
    expect(review.status).toBe("void");
    expect((await publish(flow.id, String(submitted.body.review.versionId), reviewer)).body.error.code).toBe("version_not_approved");
    expect(await liveValues(flow.id)).toEqual([]);
  });

  it("refuses the publish when another flow took the number meanwhile, changing nothing", async () => {
    const flow = await liveFlow("Late line");
    const other = await liveFlow("Early line");
    expect((await add(flow.id, "did", "4008777001", proposer)).status).toBe(201);
    const submitted = await submit(flow.id, proposer);
    expect((await approve(flow.id, String(submitted.body.review.id), reviewer)).status).toBe(200);
    await app.db.prisma.entryPoint.create({ data: { flowId: other.id, kind: "did", value: "4008777001" } });
    const before = await app.db.prisma.flow.findUniqueOrThrow({ where: { id: flow.id } });
    const refused = await publish(flow.id, String(submitted.body.review.versionId), reviewer);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: "entry_point_taken", value: "4008777001", takenBy: { flowId: other.id, flowName: "Early line" } });
    expect((await app.db.prisma.flow.findUniqueOrThrow({ where: { id: flow.id } })).liveVersionId).toBe(before.liveVersionId);
    expect(await reaches("4008777001")).toBe(other.id);
  });

  it("takes a change of numbers alone as a change to review", async () => {
    const flow = await liveFlow("Numbers only");
    expect((await submit(flow.id, proposer)).body.error.code).toBe("no_changes");
    expect((await add(flow.id, "stasis-arg", "numbers-only", proposer)).status).toBe(201);
    expect((await submit(flow.id, proposer)).status).toBe(201);
  });
});

describe("entry point proposals", () => {
  it("gives each number to one flow only, naming the flow that answers it", async () => {
    const hotline = await app.createFlow("ivr", { name: "Hotline" });
    const other = await app.createFlow("ivr", { name: "Other" });
    await app.db.prisma.entryPoint.create({ data: { flowId: hotline.id, kind: "did", value: "4008123999" } });

    const taken = await add(other.id, "did", "4008123999");
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: "entry_point_taken", value: "4008123999", takenBy: { flowId: hotline.id, flowName: "Hotline" } });

    const again = await add(hotline.id, "did", "4008123999");
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("entry_point_exists");

    // The same text as a Stasis argument is a different entry point.
    expect((await add(other.id, "stasis-arg", "4008123999")).status).toBe(201);
    const list = await app.call(entryPointsRoute.GET, { as: "marketer", params: { flowId: hotline.id } });
    expect(list.body.entryPoints).toEqual([expect.objectContaining({ kind: "did", value: "4008123999" })]);
  });

  it("withdraws a proposal, and only removes this flow's own entry points", async () => {
    const first = await app.createFlow("ivr");
    const second = await app.createFlow("ivr");
    const added = await add(first.id, "stasis-arg", "sales");
    const entryId = String(added.body.entryPoint.id);

    const wrongFlow = await remove(second.id, entryId);
    expect(wrongFlow.status).toBe(404);
    expect(wrongFlow.body.error.code).toBe("entry_point_not_found");

    const withdrawn = await remove(first.id, entryId);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.proposed).toBeNull();
    expect((await app.db.prisma.flow.findUniqueOrThrow({ where: { id: first.id } })).entryPointDraft).toBeNull();
  });

  it("frees a deleted flow's number at once (it answers no calls)", async () => {
    const flow = await app.createFlow("ivr", { deleted: true });
    const row = await app.db.prisma.entryPoint.create({ data: { flowId: flow.id, kind: "did", value: "4008999001" } });
    expect((await remove(flow.id, row.id)).status).toBe(200);
    expect(await app.db.prisma.entryPoint.count({ where: { value: "4008999001" } })).toBe(0);
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
    expect((await app.db.prisma.flow.findUniqueOrThrow({ where: { id: flow.id } })).entryPointDraft).toBeNull();
  });

  it("refuses proposals on a deleted flow", async () => {
    const flow = await app.createFlow("ivr", { deleted: true });
    const result = await add(flow.id, "did", "4008777000");
    expect(result.status).toBe(409);
    expect(result.body.error.code).toBe("flow_deleted");
  });

  it("gives no number to a routing or campaign flow (no call starts there), wherever it is assigned", async () => {
    for (const kind of ["routing", "campaign"] as const) {
      const flow = await app.createFlow(kind);
      const refused = await add(flow.id, "did", "4008666001", "admin");
      expect(refused.status, JSON.stringify(refused.body)).toBe(422);
      expect(refused.body.error).toMatchObject({ code: "entry_point_not_ivr", kind });
      expect(refused.body.error.message).toBe(`Only an IVR flow can answer a phone number or Stasis argument: this is a ${kind} flow.`);
      expect((await app.db.prisma.flow.findUniqueOrThrow({ where: { id: flow.id } })).entryPointDraft).toBeNull();
      // Provisioning (scripts, the dev stack) and a publish of a version that carries a number.
      await expect(mapEntryPoint(flow.id, { kind: "did", value: "4008666001" }, app.db.prisma)).rejects.toMatchObject({ code: "entry_point_not_ivr" });
      await expect(app.db.prisma.$transaction((tx) => applyEntryPoints(tx, flow.id, [{ kind: "stasis-arg", value: "queue-line" }]))).rejects.toMatchObject({ code: "entry_point_not_ivr" });
      expect(await app.db.prisma.entryPoint.count({ where: { flowId: flow.id } })).toBe(0);
      expect(await app.db.prisma.auditEntry.count({ where: { flowId: flow.id, action: "entryPoint.add" } })).toBe(0);
    }
    expect(await reaches("4008666001")).toBeNull();
    // The UI shows the code's message in the reader's language.
    expect(en.errors.entry_point_not_ivr).toMatch(/^Only an IVR flow can answer a phone number/);
    expect(zh.errors.entry_point_not_ivr).toMatch(/^只有 IVR 流程可以接听号码：/);
  });
});
