import { readFile } from "node:fs/promises";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { graphSchema } from "@/flows-runtime/graph/schema";
import { newContext, screenshot } from "./support/browser";
import { startBrowserApp, type BrowserApp } from "./support/browser-app";
import { connect, dragFromPalette, edgeCount, node, waitSaved } from "./support/canvas";
import { approveAndPublish } from "./support/approve-and-publish";

let app: BrowserApp;
let context: BrowserContext;
let page: Page;
let flowId = "";
const ids: Record<string, string> = {};

async function draftGraph(id: string) {
  const flow = await app.db.prisma.flow.findUniqueOrThrow({ where: { id }, select: { draftGraph: true, draftRevision: true } });
  return { graph: graphSchema.parse(flow.draftGraph), revision: flow.draftRevision };
}

async function openDesigner(target: Page, id: string): Promise<void> {
  await target.goto(`${app.url}/flows/${id}`);
  await target.locator('[data-testid="flow-node"]').first().waitFor();
}

async function select(target: Page, nodeId: string): Promise<void> {
  await node(target, nodeId).locator(".flow-node-header").click();
  await target.locator(`[data-testid="node-settings"][data-node-id="${nodeId}"]`).waitFor();
}

async function fill(target: Page, fieldPath: string, value: string): Promise<void> {
  await target.locator(`[data-testid="node-settings"] [data-field-path="${fieldPath}"]`).fill(value);
}

async function submitForReview(target: Page, note: string): Promise<void> {
  await target.locator('[data-testid="submit-review"]').click();
  await target.locator('[data-testid="review-note"]').fill(note);
  await target.locator('[data-testid="submit-review-confirm"]').click();
}

beforeAll(async () => {
  app = await startBrowserApp();
  context = await newContext(app.browser);
  page = await context.newPage();
  flowId = await app.createFlow("After-sales hotline");
}, 900_000);

afterAll(async () => {
  await context?.close();
  await app?.stop();
});

