import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphSchema } from "@/flows-runtime/graph/schema";
import fixture from "@/flows-runtime/fixtures/after-sales-ivr.json";
import { afterSalesHttpPolicy } from "../support/fixtures";
import { startAppOnDevStack, type AppOnDevStack } from "./support/app-on-dev-stack";
import { screenshot } from "./support/browser";
import type { BrowserApp } from "./support/browser-app";
import { approveAndPublish } from "./support/approve-and-publish";
import { node } from "./support/canvas";
import { mapEntryPoint } from "@/app/_server/flows/map-entry-point";

// The after-sales IVR, open around the clock so the menu is always reached.
const afterSales = graphSchema.parse({
  ...fixture,
  nodes: fixture.nodes.map((n) =>
    n.id === "hours" ? { ...n, data: { ...n.data, weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, open: "00:00", close: "24:00" })), holidays: [], extraOpenDays: [] } } : n,
  ),
});

let running: AppOnDevStack | null = null;
let app: BrowserApp;
let page: Page;
/** The flow the second test publishes; the third runs it as a subflow. */
let publishedFlowId = "";

beforeAll(async () => {
  // The fixture's shop and CRM hosts are allowed (they do not resolve here: the lookups take the error path).
  running = await startAppOnDevStack(afterSalesHttpPolicy);
  ({ app, page } = running);
}, 900_000);

afterAll(() => running?.stop());

