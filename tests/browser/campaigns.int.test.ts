import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadMessages } from "@/app/_i18n/load-messages";
import { publishFlow } from "@/app/_server/flows/publish-flow";
import { reminderFlow } from "../support/campaigns";
import { newContext, screenshot } from "./support/browser";
import { startBrowserApp, type BrowserApp } from "./support/browser-app";

const zh = loadMessages("zh-CN");

let app: BrowserApp;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  app = await startBrowserApp();
  await app.db.prisma.user.updateMany({ data: { locale: "zh-CN" } });
  const published = await publishFlow({ graph: { ...reminderFlow(), name: "保养提醒" } }, app.db.prisma);
  if (!published.ok) throw new Error("the reminder flow does not compile");
  context = await newContext(app.browser, "zh-CN");
  page = await context.newPage();
  await app.signIn(page, "marketer");
}, 900_000);

afterAll(async () => {
  await context?.close();
  await app?.stop();
});

describe("campaigns page", () => {
  it("a marketer creates a campaign, adds contacts with a bad row, and sees why it may not start", async () => {
    await page.goto(`${app.url}/campaigns`);
    await page.getByTestId("campaign-name").fill("三年保养提醒");
    await page.getByRole("button", { name: zh.campaigns.create }).click();
    const row = page.getByTestId("campaign-row").filter({ hasText: "三年保养提醒" });
    await row.waitFor();
    await row.getByTestId("campaign-contacts").fill("138 0013 8000, 张三\n12345, 错号\n010-62345678, 李四");
    await row.getByRole("button", { name: zh.campaigns.addContacts }).click();
    await expect.poll(() => page.getByTestId("contacts-added").textContent(), { timeout: 30_000 }).toContain("已添加 2 个联系人");
    expect(await page.getByTestId("contacts-added").textContent()).toContain("第 2 行：号码无效");

    await row.getByTestId("campaign-start").click();
    const refusal = page.getByTestId("campaign-refusal");
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain("未设置主叫号码");
    await screenshot(page, "campaigns-refused-zh");
    // Nothing was lost: still a draft with its contacts.
    const campaign = await app.db.prisma.campaign.findFirstOrThrow({ where: { name: "三年保养提醒" } });
    expect(campaign.state).toBe("draft");
    expect(await app.db.prisma.campaignContact.count({ where: { campaignId: campaign.id } })).toBe(2);
    expect(await row.locator("td").nth(1).textContent()).toBe(zh.campaigns.states.draft);
  }, 120_000);
});
