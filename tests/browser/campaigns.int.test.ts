import iconv from "iconv-lite";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadMessages } from "@/app/_i18n/load-messages";
import { publishFlow } from "@/app/_server/flows/publish-flow";
import { reminderFlow } from "../support/campaigns";
import { newContext, screenshot } from "./support/browser";
import { englishLeaks } from "./support/english-leaks";
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

  it("a marketer imports a GBK contact list, sees the bad row, fixes the file and imports it", async () => {
    await page.goto(`${app.url}/campaigns`);
    await page.getByTestId("campaign-name").fill("五年回访");
    await page.getByRole("button", { name: zh.campaigns.create }).click();
    const row = page.getByTestId("campaign-row").filter({ hasText: "五年回访" });
    await row.waitFor();
    await row.getByTestId("campaign-import").click();
    const panel = page.getByTestId("contact-import");
    await panel.waitFor();
    const header = "手机号,姓名,车型\r\n";
    const choose = (text: string, name: string) => panel.getByTestId("import-file").setInputFiles({ name, mimeType: "text/csv", buffer: iconv.encode(text, "gbk") });

    await choose(`${header}138 0013 8000,张三,轿车\r\n12345,错号,SUV\r\n+86 13800138000,张三,\r\n`, "名单.csv");
    await panel.getByTestId("import-errors").waitFor({ timeout: 30_000 });
    expect(await panel.getByTestId("import-preview").textContent()).toContain("按 GBK 读取");
    expect(await panel.getByTestId("import-preview").textContent()).toContain("重复号码：文件内 1 个");
    expect(await panel.getByTestId("import-error").allTextContents()).toEqual(["第 3 行，号码：号码“12345”不是有效的手机或固话号码（E.164 格式，或带区号的国内号码）"]);
    expect(await panel.getByTestId("import-commit").count()).toBe(0);
    expect(await panel.getByTestId("map-fields.车型").inputValue()).toBe("2");
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, "campaigns-import-bad-row-zh");
    expect(await englishLeaks(page, "campaign contact import", ["GBK", "CSV", "UTF-8", "E.164", "marketer user"])).toEqual([]);
    const campaign = await app.db.prisma.campaign.findFirstOrThrow({ where: { name: "五年回访" } });
    expect(await app.db.prisma.campaignContact.count({ where: { campaignId: campaign.id } })).toBe(0);

    await choose(`${header}138 0013 8000,张三,轿车\r\n010-62345678,李四,SUV\r\n+86 13800138000,张三,\r\n`, "名单-已修正.csv");
    await panel.getByTestId("import-commit").waitFor({ timeout: 30_000 });
    await panel.getByTestId("import-commit").click();
    await panel.getByTestId("import-done").waitFor({ timeout: 30_000 });
    expect(await panel.getByTestId("import-done").textContent()).toBe("已导入 2 个联系人；合并重复：文件内 1 个，已在活动中 0 个。");
    await expect.poll(() => row.locator("td").nth(2).textContent(), { timeout: 30_000 }).toBe("2");
    await screenshot(page, "campaigns-imported-zh");
    const contacts = await app.db.prisma.campaignContact.findMany({ where: { campaignId: campaign.id }, orderBy: { phone: "asc" } });
    expect(contacts.map((contact) => [contact.phone, contact.name, contact.fields])).toEqual([
      ["+861062345678", "李四", { 车型: "SUV" }],
      ["+8613800138000", "张三", { 车型: "轿车" }],
    ]);
  }, 120_000);
});
