import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphSchema } from "@/flows-runtime/graph/schema";
import { ivrGraph } from "../support/graph-builder";
import { newContext, screenshot } from "./support/browser";
import { startBrowserApp, type BrowserApp } from "./support/browser-app";
import { node } from "./support/canvas";

let app: BrowserApp;
let context: BrowserContext;
let page: Page;

const transferFlow = (queue: string) =>
  ivrGraph({
    name: "Transfer to a queue",
    nodes: [
      { id: "start", type: "start" },
      { id: "to_agents", type: "transfer", data: { target: { kind: "queue", queue, priority: 5, skills: [] } } },
      { id: "bye", type: "hangup" },
    ],
    edges: [
      ["start", "next", "to_agents"],
      ["to_agents", "failed", "bye"],
    ],
  });

async function openTransfer(flowId: string): Promise<void> {
  await page.goto(`${app.url}/flows/${flowId}`);
  await node(page, "to_agents").locator(".flow-node-header").click();
  await page.locator('[data-testid="node-settings"][data-node-id="to_agents"]').waitFor();
}

const queueOfDraft = async (flowId: string) => {
  const flow = await app.db.prisma.flow.findUniqueOrThrow({ where: { id: flowId }, select: { draftGraph: true } });
  const transfer = graphSchema.parse(flow.draftGraph).nodes.find((candidate) => candidate.id === "to_agents");
  return JSON.stringify(transfer?.data);
};

beforeAll(async () => {
  app = await startBrowserApp();
  // A business admin who reads Chinese: the account's language, which the UI follows.
  await app.db.prisma.user.updateMany({ data: { locale: "zh-CN" } });
  context = await newContext(app.browser, "zh-CN");
  page = await context.newPage();
  await app.signIn(page);
}, 900_000);

afterAll(async () => {
  await context?.close();
  await app?.stop();
});

describe("a transfer's queue in the designer", () => {
  it("is typed while no queue is defined, saying why", async () => {
    const flowId = await app.createFlow("Before queues", transferFlow("agents"));
    await openTransfer(flowId);
    const field = page.locator('[data-testid="node-settings"] [data-testid="queue-free-text"]');
    expect(await field.inputValue()).toBe("agents");
    expect(await page.locator('[data-testid="queue-select-note"]').textContent()).toContain("还没有定义任何队列");
    expect(await page.locator('[data-testid="queue-select"]').count()).toBe(0);
    await screenshot(page, "transfer-queue-none-defined");
  });

  it("is picked by display name once queues exist, shows the key, and names a queue that does not exist", async () => {
    for (const queue of [
      { name: "after-sales", displayNameZh: "售后服务", displayNameEn: "After-sales" },
      { name: "billing", displayNameZh: "账单查询", displayNameEn: "Billing" },
    ]) {
      await app.db.prisma.queue.create({ data: { ...queue, whenFull: { kind: "hangup" }, whenClosed: { kind: "hangup" } } });
    }
    // Saved before the queues existed, with a typo.
    const flowId = await app.createFlow("With queues", transferFlow("after-sale"));
    await openTransfer(flowId);
    const select = page.locator('[data-testid="node-settings"] [data-testid="queue-select"]');
    await expect.poll(() => select.isEnabled()).toBe(true);
    // Display names in the UI's language, the key as the value.
    const options = await select.locator("option").evaluateAll((list) => list.map((option) => [option.getAttribute("value"), option.textContent]));
    expect(options).toEqual([
      ["after-sale", "after-sale（不存在的队列）"],
      ["after-sales", "售后服务"],
      ["billing", "账单查询"],
    ]);
    expect(await select.getAttribute("aria-invalid")).toBe("true");
    // Live validation names the unknown queue under the field and on the node.
    const errors = page.locator('[data-testid="node-settings"] [data-field="target.queue"] [data-testid="field-errors"]');
    await expect.poll(() => errors.textContent(), { timeout: 15_000 }).toContain("after-sale");
    expect(await errors.textContent()).toContain("不存在");
    await expect.poll(() => node(page, "to_agents").getAttribute("data-errors")).not.toBe("0");
    await screenshot(page, "transfer-queue-unknown");

    await select.selectOption("billing");
    expect(await page.locator('[data-testid="queue-key"]').textContent()).toContain("billing");
    await expect.poll(() => errors.count()).toBe(0);
    await expect.poll(() => node(page, "to_agents").getAttribute("data-errors")).toBe("0");
    await expect.poll(() => queueOfDraft(flowId), { timeout: 15_000 }).toContain('"queue":"billing"');
    await screenshot(page, "transfer-queue-picked");
  });
});
