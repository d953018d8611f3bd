import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as draftRoute from "@/app/api/flows/[flowId]/draft/route";
import * as publishRoute from "@/app/api/flows/[flowId]/publish/route";
import * as flowReviewsRoute from "@/app/api/flows/[flowId]/reviews/route";
import * as approveRoute from "@/app/api/flows/[flowId]/reviews/[reviewId]/approve/route";
import * as requestChangesRoute from "@/app/api/flows/[flowId]/reviews/[reviewId]/request-changes/route";
import * as commentsRoute from "@/app/api/flows/[flowId]/reviews/[reviewId]/comments/route";
import * as reviewQueueRoute from "@/app/api/reviews/route";
import * as importRoute from "@/app/api/flows/import/route";
import * as duplicateRoute from "@/app/api/flows/[flowId]/duplicate/route";
import { insertVersion } from "./support/version-fixtures";
import { startTestApp, validIvrGraph, type TestApp, type TestUser } from "./support/test-app";

let app: TestApp;
let author: TestUser;
let secondOps: TestUser;
beforeAll(async () => {
  app = await startTestApp();
  author = await app.createUser("ops", "Olivia Author");
  secondOps = await app.createUser("ops", "Oscar Reviewer");
});
afterAll(async () => {
  await app.stop();
});

type Who = "admin" | "ops" | "marketer" | "agent" | TestUser;

const saveDraft = (flowId: string, graph: unknown, baseRevision: number, as: Who = author) =>
  app.call(draftRoute.PUT, { as, method: "PUT", params: { flowId }, body: { graph, baseRevision } });
const submit = (flowId: string, body: unknown, as: Who = author) => app.call(flowReviewsRoute.POST, { as, method: "POST", params: { flowId }, body });
const approve = (flowId: string, reviewId: string, as: Who, body: unknown = {}) => app.call(approveRoute.POST, { as, method: "POST", params: { flowId, reviewId }, body });
const requestChanges = (flowId: string, reviewId: string, as: Who, body: unknown) => app.call(requestChangesRoute.POST, { as, method: "POST", params: { flowId, reviewId }, body });
const status = async (reviewId: string) => (await app.db.prisma.flowReview.findUniqueOrThrow({ where: { id: reviewId } })).status;

/** A flow whose draft the author edited (so the author is the change's last editor) and submitted. */
async function submittedFlow(graph: unknown = validIvrGraph("Hotline")) {
  const flow = await app.createFlow("ivr");
  expect((await saveDraft(flow.id, graph, 1)).status).toBe(200);
  const submitted = await submit(flow.id, { note: "New greeting", baseRevision: 2 });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
  return { flowId: flow.id, reviewId: String(submitted.body.review.id), versionId: String(submitted.body.review.versionId) };
}