describe("test call from the designer (real engine, ARI simulator)", () => {
  it("plays the menu, follows the key pressed on the keypad and highlights the path", async () => {
    const flowId = await app.createFlow("After-sales (test call)", afterSales);
    await page.goto(`${app.url}/flows/${flowId}`);
    await page.locator('[data-testid="flow-node"]').first().waitFor();
    await page.locator('[data-testid="tab-test-call"]').click();
    await page.locator('[data-testid="test-call-start"]').click();

    const prompts = page.locator('[data-testid="test-call-prompts"] li');
    await expect.poll(() => prompts.first().textContent(), { timeout: 30_000 }).toContain("查询订单状态请按1");
    await expect.poll(() => node(page, "main_menu").getAttribute("class"), { timeout: 10_000 }).toContain("is-active");
    expect(await node(page, "start").getAttribute("class")).toContain("is-visited");
    await screenshot(page, "test-call-menu");

    await page.locator('[data-testid="dial-2"]').click();
    await page.locator('[data-testid="test-call-status"][data-state="ended"]').waitFor({ timeout: 30_000 });
    const trace = await page.locator('[data-testid="test-call-trace"] li').allTextContents();
    expect(trace.length).toBeGreaterThanOrEqual(4);
    expect(trace[2]).toContain("⌨ 2");
    expect(await page.locator(".react-flow__edge.is-taken").count()).toBeGreaterThanOrEqual(3);
    await screenshot(page, "test-call-ended");

    const snapshot = await app.db.prisma.testCallPlan.findFirstOrThrow({ where: { flowId } });
    expect(snapshot.callId).not.toBeNull();
    const execution = await app.db.prisma.callExecution.findUniqueOrThrow({ where: { workflowId: `call-${snapshot.callId}` }, include: { steps: { orderBy: { seq: "asc" } } } });
    expect(execution.steps.map((step) => [step.nodeId, step.port])).toEqual([
      ["start", "next"],
      ["hours", "open"],
      ["main_menu", "option:2"],
      ["to_after_sales", null],
    ]);
    expect(execution.outcome).toBe("transferred");
  });
  it("publishes from the designer after review, and a real call to the flow's number then gets that version", async () => {
    const flowId = await app.createFlow("After-sales (published)", afterSales);
    publishedFlowId = flowId;
    await page.goto(`${app.url}/flows/${flowId}`);
    await page.locator('[data-testid="flow-node"]').first().waitFor();
    await page.locator('[data-testid="submit-review"]').click();
    await page.locator('[data-testid="review-note"]').fill("Ready for callers");
    await page.locator('[data-testid="submit-review-confirm"]').click();
    await expect.poll(() => page.locator('[data-testid="publish-result"]').textContent()).toContain("Version 1");

    await approveAndPublish(app, page, flowId);
    // Provisioned directly: a number proposed in the UI only reaches the flow with its next reviewed version.
    await mapEntryPoint(flowId, { kind: "did", value: "4001" }, app.db.prisma);

    if (!running) throw new Error("the engine is not running");
    const { stack } = running;
    const callId = await stack.placeCall({ to: "4001", from: "13800000000", script: "wait prompt; press 2; expect end; wait 30s" });
    expect((await stack.waitForCall(callId)).result?.outcome).toBe("transferred");
    const live = await app.db.prisma.flow.findUniqueOrThrow({ where: { id: flowId }, select: { liveVersionId: true } });
    const execution = await app.db.prisma.callExecution.findUniqueOrThrow({
      where: { workflowId: `call-${callId}` },
      include: { steps: { orderBy: { seq: "asc" } } },
    });
    expect(execution.flowVersionId).toBe(live.liveVersionId);
    expect(execution.caller).toBe("13800000000");
    expect(execution.steps.map((step) => [step.nodeId, step.port, step.input])).toEqual([
      ["start", "next", null],
      ["hours", "open", null],
      ["main_menu", "option:2", "2"],
      ["to_after_sales", null, null],
    ]);
  });
  it("runs a published flow as a subflow: picked by name, and the subflow node lights up while its steps run", async () => {
    expect(publishedFlowId).not.toBe("");
    const start = afterSales.nodes.find((n) => n.id === "start");
    const frontDesk = graphSchema.parse({
      ...afterSales,
      name: "Front desk",
      variables: [],
      nodes: [start, { id: "sub", type: "subflow", label: "After-sales", position: { x: 320, y: 0 }, data: { flowId: "", inputs: [], outputs: [] } }],
      edges: [{ id: "start:next->sub", source: "start", sourcePort: "next", target: "sub" }],
    });
    const flowId = await app.createFlow("Front desk (subflow)", frontDesk);
    await page.goto(`${app.url}/flows/${flowId}`);
    await node(page, "sub").locator(".flow-node-header").click();
    const picker = page.locator('[data-testid="node-settings"] [data-testid="subflow-flow-select"]:not([data-loading])');
    await picker.waitFor();
    const offered = await picker.locator("option").allTextContents();
    expect(offered).toContain("After-sales (published)");
    expect(offered).not.toContain("After-sales (test call)");
    expect(offered).not.toContain("Front desk (subflow)");
    await picker.selectOption({ label: "After-sales (published)" });
    expect(await picker.inputValue()).toBe(publishedFlowId);

    await page.locator('[data-testid="tab-test-call"]').click();
    await page.locator('[data-testid="test-call-start"]').click();
    // The subflow's menu is playing, and its prompt reads as text (not as the audio URL it was played from).
    await expect.poll(() => page.locator('[data-testid="test-call-prompts"] li').first().textContent(), { timeout: 30_000 }).toContain("查询订单状态请按1");
    expect((await page.locator('[data-testid="test-call-prompts"]').textContent()) ?? "").not.toContain("http://");
    await expect.poll(() => node(page, "sub").getAttribute("class"), { timeout: 10_000 }).toContain("is-active");
    expect(await node(page, "start").getAttribute("class")).toContain("is-visited");
    await screenshot(page, "test-call-subflow");

    await page.locator('[data-testid="dial-2"]').click();
    await page.locator('[data-testid="test-call-status"][data-state="ended"]').waitFor({ timeout: 30_000 });
    expect(await node(page, "sub").getAttribute("class")).toContain("is-visited");
    expect(await page.locator('[data-testid="test-call-trace"] li.in-subflow[data-node-id="sub"]').count()).toBeGreaterThanOrEqual(3);
  });
});
