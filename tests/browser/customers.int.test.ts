// Customers in Chromium against the production build, in Chinese: a GBK CSV with a bad row is refused
// with the row and field named and nothing imported; the fixed file imports. Then an agent gets an
// offer and sees the screen pop with the customer's tags before answering.
import iconv from "iconv-lite";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createQueueActivities } from "@/workers/queues/queue-activities";
import { englishLeaks } from "./support/english-leaks";
import { newContext, screenshot } from "./support/browser";
import { startBrowserApp, type BrowserApp } from "./support/browser-app";

let app: BrowserApp;
let activities: ReturnType<typeof createQueueActivities>;
let opsContext: BrowserContext;
let agentContext: BrowserContext;
let ops: Page;
let desk: Page;

const header = "姓名,电话,会员等级,标签,订单号\r\n";
const badFile = `${header}王芳,13800138000,VIP,VIP客户;家电产品用户,20261201\r\n,13900139000,,,\r\n`;
const goodFile = `${header}王芳,13800138000,VIP,VIP客户;家电产品用户,20261201\r\n李雷,13900139000,金卡,多次投诉客户,20261202\r\n`;
const userData = ["王芳", "李雷", "VIP", "+8613800138000", "+8613900139000", "20261201", "20261202", "GBK", "CSV", "13800138000", "orderNumber", "after-sales", "ops user", "agent user"];

beforeAll(async () => {
  app = await startBrowserApp();
  activities = createQueueActivities(app.db.prisma);
  await app.db.prisma.user.updateMany({ data: { locale: "zh-CN" } });
  await app.db.prisma.customerField.create({ data: { key: "orderNumber", labelZh: "订单号", labelEn: "Order number", type: "text" } });
  await app.db.prisma.agentProfile.create({ data: { userId: app.users.agent.id, extension: "1001", languages: ["zh"] } });
  await app.db.prisma.queue.create({ data: { name: "after-sales", displayNameZh: "售后服务", displayNameEn: "After-sales service", whenFull: { kind: "voicemail" }, whenClosed: { kind: "voicemail" } } });
  opsContext = await newContext(app.browser, "zh-CN");
  agentContext = await newContext(app.browser, "zh-CN");
  ops = await opsContext.newPage();
  desk = await agentContext.newPage();
  await app.signIn(ops, "ops");
  await app.signIn(desk, "agent");
}, 900_000);

afterAll(async () => {
  await opsContext?.close();
  await agentContext?.close();
  await app?.stop();
});

async function chooseFile(text: string, name: string): Promise<void> {
  await ops.getByTestId("import-file").setInputFiles({ name, mimeType: "text/csv", buffer: iconv.encode(text, "gbk") });
}

describe("customers in Chinese", () => {
  it("refuses a GBK file with a bad row, naming the row and field, then imports the fixed file", async () => {
    await ops.goto(`${app.url}/admin/customers`);
    await ops.getByTestId("customer-import").waitFor();
    await chooseFile(badFile, "客户.csv");
    const errors = ops.getByTestId("import-errors");
    await errors.waitFor({ timeout: 30_000 });
    expect(await ops.getByTestId("import-preview").textContent()).toContain("按 GBK 读取");
    expect(await ops.getByTestId("import-error").allTextContents()).toEqual(["第 3 行，姓名：姓名为必填项"]);
    expect(await ops.getByTestId("import-commit").count()).toBe(0);
    expect(await ops.getByTestId("map-attributes.orderNumber").inputValue()).toBe("4");
    await errors.scrollIntoViewIfNeeded();
    await screenshot(ops, "customers-import-bad-row-zh");
    expect(await app.db.prisma.customer.count()).toBe(0);
    expect(await englishLeaks(ops, "customers import", userData)).toEqual([]);

    await chooseFile(goodFile, "客户-已修正.csv");
    await ops.getByTestId("import-commit").waitFor({ timeout: 30_000 });
    await ops.getByTestId("import-commit").click();
    await ops.getByTestId("import-done").waitFor({ timeout: 30_000 });
    expect(await ops.getByTestId("import-done").textContent()).toBe("已导入：新建 2 位，更新 0 位。");
    await ops.locator('[data-testid="customer-row"]', { hasText: "李雷" }).waitFor({ timeout: 30_000 });
    expect(await ops.getByTestId("customer-row").count()).toBe(2);
    await screenshot(ops, "customers-imported-zh");
    const wang = await app.db.prisma.customer.findFirstOrThrow({ where: { name: "王芳" }, include: { phones: true } });
    expect(wang).toMatchObject({ memberLevel: "VIP", tags: ["VIP客户", "家电产品用户"], attributes: { orderNumber: "20261201" } });

    await ops.goto(`${app.url}/customers/${wang.id}`);
    await ops.getByTestId("customer-facts").waitFor();
    expect(await ops.getByTestId("customer-tag").allTextContents()).toEqual(["VIP客户", "家电产品用户"]);
    await ops.getByTestId("interactions-empty").waitFor();
    expect(await englishLeaks(ops, "customer profile", userData)).toEqual([]);
    await ops.goto(`${app.url}/admin/customers/fields`);
    await ops.getByTestId("field-row").waitFor();
    expect(await englishLeaks(ops, "customer fields", userData)).toEqual([]);
    await screenshot(ops, "customer-fields-zh");
  });

  it("pops the customer with their tags on the agent page while the call still rings", async () => {
    await desk.goto(`${app.url}/agent`);
    await desk.getByTestId("desk-sign-in").click();
    await desk.locator('[data-testid="agent-desk"][data-state="available"]').waitFor({ timeout: 30_000 });
    expect(await activities.queueEnqueue({ callId: "pop-call", queue: "after-sales", priority: 8 })).toMatchObject({ status: "queued", offer: { agentId: app.users.agent.id } });
    await app.db.prisma.queuedCall.update({ where: { id: "pop-call" }, data: { callerNumber: "13800138000", dialedNumber: "4008001234", variables: { orderNumber: "20261201" } } });
    const pop = desk.getByTestId("screen-pop");
    await pop.waitFor({ timeout: 30_000 });
    expect(await desk.getByTestId("desk-call").getAttribute("data-status")).toBe("offered");
    expect(await pop.getByTestId("customer-facts-name").textContent()).toBe("王芳");
    expect(await pop.getByTestId("customer-tag").allTextContents()).toEqual(["VIP客户", "家电产品用户"]);
    expect(await pop.getByTestId("screen-pop-why").textContent()).toContain("售后服务");
    expect(await pop.getByTestId("screen-pop-why").textContent()).toContain("优先级 8");
    expect(await desk.getByTestId("desk-variable-orderNumber").textContent()).toContain("20261201");
    await screenshot(desk, "agent-screen-pop-zh");
    expect(await englishLeaks(desk, "agent screen pop", userData)).toEqual([]);
    await activities.queueLeave({ callId: "pop-call" });
  });
});