describe("the flow designer, used with mouse and keyboard", () => {
  it("signs in through the sign-in page", async () => {
    await app.signIn(page);
    expect(new URL(page.url()).pathname).not.toBe("/signin");
  });

  it("builds the after-sales IVR from the palette with the mouse", async () => {
    await openDesigner(page, flowId);
    ids.start = "start";
    ids.menu = await dragFromPalette(page, "menu", 120, 120);
    ids.order = await dragFromPalette(page, "play", 120, 320);
    ids.afterSales = await dragFromPalette(page, "transfer", 120, 520);
    ids.agent = await dragFromPalette(page, "transfer", 420, 620);
    ids.bye = await dragFromPalette(page, "hangup", 620, 120);
    // Tidy up (L) so every exit is visible before connecting.
    await page.locator('[data-testid="flow-canvas"] .react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("l");
    await page.waitForTimeout(400);

    await select(page, ids.order);
    await fill(page, "label", "Order status");
    await fill(page, "media.0.text", "Your order has shipped. Goodbye.");
    await select(page, ids.afterSales);
    await fill(page, "label", "After-sales queue");
    await fill(page, "target.queue", "after-sales");
    await select(page, ids.agent);
    await fill(page, "label", "Agents");

    await select(page, ids.menu);
    await fill(page, "label", "Main menu");
    await fill(page, "prompt.0.text", "Welcome. For order status press 1, for after-sales press 2, for an agent press 0.");
    await page.locator('[data-testid="option-key-2"]').click();
    await page.locator('[data-testid="option-key-0"]').click();
    await fill(page, "options.0.label", "Order status");
    await fill(page, "options.1.label", "After-sales");
    await fill(page, "options.2.label", "Agent");
    await expect.poll(() => node(page, ids.menu ?? "").locator(".flow-port").count()).toBe(5);

    await page.keyboard.press("Escape");
    await page.locator('[data-testid="flow-canvas"] .react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("l");
    await page.waitForTimeout(400);
    const { menu = "", order = "", afterSales = "", agent = "", bye = "" } = ids;
    await connect(page, "start", "next", menu);
    await connect(page, menu, "option:1", order);
    await connect(page, menu, "option:2", afterSales);
    await connect(page, menu, "option:0", agent);
    await connect(page, menu, "timeout", bye);
    await connect(page, menu, "invalid", bye);
    await connect(page, order, "next", bye);
    await connect(page, afterSales, "failed", bye);
    await connect(page, agent, "failed", bye);
    expect(await edgeCount(page)).toBe(9);
    await page.keyboard.press("l");
    await waitSaved(page);
    await screenshot(page, "after-sales-built");

    const { graph } = await draftGraph(flowId);
    expect(graph.nodes.map((n) => n.type).sort()).toEqual(["hangup", "menu", "play", "start", "transfer", "transfer"]);
    expect(graph.edges).toHaveLength(9);
    const savedMenu = graph.nodes.find((n) => n.id === menu);
    expect(savedMenu?.data.options).toEqual([
      { key: "1", label: "Order status" },
      { key: "2", label: "After-sales" },
      { key: "0", label: "Agent" },
    ]);
  });

  it("refuses to submit the flow for review while a node has a problem, listing it", async () => {
    await submitForReview(page, "First version of the after-sales hotline");
    const result = page.locator('[data-testid="publish-result"]');
    await expect.poll(() => result.textContent()).toContain("Agents");
    expect(await app.db.prisma.flowVersion.count({ where: { flowId } })).toBe(0);
    await result.getByRole("button").first().click();
  });

  it("refuses a test call of an invalid draft with the same list", async () => {
    await page.locator('[data-testid="tab-test-call"]').click();
    await page.locator('[data-testid="test-call-start"]').click();
    const panel = page.locator('[data-testid="test-call-panel"] [role="alert"]');
    await panel.waitFor();
    expect(await panel.textContent()).toContain("Agents");
    expect(await app.db.prisma.testCallPlan.count()).toBe(0);
  });

  it("marks the validation error on the right node and clears it once fixed", async () => {
    const agent = ids.agent ?? "";
    await expect.poll(() => node(page, agent).getAttribute("data-errors")).not.toBe("0");
    expect(await node(page, ids.afterSales ?? "").getAttribute("data-errors")).toBe("0");
    await page.locator('[data-testid="tab-problems"]').click();
    const problem = page.locator(`[data-testid="problem"][data-node-id="${agent}"]`).first();
    expect(await problem.textContent()).toContain("Queue");
    await problem.click();
    // The node is selected, its settings are open and the faulty field has the focus.
    await page.locator(`[data-testid="node-settings"][data-node-id="${agent}"]`).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-field-path"))).toBe("target.queue");
    await page.keyboard.type("agents");
    await expect.poll(() => node(page, agent).getAttribute("data-errors")).toBe("0");
    await page.locator('[data-testid="tab-problems"]').click();
    await page.locator('[data-testid="no-problems"]').waitFor();
    await waitSaved(page);
  });

  it("submits the fixed flow, and publishes it once another person approved it", async () => {
    await submitForReview(page, "First version of the after-sales hotline");
    const result = page.locator('[data-testid="publish-result"]');
    await expect.poll(() => result.textContent()).toContain("Version 1");
    await page.locator('[data-testid="review-pending"]').waitFor();
    // Four eyes: an ops colleague approves in their own browser, then the author publishes.
    await approveAndPublish(app, page, flowId);
    const flow = await app.db.prisma.flow.findUniqueOrThrow({ where: { id: flowId }, select: { liveVersion: { select: { number: true } } } });
    expect(flow.liveVersion?.number).toBe(1);
    await screenshot(page, "published");
    await openDesigner(page, flowId);
  });

  it("copies, pastes, undoes and redoes with the keyboard", async () => {
    const count = () => page.locator('[data-testid="flow-node"]').count();
    const before = await count();
    await node(page, ids.order ?? "").locator(".flow-node-header").click();
    await page.keyboard.press("Control+C");
    const pane = await page.locator('[data-testid="flow-canvas"]').boundingBox();
    await page.mouse.move((pane?.x ?? 0) + 60, (pane?.y ?? 0) + 60);
    await page.keyboard.press("Control+V");
    await expect.poll(count).toBe(before + 1);
    await page.keyboard.press("Control+Z");
    await expect.poll(count).toBe(before);
    await page.keyboard.press("Control+Y");
    await expect.poll(count).toBe(before + 1);
    await page.keyboard.press("Delete");
    await expect.poll(count).toBe(before);
    await page.keyboard.press("?");
    await page.locator('[data-testid="help-panel"]').waitFor();
    expect(await page.locator('[data-testid="help-panel"]').textContent()).toContain("Ctrl+Z");
    await page.keyboard.press("?");
    await waitSaved(page);
  });

  it("exports the flow and imports it into another flow unchanged", async () => {
    const download = page.waitForEvent("download");
    await page.locator('[data-testid="export-flow"]').click();
    const file = await (await download).path();
    const exported = z.object({ graph: graphSchema }).parse(JSON.parse(await readFile(file, "utf8")));
    const saved = await draftGraph(flowId);
    expect(exported.graph.nodes).toEqual(saved.graph.nodes);
    expect(exported.graph.edges).toEqual(saved.graph.edges);

    const copyId = await app.createFlow("Imported copy");
    await openDesigner(page, copyId);
    await page.locator('[data-testid="import-file"]').setInputFiles(file);
    await expect.poll(async () => (await draftGraph(copyId)).graph.nodes.length, { timeout: 15_000 }).toBe(saved.graph.nodes.length);
    await expect.poll(() => page.locator('[data-testid="flow-node"]').count()).toBe(saved.graph.nodes.length);
    await waitSaved(page);
    const imported = await draftGraph(copyId);
    expect(imported.graph.nodes).toEqual(saved.graph.nodes);
    expect(imported.graph.edges).toEqual(saved.graph.edges);
  });

  it("does not overwrite a save from another page: it says so and reloads", async () => {
    const other = await context.newPage();
    await openDesigner(page, flowId);
    await openDesigner(other, flowId);
    const before = (await draftGraph(flowId)).revision;

    await select(page, ids.order ?? "");
    await fill(page, "label", "Order status (theirs)");
    await waitSaved(page);
    expect((await draftGraph(flowId)).revision).toBe(before + 1);

    await select(other, ids.order ?? "");
    await fill(other, "label", "Order status (mine)");
    const banner = other.locator('[data-testid="conflict-banner"]');
    await banner.waitFor();
    await screenshot(other, "conflict");
    const stored = await draftGraph(flowId);
    expect(stored.graph.nodes.find((n) => n.id === ids.order)?.label).toBe("Order status (theirs)");

    await other.locator('[data-testid="conflict-copy"]').click();
    expect(await other.evaluate(() => navigator.clipboard.readText())).toContain("Order status (mine)");
    await other.locator('[data-testid="conflict-reload"]').click();
    await banner.waitFor({ state: "detached" });
    await expect.poll(() => node(other, ids.order ?? "").textContent()).toContain("Order status (theirs)");
    await other.close();
  });

  it("speaks Chinese: palette, panels and validator messages", async () => {
    const zh = await newContext(app.browser, "zh-CN");
    await zh.addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: app.url }]);
    const zhPage = await zh.newPage();
    await app.signIn(zhPage);
    const emptyId = await app.createFlow("新流程");
    await openDesigner(zhPage, emptyId);
    expect(await zhPage.locator('[data-testid="palette-menu"]').textContent()).toContain("按键菜单");
    await zhPage.locator('[data-testid="tab-problems"]').click();
    expect(await zhPage.locator('[data-testid="tab-problems"]').textContent()).toContain("问题");
    const problem = zhPage.locator('[data-testid="problem"][data-node-id="start"]').first();
    await expect.poll(() => problem.textContent()).toContain("开始");
    expect(await problem.textContent()).toMatch(/[\u4e00-\u9fff]/);
    await openDesigner(zhPage, flowId);
    await zhPage.waitForTimeout(500);
    await screenshot(zhPage, "designer-zh");
    await zh.close();
  });
});
