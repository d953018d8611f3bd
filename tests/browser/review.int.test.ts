import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileGraph } from "@/flows-runtime/compiler/compile";
import { planHashOf } from "@/app/_server/flows/create-version";
import { toJsonObject } from "@/app/_server/flows/to-json-object";
import { ivrGraph, tts } from "../support/graph-builder";
import { newContext, screenshot } from "./support/browser";
import { startBrowserApp, type BrowserApp } from "./support/browser-app";
import { clickUntilShown } from "./support/click-until-shown";

function hotline(greeting: string, withGoodbye: boolean) {
  return ivrGraph({
    name: "Review hotline",
    nodes: [
      { id: "start", type: "start", data: { defaultLanguage: "en-US" } },
      { id: "menu", type: "menu", data: { prompt: [tts(greeting)], options: [{ key: "1" }], timeoutSeconds: 10, maxRetries: 0 } },
      ...(withGoodbye ? [{ id: "play_1vyvru", type: "play", data: { media: [tts("Thank you for calling.")] } }] : []),
      { id: "bye", type: "hangup" },
    ],
    edges: [
      ["start", "next", "menu"],
      ["menu", "option:1", withGoodbye ? "play_1vyvru" : "bye"],
      ["menu", "timeout", "bye"],
      ["menu", "invalid", "bye"],
      ...(withGoodbye ? ([["play_1vyvru", "next", "bye"]] as [string, string, string][]) : []),
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
  it("lets the author propose a phone number for the flow: only a proposal, not yet live", async () => {
    await ops.goto(`${app.url}/flows`);
    await ops.locator("tr", { hasText: "Review hotline" }).getByRole("button", { name: "Phone numbers" }).click();
    await ops.locator('[data-testid="entry-point-value"]').fill("4008001234");
    await ops.locator('[data-testid="entry-point-propose"]').click();
    await ops.locator('[data-testid="entry-point-proposed"][data-value="4008001234"]').waitFor();
    await ops.locator('[data-testid="entry-points-pending"]').waitFor();
    await screenshot(ops, "review-entry-point-proposed");
    // The dialog speaks of phone numbers; the technical term is only a hint.
    expect(await ops.locator("dialog").textContent()).not.toMatch(/\bDID\b|Stasis/);
    expect(await app.db.prisma.entryPoint.count({ where: { value: "4008001234" } })).toBe(0);
    await ops.keyboard.press("Escape");
  });

  it("lets the author submit the draft for review with a note", async () => {
    await ops.goto(`${app.url}/history/${flowId}`);
    await ops.locator('[data-testid="submit-note"]').fill("Friendlier greeting, a goodbye before hanging up, and the new hotline number");
    await ops.locator('[data-testid="submit-review-button"]').click();
    await ops.locator('[data-testid="submit-result"]').waitFor();
    await flowRow(ops, 2).waitFor();
    expect(await flowRow(ops, 2).getAttribute("data-status")).toBe("pending");
    await screenshot(ops, "review-history-submitted");
  });

  it("shows the reviewer a readable diff: nodes by what they say, the number, form labels and the read-only form with the changed field marked", async () => {
    await admin.goto(`${app.url}/reviews`);
    await admin.locator('[data-testid="review-row"]').first().getByRole("link").click();
    await admin.locator('[data-testid="diff-canvas"] [data-testid="diff-node"]').first().waitFor();
    expect(await admin.locator('[data-testid="diff-node"][data-node-id="play_1vyvru"]').getAttribute("data-status")).toBe("added");
    expect(await admin.locator('[data-testid="diff-node"][data-node-id="menu"]').getAttribute("data-status")).toBe("changed");
    const summary = admin.locator('[data-testid="diff-summary"]');
    await expect.poll(() => summary.locator("li").count()).toBeGreaterThan(1);
    const summaryText = (await summary.textContent()) ?? "";
    // Named by what the caller hears, never by the internal id.
    expect(summaryText).toContain('Node "Thank you for calling." (Play prompt) added');
    expect(summaryText).toContain('prompt text changed from "Welcome. Press 1." to "Welcome to ACME. Press 1."');
    expect(summaryText).not.toContain("play_1vyvru");
    expect(await admin.locator('[data-testid="review-entry-points"] [data-testid="entry-point-added"]').textContent()).toContain("4008001234");

    await admin.locator('[data-testid="diff-node"][data-node-id="menu"]').click();
    const panel = admin.locator('[data-testid="node-diff-panel"][data-node-id="menu"]');
    await panel.waitFor();
    const change = panel.locator('[data-testid="field-change"]').first();
    await change.waitFor();
    expect(await change.getAttribute("data-field-label")).toBe("Prompt text");
    expect(await panel.locator('[data-testid="field-change"]').allTextContents()).not.toContainEqual(expect.stringContaining("$."));
    // The designer's own form, read-only, with the changed prompt text marked and its old value under it.
    const form = panel.locator('[data-testid="review-settings"]');
    await form.waitFor();
    const marked = form.locator('[data-changed="true"]');
    await expect.poll(() => marked.count()).toBe(1);
    expect(await marked.getAttribute("data-change-text")).toBe('Prompt text: "Welcome. Press 1." → "Welcome to ACME. Press 1."');
    expect(await form.locator('[data-field="options"]').count()).toBe(1);
    const editable = await form.locator("input:not([readonly]):not([disabled]):not([type=hidden]), textarea:not([readonly]), select:not([disabled])").count();
    expect(editable).toBe(0);
    await marked.scrollIntoViewIfNeeded();
    await screenshot(admin, "review-readable-node-form");

    await panel.locator('[data-testid="comment-input"]').fill("Is “ACME” said right by the TTS?");
    await panel.locator('[data-testid="comment-submit"]').click();
    await panel.locator('[data-testid="review-comment"]').waitFor();
    await admin.locator('[data-testid="diff-node"][data-node-id="menu"] [data-testid="diff-node-comments"]').waitFor();
    await screenshot(admin, "review-diff-with-comment");

    // The decision comes after the diff it decides on.
    const decisionAfterDiff = await admin.evaluate(() => {
      const diff = document.querySelector('[data-testid="diff-summary"]');
      const decision = document.querySelector('[data-testid="review-decision"]');
      return diff !== null && decision !== null && (diff.compareDocumentPosition(decision) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    });
    expect(decisionAfterDiff).toBe(true);

    // The author cannot approve their own change: the server says so.
    await ops.goto(admin.url());
    await ops.locator('[data-testid="approve"]').click();
    await expect.poll(() => ops.locator('[data-testid="review-decision"] [role="alert"]').textContent()).toContain("another reviewer");
    const comments = await app.db.prisma.reviewComment.findMany({ where: { review: { flowId } } });
    expect(comments.map((comment) => [comment.nodeId, comment.authorId])).toEqual([["menu", app.users.admin.id]]);
  });

  it("lets a second person approve, then publish from the review after a confirmation naming the numbers", async () => {
    await admin.locator('[data-testid="approve"]').click();
    await expect.poll(() => admin.locator('[data-testid="review-status"]').textContent()).toBe("Approved");
    expect(await app.db.prisma.entryPoint.count({ where: { value: "4008001234" } })).toBe(0);
    const dialog = admin.locator('[data-testid="publish-dialog"]');
    await clickUntilShown(admin.locator('[data-testid="review-publish-open"]'), dialog);
    expect(await admin.locator("dialog h2").textContent()).toBe("Publish “Review hotline” version 2?");
    expect(await dialog.locator('[data-testid="publish-numbers"]').textContent()).toContain("4008001234");
    expect(await dialog.locator('[data-testid="publish-summary"]').textContent()).toContain("Thank you for calling.");
    await screenshot(admin, "review-publish-confirmation");
    await dialog.locator('[data-testid="publish-confirm"]').click();
    await admin.locator('[data-testid="review-published"]').waitFor();
    const v2 = await app.db.prisma.flowVersion.findFirstOrThrow({ where: { flowId, number: 2 } });
    expect(await live()).toBe(v2.id);
    expect((await app.db.prisma.entryPoint.findFirstOrThrow({ where: { value: "4008001234" } })).flowId).toBe(flowId);
    await admin.goto(`${app.url}/history/${flowId}`);
    await expect.poll(() => flowRow(admin, 2).getAttribute("data-live")).toBe("true");
    await admin.goto(`${app.url}/history/${flowId}/compare?from=${v1}&to=${v2.id}`);
    await admin.locator('[data-testid="diff-node"]').first().waitFor();
    await screenshot(admin, "compare-v1-v2");
  });

  it("rolls back to version 1 without a new review, and only with a reason", async () => {
    await admin.goto(`${app.url}/history/${flowId}`);
    await flowRow(admin, 1).locator('[data-testid="rollback-version"]').click();
    expect(await admin.locator('[data-testid="rollback-confirm-button"]').isDisabled()).toBe(true);
    await admin.locator('[data-testid="rollback-confirm"] input').fill("Callers do not understand the new greeting");
    await admin.locator('[data-testid="rollback-confirm-button"]').click();
    await admin.locator('[data-testid="history-notice"]').waitFor();
    // The page re-reads the history from the server; on a loaded machine that takes a while.
    await expect.poll(() => flowRow(admin, 1).getAttribute("data-live"), { timeout: 30_000 }).toBe("true");
    expect(await live()).toBe(v1);
    await screenshot(admin, "review-history-rolled-back");
    const actions = await app.db.prisma.auditEntry.findMany({ where: { flowId }, orderBy: { id: "asc" }, select: { action: true } });
    expect(actions.map((entry) => entry.action)).toEqual(["entryPoint.add", "review.submit", "review.comment", "review.approve", "version.publish", "version.rollback"]);
  });

  it("shows the audit log with names: the flow, the version and the number", async () => {
    await admin.goto(`${app.url}/audit?flowName=review%20hot`);
    const rows = admin.locator('[data-testid="audit-row"]');
    await expect.poll(() => rows.count()).toBe(6);
    const publish = admin.locator('[data-testid="audit-row"][data-action="version.publish"]');
    expect(await publish.locator('[data-testid="audit-target"]').textContent()).toContain("Review hotline");
    expect(await publish.locator('[data-testid="audit-target"]').textContent()).toContain("version 2");
    expect(await publish.textContent()).toContain("4008001234");
    expect(await publish.textContent()).not.toMatch(/previousLiveVersionId|entryPointsAdded/);
    await screenshot(admin, "review-audit-names");
  });
});
