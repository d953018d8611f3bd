import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadMessages } from "@/app/_i18n/load-messages";
import { newContext, screenshot } from "./support/browser";
import { startBrowserApp, type BrowserApp } from "./support/browser-app";

const en = loadMessages("en");
const zh = loadMessages("zh-CN");

let app: BrowserApp;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  app = await startBrowserApp();
  context = await newContext(app.browser, "en");
  page = await context.newPage();
  await app.signIn(page, "admin");
}, 900_000);

afterAll(async () => {
  await context?.close();
  await app?.stop();
});

describe("queue administration in the browser", () => {
  it("adds skills, and shows the API's refusal of a name taken twice", async () => {
    await page.goto(`${app.url}/admin/queues/skills`);
    for (const [name, zhName, enName] of [["repair", "维修", "Repair"], ["billing", "账单", "Billing"]] as const) {
      await page.getByTestId("skill-name").fill(name);
      await page.getByTestId("skill-displayNameZh").fill(zhName);
      await page.getByTestId("skill-displayNameEn").fill(enName);
      await page.getByRole("button", { name: en.queues.createSkill }).click();
      await page.getByTestId("skill-row").filter({ hasText: enName }).waitFor();
    }
    await page.getByTestId("skill-name").fill("repair");
    await page.getByTestId("skill-displayNameZh").fill("重复");
    await page.getByTestId("skill-displayNameEn").fill("Again");
    await page.getByRole("button", { name: en.queues.createSkill }).click();
    await expect.poll(() => page.locator(".alert.error").textContent(), { timeout: 30_000 }).toContain("A skill named repair exists already.");
    expect(await page.getByTestId("skill-row").count()).toBe(2);
    await screenshot(page, "queues-skills");
  });

  it("lists the seeded not-ready reasons and adds one", async () => {
    await page.goto(`${app.url}/admin/queues/reasons`);
    const rows = page.getByTestId("reason-row");
    await rows.first().waitFor();
    const text = await page.getByTestId("reason-table").textContent();
    for (const name of ["未接听", "小休", "就餐", "培训", "会议", "Short break", "Meal", "Training", "Meeting"]) expect(text).toContain(name);
    await page.getByTestId("reason-code").fill("coaching");
    await page.getByTestId("reason-nameZh").fill("辅导");
    await page.getByTestId("reason-nameEn").fill("Coaching");
    await page.getByRole("button", { name: en.queues.createReason }).click();
    await rows.filter({ hasText: "Coaching" }).waitFor();
    expect(await rows.count()).toBe(6);
    await screenshot(page, "queues-reasons");
  });

  it("gives the agent an extension and a skill with its proficiency", async () => {
    await page.goto(`${app.url}/admin/queues/agents`);
    const row = page.locator('[data-testid="agent-row"][data-email="agent@browser.test"]');
    await row.getByTestId("agent-edit").click();
    await page.getByTestId("agent-extension").fill("1001");
    await page.getByTestId("agent-skill-repair").check();
    await page.getByTestId("agent-proficiency-repair").selectOption("4");
    await page.getByTestId("agent-save").click();
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toContain("PJSIP/1001");
    expect(await row.textContent()).toContain("Repair 4");
    // Only the agent role has a profile: the admin's own row is not offered.
    expect(await page.locator('[data-testid="agent-row"][data-email="admin@browser.test"]').count()).toBe(0);
    await screenshot(page, "queues-agents");
  });

  it("creates a queue, and names the field the API refuses", async () => {
    await page.goto(`${app.url}/admin/queues`);
    await page.getByTestId("queue-name").fill("After Sales");
    await page.getByTestId("queue-displayNameZh").fill("售后");
    await page.getByTestId("queue-displayNameEn").fill("After-sales");
    await page.getByTestId("queue-skill-repair").check();
    await page.getByTestId("queue-save").click();
    const alert = page.locator(".alert.error");
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toContain("name");
    expect(await alert.textContent()).toContain(en.fieldMessages.keyName);
    await page.getByTestId("queue-name").fill("after-sales");
    await page.getByTestId("queue-serviceLevelSeconds").fill("30");
    await page.getByTestId("queue-callbackEnabled").check();
    await page.getByTestId("queue-callbackAfterSeconds").fill("45");
    await page.getByTestId("queue-recording").selectOption("ask");
    await page.getByTestId("queue-save").click();
    const row = page.locator('[data-testid="queue-row"][data-name="after-sales"]');
    await row.waitFor();
    expect(await row.textContent()).toContain("80% within 30 s");
    await screenshot(page, "queues-queues");
    const stored = await app.db.prisma.queue.findUniqueOrThrow({ where: { name: "after-sales" } });
    const repair = await app.db.prisma.skill.findUniqueOrThrow({ where: { name: "repair" } });
    expect(stored).toMatchObject({ serviceLevelPercent: 80, serviceLevelSeconds: 30, requiredSkills: [{ skillId: repair.id, minProficiency: 1 }], hours: null, whenFull: { kind: "voicemail" }, callbackEnabled: true, callbackAfterSeconds: 45, callbackKey: "1", callbackRetries: 2, recording: "ask" });
    const actions = (await app.db.prisma.auditEntry.findMany({ where: { actorId: app.users.admin.id } })).map((e) => e.action);
    for (const action of ["skill.create", "notReadyReason.create", "agentProfile.set", "queue.create"]) expect(actions).toContain(action);
  });

  it("lets the agent sign in and take a break with a reason, stored with its time", async () => {
    const agentContext = await newContext(app.browser, "en");
    try {
      const agentPage = await agentContext.newPage();
      await app.signIn(agentPage, "agent");
      const headers = { origin: app.url };
      const url = `${app.url}/api/queues/agents/me/state`;
      const available = await agentPage.request.put(url, { headers, data: { state: "available" } });
      expect(available.status(), await available.text()).toBe(200);
      expect((await available.json()).agentState).toMatchObject({ state: "available", dialString: "PJSIP/1001" });
      const noReason = await agentPage.request.put(url, { headers, data: { state: "not_ready" } });
      expect(noReason.status()).toBe(400);
      expect((await noReason.json()).error.fields).toEqual([{ field: "reasonId", message: "choose a reason" }]);
      const lunch = await agentPage.request.put(url, { headers, data: { state: "not_ready", reasonId: "reason-meal" } });
      expect((await lunch.json()).agentState).toMatchObject({ state: "not_ready", reasonId: "reason-meal" });
      const changes = await app.db.prisma.agentStateChange.findMany({ where: { agentId: app.users.agent.id }, orderBy: { id: "asc" } });
      expect(changes.map((c) => [c.state, c.reasonId])).toEqual([["available", null], ["not_ready", "reason-meal"]]);
      // The admin pages are not the agent's.
      expect((await agentPage.request.get(`${app.url}/api/queues`)).status()).toBe(403);
    } finally {
      await agentContext.close();
    }
  });

  it("shows the queue pages in Chinese", async () => {
    const zhContext = await newContext(app.browser, "zh-CN");
    try {
      const zhPage = await zhContext.newPage();
      await app.db.prisma.user.update({ where: { id: app.users.admin.id }, data: { locale: "zh-CN" } });
      await app.signIn(zhPage, "admin");
      await zhPage.goto(`${app.url}/admin/queues`);
      expect(await zhPage.locator("h1").textContent()).toBe(zh.queues.title);
      expect(await zhPage.locator('[data-testid="queue-row"][data-name="after-sales"]').textContent()).toContain("30 秒内接通 80%");
      await screenshot(zhPage, "queues-queues-zh");
      await zhPage.goto(`${app.url}/admin/queues/agents`);
      expect(await zhPage.getByTestId("agent-row").first().textContent()).toContain("维修 4");
      await screenshot(zhPage, "queues-agents-zh");
    } finally {
      await zhContext.close();
    }
  });
});
