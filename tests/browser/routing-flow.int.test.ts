import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initialGraph } from "@/app/_server/flows/initial-graph";
import { toJsonObject } from "@/app/_server/flows/to-json-object";
import { graphSchema } from "@/flows-runtime/graph/schema";
import { newContext, screenshot } from "./support/browser";
import { startBrowserApp, type BrowserApp } from "./support/browser-app";
import { approveAndPublish } from "./support/approve-and-publish";
import { connect, dragFromPalette, edgeCount, node, waitSaved } from "./support/canvas";

let app: BrowserApp;
let context: BrowserContext;
let page: Page;
let flowId: string;

async function select(nodeId: string): Promise<void> {
  await node(page, nodeId).locator(".flow-node-header").click();
  await page.locator(`[data-testid="node-settings"][data-node-id="${nodeId}"]`).waitFor();
}

async function pickQueue(queue: string): Promise<void> {
  const field = page.locator('[data-testid="node-settings"] [data-testid="queue-select"]');
  await expect.poll(() => field.isEnabled()).toBe(true);
  await field.selectOption(queue);
}

beforeAll(async () => {
  app = await startBrowserApp();
  for (const [name, displayNameZh] of [["agents", "人工服务"], ["overflow", "溢出队列"]] as const) {
    await app.db.prisma.queue.create({ data: { name, displayNameZh, displayNameEn: name, whenFull: { kind: "voicemail" }, whenClosed: { kind: "hangup" } } });
  }
  const admin = await app.db.prisma.user.findFirstOrThrow({ where: { role: "admin" } });
  const flow = await app.db.prisma.flow.create({
    data: { name: "After-sales routing", kind: "routing", draftGraph: toJsonObject(initialGraph("routing", "After-sales routing")), createdById: admin.id, updatedById: admin.id },
  });
  flowId = flow.id;
  context = await newContext(app.browser);
  page = await context.newPage();
  await app.signIn(page);
}, 900_000);

afterAll(async () => {
  await context?.close();
  await app?.stop();
});

describe("a routing flow in the designer", () => {
  it("offers only routing nodes, and is drawn with the mouse from a routing start", async () => {
    await page.goto(`${app.url}/flows/${flowId}`);
    await node(page, "start").waitFor();
    expect(await node(page, "start").getAttribute("data-node-type")).toBe("routing-start");
    const palette = await page.locator('[data-testid^="palette-"]').evaluateAll((items) => items.map((item) => item.getAttribute("data-testid")));
    expect(palette.sort()).toEqual(["palette-branch", "palette-hangup", "palette-lookup-customer", "palette-queue", "palette-routing-start", "palette-set-variables", "palette-voicemail", "palette-widen"]);
    // a routing flow cannot be test-called (the server refuses it), so the designer offers no test tab
    expect(await page.locator('[data-testid^="tab-"]').evaluateAll((tabs) => tabs.map((tab) => tab.getAttribute("data-testid")))).toEqual(["tab-settings", "tab-problems", "tab-variables"]);

    const queue = await dragFromPalette(page, "queue", 260, 120);
    const widen = await dragFromPalette(page, "widen", 520, 120);
    const voicemail = await dragFromPalette(page, "voicemail", 520, 360);
    await page.locator('[data-testid="flow-canvas"] .react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("l");
    await page.waitForTimeout(400);
    await select(queue);
    await pickQueue("agents");
    await select(widen);
    await pickQueue("overflow");
    await page.keyboard.press("Escape");
    await expect.poll(() => node(page, queue).locator(".flow-port").count()).toBe(3);
    await connect(page, "start", "next", queue);
    await connect(page, queue, "timeout", widen);
    await connect(page, queue, "full", voicemail);
    await connect(page, queue, "no-agents", voicemail);
    await connect(page, widen, "timeout", voicemail);
    expect(await edgeCount(page)).toBe(5);
    await waitSaved(page);
    await page.locator('[data-testid="tab-problems"]').click();
    await page.locator('[data-testid="no-problems"]').waitFor();
    await screenshot(page, "routing-flow-drawn");

    const flow = await app.db.prisma.flow.findUniqueOrThrow({ where: { id: flowId }, select: { draftGraph: true } });
    const graph = graphSchema.parse(flow.draftGraph);
    expect(graph.kind).toBe("routing");
    expect(graph.nodes.map((n) => n.type).sort()).toEqual(["queue", "routing-start", "voicemail", "widen"]);
    expect(graph.nodes.find((n) => n.id === queue)?.data).toMatchObject({ queue: "agents", priority: "5", waitSeconds: 60, skipIfNoAgents: true });
    expect(graph.nodes.find((n) => n.id === widen)?.data).toMatchObject({ queue: "overflow" });
  }, 300_000);

  it("is published after another person's approval, and a queue then hands its calls to it", async () => {
    await page.locator('[data-testid="submit-review"]').click();
    await page.locator('[data-testid="review-note"]').fill("Routing for the after-sales queue");
    await page.locator('[data-testid="submit-review-confirm"]').click();
    await page.locator('[data-testid="review-pending"]').waitFor();
    await approveAndPublish(app, page, flowId);
    const live = await app.db.prisma.flow.findUniqueOrThrow({ where: { id: flowId }, select: { liveVersion: { select: { number: true, plan: true } } } });
    expect(live.liveVersion?.number).toBe(1);
    expect(live.liveVersion?.plan).toMatchObject({ kind: "routing" });

    await page.goto(`${app.url}/admin/queues`);
    await page.locator('[data-testid="queue-row"][data-name="agents"]').getByRole("button", { name: "Edit" }).click();
    const routingSelect = page.locator('[data-testid="queue-routingFlow"]');
    expect(await routingSelect.locator("option").allTextContents()).toEqual(["Default routing (this queue and its overflow settings)", "After-sales routing"]);
    await routingSelect.selectOption(flowId);
    await page.locator('[data-testid="queue-save"]').click();
    await expect.poll(async () => (await app.db.prisma.queue.findUniqueOrThrow({ where: { name: "agents" } })).routingFlowId).toBe(flowId);
    await screenshot(page, "queue-routing-flow");

    // phone numbers are assigned to IVR flows only: the flow list offers them on the IVR's row alone
    const admin = await app.db.prisma.user.findFirstOrThrow({ where: { role: "admin" } });
    await app.db.prisma.flow.create({
      data: { name: "Front desk IVR", kind: "ivr", draftGraph: toJsonObject(initialGraph("ivr", "Front desk IVR")), createdById: admin.id, updatedById: admin.id },
    });
    await page.goto(`${app.url}/flows`);
    const row = (name: string) => page.locator("tr", { hasText: name });
    await row("Front desk IVR").getByRole("button", { name: "Phone numbers" }).waitFor();
    expect(await row("After-sales routing").getByRole("button", { name: "Phone numbers" }).count()).toBe(0);
  }, 300_000);
});
