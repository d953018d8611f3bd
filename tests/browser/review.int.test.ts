import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileGraph } from "@/flows-runtime/compiler/compile";
import { planHashOf } from "@/app/_server/flows/create-version";
import { toJsonObject } from "@/app/_server/flows/to-json-object";
import { ivrGraph, tts } from "../support/graph-builder";
import { newContext, screenshot } from "./support/browser";
import { startBrowserApp, type BrowserApp } from "./support/browser-app";

function hotline(greeting: string, withGoodbye: boolean) {
  return ivrGraph({
    name: "Review hotline",
    nodes: [
      { id: "start", type: "start", data: { defaultLanguage: "en-US" } },
      { id: "menu", type: "menu", data: { prompt: [tts(greeting)], options: [{ key: "1" }], timeoutSeconds: 10, maxRetries: 0 } },
      ...(withGoodbye ? [{ id: "say", type: "play", data: { media: [tts("Thank you for calling.")] } }] : []),
      { id: "bye", type: "hangup" },
    ],
    edges: [
      ["start", "next", "menu"],
      ["menu", "option:1", withGoodbye ? "say" : "bye"],
      ["menu", "timeout", "bye"],
      ["menu", "invalid", "bye"],
      ...(withGoodbye ? ([["say", "next", "bye"]] as [string, string, string][]) : []),
    ],
  });
}

let app: BrowserApp;
let opsContext: BrowserContext;
let adminContext: BrowserContext;
let ops: Page;
let admin: Page;
let flowId = "";
let v1 = "";

const flowRow = (page: Page, number: number) => page.locator(`[data-testid="version-row"][data-version="${number}"]`);
const live = async () => (await app.db.prisma.flow.findUniqueOrThrow({ where: { id: flowId } })).liveVersionId;

beforeAll(async () => {
  app = await startBrowserApp();
  // Version 1 is live already; the author (ops) has edited the draft since.
  const first = hotline("Welcome. Press 1.", false);
  const compiled = compileGraph(first);
  if (!compiled.ok) throw new Error("fixture graph does not compile");
  flowId = await app.createFlow("Review hotline", hotline("Welcome to ACME. Press 1.", true));
  const version = await app.db.prisma.flowVersion.create({
    data: { flowId, number: 1, graph: toJsonObject(first), plan: toJsonObject(compiled.plan), planHash: planHashOf(compiled.plan), note: "first release", publishedAt: new Date() },
  });
  v1 = version.id;
  await app.db.prisma.flow.update({ where: { id: flowId }, data: { liveVersionId: v1, updatedById: app.users.ops.id } });
  opsContext = await newContext(app.browser);
  adminContext = await newContext(app.browser);
  ops = await opsContext.newPage();
  admin = await adminContext.newPage();
  await app.signIn(ops, "ops");
  await app.signIn(admin, "admin");
}, 900_000);

afterAll(async () => {
  await opsContext?.close();
  await adminContext?.close();
  await app?.stop();
});

describe("four-eyes review in the browser", () => {
  it("lets the author submit the draft for review with a note", async () => {
    await ops.goto(`${app.url}/history/${flowId}`);
    await ops.locator('[data-testid="submit-note"]').fill("Friendlier greeting and a goodbye before hanging up");
    await ops.locator('[data-testid="submit-review-button"]').click();
    await ops.locator('[data-testid="submit-result"]').waitFor();
    await flowRow(ops, 2).waitFor();
    expect(await flowRow(ops, 2).getAttribute("data-status")).toBe("pending");
    await screenshot(ops, "review-history-submitted");
  });

  it("shows the reviewer the visual diff, takes a comment on a node, and refuses the author's own approval", async () => {
    await admin.goto(`${app.url}/reviews`);
    await admin.locator('[data-testid="review-row"]').first().getByRole("link").click();
    await admin.locator('[data-testid="diff-canvas"] [data-testid="diff-node"]').first().waitFor();
    expect(await admin.locator('[data-testid="diff-node"][data-node-id="say"]').getAttribute("data-status")).toBe("added");
    expect(await admin.locator('[data-testid="diff-node"][data-node-id="menu"]').getAttribute("data-status")).toBe("changed");
    await expect.poll(() => admin.locator('[data-testid="diff-summary"] li').count()).toBeGreaterThan(1);

    await admin.locator('[data-testid="diff-node"][data-node-id="menu"]').click();
    const panel = admin.locator('[data-testid="node-diff-panel"][data-node-id="menu"]');
    await panel.waitFor();
    await expect.poll(() => panel.locator('[data-testid="field-change"]').count()).toBeGreaterThan(0);
    await panel.locator('[data-testid="comment-input"]').fill("Is “ACME” said right by the TTS?");
    await panel.locator('[data-testid="comment-submit"]').click();
    await panel.locator('[data-testid="review-comment"]').waitFor();
    await admin.locator('[data-testid="diff-node"][data-node-id="menu"] [data-testid="diff-node-comments"]').waitFor();
    await screenshot(admin, "review-diff-with-comment");

    // The author cannot approve their own change: the server says so.
    await ops.goto(admin.url());
    await ops.locator('[data-testid="approve"]').click();
    await expect.poll(() => ops.locator('[data-testid="review-decision"] [role="alert"]').textContent()).toContain("another reviewer");
    const comments = await app.db.prisma.reviewComment.findMany({ where: { review: { flowId } } });
    expect(comments.map((comment) => [comment.nodeId, comment.authorId])).toEqual([["menu", app.users.admin.id]]);
  });

  it("lets a second person approve, and then publish it", async () => {
    await admin.locator('[data-testid="approve"]').click();
    await expect.poll(() => admin.locator('[data-testid="review-status"]').textContent()).toBe("Approved");
    await admin.goto(`${app.url}/history/${flowId}`);
    await flowRow(admin, 2).locator('[data-testid="publish-version"]').click();
    await admin.locator('[data-testid="history-notice"]').waitFor();
    await expect.poll(() => flowRow(admin, 2).getAttribute("data-live")).toBe("true");
    const v2 = await app.db.prisma.flowVersion.findFirstOrThrow({ where: { flowId, number: 2 } });
    expect(await live()).toBe(v2.id);
    await admin.goto(`${app.url}/history/${flowId}/compare?from=${v1}&to=${v2.id}`);
    await admin.locator('[data-testid="diff-node"]').first().waitFor();
    await screenshot(admin, "compare-v1-v2");
  });

  it("rolls back to version 1 without a new review", async () => {
    await admin.goto(`${app.url}/history/${flowId}`);
    await flowRow(admin, 1).locator('[data-testid="rollback-version"]').click();
    await admin.locator('[data-testid="rollback-confirm"] input').fill("Callers do not understand the new greeting");
    await admin.locator('[data-testid="rollback-confirm-button"]').click();
    await expect.poll(() => flowRow(admin, 1).getAttribute("data-live")).toBe("true");
    expect(await live()).toBe(v1);
    await screenshot(admin, "review-history-rolled-back");
    const actions = await app.db.prisma.auditEntry.findMany({ where: { flowId }, orderBy: { id: "asc" }, select: { action: true } });
    expect(actions.map((entry) => entry.action)).toEqual(["review.submit", "review.comment", "review.approve", "version.publish", "version.rollback"]);
  });
});