describe("submitting a draft for review", () => {
  it("freezes the draft with its compiled plan as the next version, pending review", async () => {
    const { flowId, reviewId, versionId } = await submittedFlow();
    const version = await app.db.prisma.flowVersion.findUniqueOrThrow({ where: { id: versionId } });
    expect(version).toMatchObject({ number: 1, note: "New greeting", createdById: author.id, publishedAt: null, planHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(version.plan).toMatchObject({ kind: "ivr" });
    expect(await status(reviewId)).toBe("pending");
    const queue = await app.call(reviewQueueRoute.GET, { as: "ops", path: "/api/reviews" });
    expect(queue.body.reviews.map((r: { id: string }) => r.id)).toContain(reviewId);
    expect(queue.body.reviews.find((r: { id: string }) => r.id === reviewId)).toMatchObject({ flowId, versionNumber: 1, note: "New greeting", submittedBy: { id: author.id } });
    // Nothing went live.
    expect((await app.db.prisma.flow.findUniqueOrThrow({ where: { id: flowId } })).liveVersionId).toBeNull();
  });

  it("refuses an invalid draft with the validator's list and stores nothing", async () => {
    const flow = await app.createFlow("ivr", { graph: { schemaVersion: 1, kind: "ivr", nodes: [], edges: [] } });
    const result = await submit(flow.id, { note: "empty" }, "ops");
    expect(result.status).toBe(422);
    expect(result.body.error.code).toBe("invalid_graph");
    expect(result.body.error.issues.map((issue: { code: string }) => issue.code)).toContain("no-start");
    expect(await app.db.prisma.flowVersion.count({ where: { flowId: flow.id } })).toBe(0);
    expect(await app.db.prisma.flowReview.count({ where: { flowId: flow.id } })).toBe(0);
  });

  it("refuses a stale revision, an empty note and a draft equal to the live version", async () => {
    const flow = await app.createFlow("ivr", { graph: validIvrGraph() });
    expect((await submit(flow.id, { note: "x", baseRevision: 7 }, "ops")).body.error).toMatchObject({ code: "draft_conflict", currentRevision: 1 });
    expect((await submit(flow.id, { note: "  " }, "ops")).status).toBe(400);
    await insertVersion(app, flow.id, validIvrGraph(), { status: "published", live: true });
    expect((await submit(flow.id, { note: "again" }, "ops")).body.error.code).toBe("no_changes");
  });

  it("supersedes the flow's earlier open submission", async () => {
    const first = await submittedFlow();
    const draft = await app.db.prisma.flow.findUniqueOrThrow({ where: { id: first.flowId } });
    await saveDraft(first.flowId, validIvrGraph("Hotline 2"), draft.draftRevision);
    const second = await submit(first.flowId, { note: "second try" });
    expect(second.status).toBe(201);
    expect(second.body.review.versionNumber).toBe(2);
    expect(await status(first.reviewId)).toBe("void");
    expect(await status(String(second.body.review.id))).toBe("pending");
  });

  it("lets a marketer submit campaign flows but not IVR flows", async () => {
    const campaign = await app.createFlow("campaign");
    // Permission passes; campaign flows have no compilable nodes yet, so the draft is refused as invalid.
    expect((await submit(campaign.id, { note: "campaign" }, "marketer")).status).toBe(422);
    const ivr = await app.createFlow("ivr", { graph: validIvrGraph() });
    const refused = await submit(ivr.id, { note: "ivr" }, "marketer");
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("forbidden");
  });
});

describe("four eyes", () => {
  it("refuses the submitter's own approval with 403, whatever their role", async () => {
    const { flowId, reviewId } = await submittedFlow();
    const own = await approve(flowId, reviewId, author);
    expect(own.status).toBe(403);
    expect(own.body.error).toMatchObject({ code: "four_eyes", message: expect.stringContaining("another reviewer") });
    const adminAuthor = await app.createUser("admin", "Admin Author");
    const flow = await app.createFlow("ivr");
    await saveDraft(flow.id, validIvrGraph(), 1, adminAuthor);
    const submitted = await submit(flow.id, { note: "by an admin" }, adminAuthor);
    expect((await approve(flow.id, String(submitted.body.review.id), adminAuthor)).body.error.code).toBe("four_eyes");
    expect(await status(reviewId)).toBe("pending");
  });

  it("refuses the draft's last editor too, when someone else submitted it", async () => {
    const flow = await app.createFlow("ivr");
    await saveDraft(flow.id, validIvrGraph(), 1, secondOps);
    const submitted = await submit(flow.id, { note: "submitted for a colleague" }, author);
    const reviewId = String(submitted.body.review.id);
    expect((await approve(flow.id, reviewId, secondOps)).body.error.code).toBe("four_eyes");
    expect((await approve(flow.id, reviewId, "admin")).status).toBe(200);
  });

  it("refuses everyone who edited the draft since the last submission, not only its last editor", async () => {
    const alice = await app.createUser("ops", "Alice Editor");
    const bob = await app.createUser("ops", "Bob Editor");
    const carol = await app.createUser("ops", "Carol Reviewer");
    const flow = await app.createFlow("ivr");
    expect((await saveDraft(flow.id, validIvrGraph("Alice's greeting"), 1, alice)).status).toBe(200);
    expect((await saveDraft(flow.id, validIvrGraph("Bob's greeting"), 2, bob)).status).toBe(200);
    expect((await saveDraft(flow.id, validIvrGraph("Bob's greeting, again"), 3, bob)).status).toBe(200);
    expect((await app.db.prisma.flow.findUniqueOrThrow({ where: { id: flow.id } })).draftEditorIds).toEqual([alice.id, bob.id]);
    const submitted = await submit(flow.id, { note: "Greeting by Alice and Bob", baseRevision: 4 }, bob);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const reviewId = String(submitted.body.review.id);
    expect([...submitted.body.review.authorIds].sort()).toEqual([alice.id, bob.id].sort());

    const byAlice = await approve(flow.id, reviewId, alice);
    expect(byAlice.status).toBe(403);
    expect(byAlice.body.error).toMatchObject({ code: "four_eyes", message: expect.stringContaining("another reviewer") });
    const byBob = await approve(flow.id, reviewId, bob);
    expect(byBob.status).toBe(403);
    expect(byBob.body.error.code).toBe("four_eyes");
    expect(await status(reviewId)).toBe("pending");
    expect((await approve(flow.id, reviewId, carol)).status).toBe(200);
  });

  it("starts a fresh edit cycle once a candidate is approved", async () => {
    const alice = await app.createUser("ops", "Alice Editor");
    const bob = await app.createUser("ops", "Bob Editor");
    const carol = await app.createUser("ops", "Carol Reviewer");
    const flow = await app.createFlow("ivr");
    await saveDraft(flow.id, validIvrGraph("Cycle 1"), 1, alice);
    const first = await submit(flow.id, { note: "cycle 1" }, alice);
    expect(first.status).toBe(201);
    expect((await app.db.prisma.flow.findUniqueOrThrow({ where: { id: flow.id } })).draftEditorIds).toEqual([alice.id]);
    expect((await approve(flow.id, String(first.body.review.id), carol)).status).toBe(200);
    expect((await app.db.prisma.flow.findUniqueOrThrow({ where: { id: flow.id } })).draftEditorIds).toEqual([]);

    // Cycle 2: only Bob edits, Carol submits. Alice edited cycle 1 only, so she may approve cycle 2.
    expect((await saveDraft(flow.id, validIvrGraph("Cycle 2"), 2, bob)).status).toBe(200);
    expect((await app.db.prisma.flow.findUniqueOrThrow({ where: { id: flow.id } })).draftEditorIds).toEqual([bob.id]);
    const second = await submit(flow.id, { note: "cycle 2" }, carol);
    expect(second.status).toBe(201);
    const reviewId = String(second.body.review.id);
    expect((await approve(flow.id, reviewId, bob)).body.error.code).toBe("four_eyes");
    expect((await approve(flow.id, reviewId, carol)).body.error.code).toBe("four_eyes");
    expect((await approve(flow.id, reviewId, alice)).status).toBe(200);
  });

  it("keeps the authors of a change sent back: they cannot approve the next candidate that still holds it", async () => {
    const alice = await app.createUser("ops", "Alice Editor");
    const bob = await app.createUser("ops", "Bob Editor");
    const carol = await app.createUser("ops", "Carol Reviewer");
    const flow = await app.createFlow("ivr");
    await saveDraft(flow.id, validIvrGraph("Alice's change"), 1, alice);
    const first = await submit(flow.id, { note: "Alice's change" }, alice);
    expect(first.status).toBe(201);
    const sentBack = await app.call(requestChangesRoute.POST, {
      as: carol,
      method: "POST",
      params: { flowId: flow.id, reviewId: String(first.body.review.id) },
      body: { note: "Please also fix the menu" },
    });
    expect(sentBack.status, JSON.stringify(sentBack.body)).toBe(200);

    await saveDraft(flow.id, validIvrGraph("Alice's change, menu fixed by Bob"), 2, bob);
    const second = await submit(flow.id, { note: "menu fixed" }, bob);
    expect(second.status).toBe(201);
    const reviewId = String(second.body.review.id);
    expect([...second.body.review.authorIds].sort()).toEqual([alice.id, bob.id].sort());
    expect((await approve(flow.id, reviewId, alice)).body.error.code).toBe("four_eyes");
    expect((await approve(flow.id, reviewId, carol)).status).toBe(200);
  });

  it("counts whoever imported or duplicated a flow as its editor", async () => {
    const importer = await app.createUser("ops", "Ivan Importer");
    const duplicator = await app.createUser("ops", "Dana Duplicator");
    const imported = await app.call(importRoute.POST, { as: importer, method: "POST", body: validIvrGraph("Imported") });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    const importedId = String(imported.body.flow.id);
    // Someone else saves after them, so the importer is no longer the last editor.
    expect((await saveDraft(importedId, validIvrGraph("Imported, then edited"), 1, secondOps)).status).toBe(200);
    const fromImport = await submit(importedId, { note: "as imported" }, "ops");
    expect(fromImport.status).toBe(201);
    expect((await approve(importedId, String(fromImport.body.review.id), importer)).body.error.code).toBe("four_eyes");

    const copied = await app.call(duplicateRoute.POST, { as: duplicator, method: "POST", params: { flowId: importedId }, body: {} });
    expect(copied.status, JSON.stringify(copied.body)).toBe(201);
    const copyId = String(copied.body.flow.id);
    expect((await saveDraft(copyId, validIvrGraph("Copied, then edited"), 1, secondOps)).status).toBe(200);
    const fromCopy = await submit(copyId, { note: "as copied" }, "ops");
    expect(fromCopy.status).toBe(201);
    const copyReview = String(fromCopy.body.review.id);
    expect((await approve(copyId, copyReview, duplicator)).body.error.code).toBe("four_eyes");
    // Importing the source does not make the importer an editor of the copy.
    expect((await approve(copyId, copyReview, importer)).status).toBe(200);
  });

  it("lets another reviewer approve, once", async () => {
    const { flowId, reviewId } = await submittedFlow();
    const approved = await approve(flowId, reviewId, secondOps, { note: "Looks right" });
    expect(approved.status).toBe(200);
    expect(approved.body.review).toMatchObject({ status: "approved", decidedBy: { id: secondOps.id }, decisionNote: "Looks right" });
    const again = await approve(flowId, reviewId, "admin");
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: "review_not_pending", status: "approved" });
  });

  it("lets exactly one of two reviewers deciding at the same moment win", async () => {
    const { flowId, reviewId } = await submittedFlow();
    const results = await Promise.all([approve(flowId, reviewId, secondOps), requestChanges(flowId, reviewId, "admin", { note: "No" })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await app.db.prisma.auditEntry.count({ where: { targetId: reviewId, action: { in: ["review.approve", "review.requestChanges"] } } })).toBe(1);
  });

  it("records a request for changes with its note, after which the version cannot be approved or published", async () => {
    const { flowId, reviewId, versionId } = await submittedFlow();
    expect((await requestChanges(flowId, reviewId, secondOps, {})).status).toBe(400);
    const result = await requestChanges(flowId, reviewId, secondOps, { note: "Say goodbye before hanging up" });
    expect(result.body.review).toMatchObject({ status: "changes_requested", decisionNote: "Say goodbye before hanging up" });
    expect((await approve(flowId, reviewId, "admin")).status).toBe(409);
    const published = await app.call(publishRoute.POST, { as: "ops", method: "POST", params: { flowId }, body: { versionId } });
    expect(published.body.error.code).toBe("version_not_approved");
  });
});

describe("review comments", () => {
  it("stores comments on nodes and on the whole change, returned by node id for the author", async () => {
    const { flowId, reviewId } = await submittedFlow();
    const post = (as: Who, body: unknown) => app.call(commentsRoute.POST, { as, method: "POST", params: { flowId, reviewId }, body });
    const onNode = await post(secondOps, { nodeId: "bye", body: "Play a goodbye first?" });
    expect(onNode.status, JSON.stringify(onNode.body)).toBe(201);
    expect(onNode.body.comment).toMatchObject({ nodeId: "bye", body: "Play a goodbye first?", author: { id: secondOps.id } });
    await post("admin", { nodeId: "bye", body: "Agreed" });
    await post("admin", { nodeId: "start", body: "Fine" });
    await post("admin", { nodeId: null, body: "Otherwise good" });
    expect((await post("admin", { nodeId: "ghost", body: "?" })).body.error.code).toBe("node_not_in_review");
    expect((await post("admin", { nodeId: "bye", body: "" })).status).toBe(400);
    expect((await post("marketer", { nodeId: "bye", body: "me too" })).status).toBe(403);

    const listed = await app.call(commentsRoute.GET, { as: author, params: { flowId, reviewId } });
    expect(listed.status).toBe(200);
    expect(Object.keys(listed.body.byNode).sort()).toEqual(["bye", "start"]);
    expect(listed.body.byNode.bye.map((c: { body: string }) => c.body)).toEqual(["Play a goodbye first?", "Agreed"]);
    expect(listed.body.general.map((c: { body: string }) => c.body)).toEqual(["Otherwise good"]);
    expect(listed.body.comments).toHaveLength(4);
    const elsewhere = await app.createFlow("ivr");
    expect((await app.call(commentsRoute.GET, { as: "ops", params: { flowId: elsewhere.id, reviewId } })).body.error.code).toBe("review_not_found");
  });
});

describe("editing after approval", () => {
  it("voids the approval when the draft is saved with changes, so it can no longer be published", async () => {
    const { flowId, reviewId, versionId } = await submittedFlow();
    expect((await approve(flowId, reviewId, secondOps)).status).toBe(200);
    const edited = await saveDraft(flowId, validIvrGraph("Hotline, edited after approval"), 2);
    expect(edited.status).toBe(200);
    expect(await status(reviewId)).toBe("void");
    const entry = await app.db.prisma.auditEntry.findFirstOrThrow({ where: { action: "review.void", targetId: reviewId } });
    expect(entry).toMatchObject({ actorId: author.id, details: { reason: "draft_edited", versionId } });
    const published = await app.call(publishRoute.POST, { as: "ops", method: "POST", params: { flowId }, body: { versionId } });
    expect(published.status).toBe(409);
    expect(published.body.error).toMatchObject({ code: "version_not_approved", status: "void" });
  });

  it("keeps the approval when the saved draft is still exactly the approved graph", async () => {
    const graph = validIvrGraph("Unchanged");
    const { flowId, reviewId } = await submittedFlow(graph);
    await approve(flowId, reviewId, secondOps);
    expect((await saveDraft(flowId, graph, 2)).status).toBe(200);
    expect(await status(reviewId)).toBe("approved");
  });

  it("leaves pending reviews alone: reviewers judge the frozen candidate", async () => {
    const { flowId, reviewId } = await submittedFlow();
    await saveDraft(flowId, validIvrGraph("work goes on"), 2);
    expect(await status(reviewId)).toBe("pending");
  });
});
