import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphSchema } from "@/flows-runtime/graph/schema";
import fixture from "@/flows-runtime/fixtures/after-sales-ivr.json";
import { afterSalesHttpPolicy } from "../support/fixtures";
import { startAppOnDevStack, type AppOnDevStack } from "./support/app-on-dev-stack";
import { newContext, screenshot } from "./support/browser";
import type { BrowserApp } from "./support/browser-app";

const afterSales = graphSchema.parse(fixture);

let running: AppOnDevStack | null = null;
let app: BrowserApp;
let page: Page;

beforeAll(async () => {
  running = await startAppOnDevStack(afterSalesHttpPolicy);
  ({ app, page } = running);
}, 900_000);

afterAll(() => running?.stop());

describe("a saved test case at a pretended time (designer, engine, simulator, review page)", () => {
  it("is saved from a test call at 05:37 Shanghai time, reruns and passes, and passes on the candidate's review page", async () => {
    const flowId = await app.createFlow("After-sales (test cases)", afterSales);
    await page.goto(`${app.url}/flows/${flowId}`);
    await page.locator('[data-testid="flow-node"]').first().waitFor();
    await page.locator('[data-testid="tab-test-call"]').click();

    // Pretend it is 05:37 on a Wednesday in Shanghai: the line is closed, whatever the real time.
    await page.locator('[data-testid="pretend-form"] summary').click();
    await page.locator('[data-testid="pretend-clock-on"]').check();
    await page.locator('[data-testid="pretend-date"]').fill("2026-12-02");
    await page.locator('[data-testid="pretend-time"]').fill("05:37");
    expect(await page.locator('[data-testid="pretend-time-zone"]').inputValue()).toBe("Asia/Shanghai");
    await screenshot(page, "test-cases-pretend");
    await page.locator('[data-testid="test-call-start"]').click();
    await expect.poll(() => page.locator('[data-testid="test-call-prompts"] li').first().textContent(), { timeout: 30_000 }).toContain("非工作时间");
    await page.locator('[data-testid="test-call-status"][data-state="ended"]').waitFor({ timeout: 60_000 });

    // Save it, expecting exactly what the call did.
    await page.locator('[data-testid="save-case"] summary').click();
    await page.locator('[data-testid="save-case-name"]').fill("Closed at dawn");
    await page.locator('[data-testid="save-case-from-call"]').click();
    expect((await page.locator('[data-testid="save-case-nodes"]').inputValue()).split("\n")).toEqual(["来电接入", "工作时间判断", "非工作时间留言", "留言致谢", "挂机"]);
    expect(await page.locator('[data-testid="save-case-outcome"]').inputValue()).toBe("completed");
    await page.locator('[data-testid="save-case-submit"]').click();
    const saved = page.locator('[data-testid="saved-case"][data-name="Closed at dawn"]');
    await saved.waitFor();
    const stored = await app.db.prisma.testCase.findFirstOrThrow({ where: { flowId } });
    expect(stored.pretend).toEqual({ clock: { date: "2026-12-02", time: "05:37", timeZone: "Asia/Shanghai" } });

    // Rerun it on the draft.
    await saved.locator('[data-testid="saved-case-run"]').click();
    await saved.locator('[data-testid="case-run"][data-status="passed"]').waitFor({ timeout: 90_000 });
    expect(await saved.locator('[data-testid="case-result"][data-ok="true"]').count()).toBe(2);
    await screenshot(page, "test-cases-rerun-passed");

    // Submit for review: the case runs on the candidate and the review page shows it passing.
    await page.locator('[data-testid="submit-review"]').click();
    await page.locator('[data-testid="review-note"]').fill("First version, closed hours checked");
    await page.locator('[data-testid="submit-review-confirm"]').click();
    await expect.poll(() => page.locator('[data-testid="publish-result"]').textContent(), { timeout: 30_000 }).toContain("Version 1");
    const review = await app.db.prisma.flowReview.findFirstOrThrow({ where: { flowId } });
    await page.goto(`${app.url}/history/${flowId}/reviews/${review.id}`);
    const onReview = page.locator('[data-testid="review-case"][data-name="Closed at dawn"]');
    await onReview.waitFor();
    await page.locator('[data-testid="review-case"][data-status="passed"]').waitFor({ timeout: 90_000 });
    expect(await page.locator('[data-testid="review-test-cases-summary"]').textContent()).toContain("1 of 1 passed");
    await page.locator('[data-testid="review-test-cases"]').scrollIntoViewIfNeeded();
    await screenshot(page, "test-cases-review");
  }, 300_000);

  it("edits a saved case's name, pretend settings and expectations, reruns it, shows its canned HTTP answer as canned on the call page, and deletes it after asking", async () => {
    const flowId = await app.createFlow("After-sales (editing cases)", afterSales);
    // A case saved earlier that expects the wrong thing: at 10:00 the VIP caller reaches the menu, not the voicemail.
    const seeded = await app.db.prisma.testCase.create({
      data: {
        flowId,
        name: "VIP draft",
        pretend: { clock: { date: "2026-12-02", time: "10:00", timeZone: "Asia/Shanghai" }, http: [{ nodeId: "lookup_customer", status: 200, body: { data: { tier: "standard" } } }] },
        inputs: [{ afterPrompt: 1, keys: "0" }],
        expectations: { path: { mode: "passes-through", nodes: ["非工作时间留言"] }, outcome: null },
        createdById: app.users.admin.id,
        updatedById: app.users.admin.id,
      },
    });
    await page.goto(`${app.url}/flows/${flowId}`);
    await page.locator('[data-testid="flow-node"]').first().waitFor();
    await page.locator('[data-testid="tab-test-call"]').click();
    const row = page.locator('[data-testid="saved-case"][data-name="VIP draft"]');
    await row.locator('[data-testid="saved-case-edit"]').click();
    const form = row.locator('[data-testid="edit-case"]');
    // The form opens with what was saved.
    expect(await form.locator('[data-testid="pretend-time"]').inputValue()).toBe("10:00");
    expect(await form.locator('[data-testid="edit-case-nodes"]').inputValue()).toBe("非工作时间留言");
    await form.locator('[data-testid="edit-case-name"]').fill("VIP at ten");
    await form.locator('[data-testid="pretend-caller"]').fill("13900001111");
    const canned = form.locator('[data-testid="pretend-http"][data-node-id="lookup_customer"] textarea');
    await canned.fill('{"data": {"tier": "vip"}}');
    await form.locator('[data-testid="edit-case-nodes"]').fill("主菜单\nlookup_customer\nto_agents_vip");
    await form.locator('[data-testid="edit-case-outcome"]').selectOption("transferred");
    await form.locator('[data-testid="edit-case-target"]').fill("agents");
    await screenshot(page, "test-cases-edit");
    await form.locator('[data-testid="edit-case-save"]').click();

    const edited = page.locator('[data-testid="saved-case"][data-name="VIP at ten"]');
    await edited.waitFor();
    expect(await page.locator('[data-testid="saved-case"][data-name="VIP draft"]').count()).toBe(0);
    const stored = await app.db.prisma.testCase.findUniqueOrThrow({ where: { id: seeded.id } });
    expect(stored).toMatchObject({
      name: "VIP at ten",
      pretend: { caller: "13900001111", http: [{ nodeId: "lookup_customer", status: 200, body: { data: { tier: "vip" } } }] },
      inputs: [{ afterPrompt: 1, keys: "0" }],
      expectations: { path: { mode: "passes-through", nodes: ["主菜单", "lookup_customer", "to_agents_vip"] }, outcome: { kind: "transferred", target: "agents" } },
    });
    const update = await app.db.prisma.auditEntry.findFirstOrThrow({ where: { flowId, action: "testCase.update" } });
    expect(update).toMatchObject({ actorId: app.users.admin.id, targetId: seeded.id, details: { before: { name: "VIP draft" }, after: { name: "VIP at ten" } } });

    // Rerun: the edited expectations hold.
    await edited.locator('[data-testid="saved-case-run"]').click();
    await edited.locator('[data-testid="case-run"][data-status="passed"]').waitFor({ timeout: 120_000 });

    // The call's page says the CRM lookup was the case's canned answer, not a request that went out.
    const run = await app.db.prisma.testCaseRun.findFirstOrThrow({ where: { testCaseId: seeded.id }, orderBy: { startedAt: "desc" } });
    const execution = await app.db.prisma.callExecution.findFirstOrThrow({ where: { testCallPlanId: run.testCallPlanId } });
    await page.goto(`${app.url}/calls/${execution.id}`);
    const request = page.locator('[data-testid="call-http-row"]');
    await request.waitFor();
    expect(await request.getAttribute("data-canned")).toBe("yes");
    expect(await request.locator('[data-testid="call-http-canned"]').textContent()).toContain("no request was sent");
    // Where the call went, in words rather than the stored JSON.
    expect(await page.locator('[data-testid="call-handover"]').textContent()).toBe("the queue agents · skills: vip · priority 9");
    await request.scrollIntoViewIfNeeded();
    await screenshot(page, "test-cases-canned-on-call-page");

    // Delete: asked first; cancelling keeps it, confirming removes it (audited).
    await page.goto(`${app.url}/flows/${flowId}`);
    await page.locator('[data-testid="flow-node"]').first().waitFor();
    await page.locator('[data-testid="tab-test-call"]').click();
    await edited.locator('[data-testid="saved-case-delete"]').click();
    await edited.locator('[data-testid="saved-case-delete-confirm"]').waitFor();
    await edited.locator('[data-testid="saved-case-delete-confirm"] button').first().click();
    expect(await edited.count()).toBe(1);
    expect(await app.db.prisma.testCase.count({ where: { id: seeded.id } })).toBe(1);
    await edited.locator('[data-testid="saved-case-delete"]').click();
    await edited.locator('[data-testid="saved-case-delete-yes"]').click();
    await edited.waitFor({ state: "detached" });
    expect(await app.db.prisma.testCase.count({ where: { id: seeded.id } })).toBe(0);
    const deleted = await app.db.prisma.auditEntry.findFirstOrThrow({ where: { flowId, action: "testCase.delete" } });
    expect(deleted).toMatchObject({ targetId: seeded.id, details: { deleted: { name: "VIP at ten" } } });
    // Its run stays (a review still shows what ran).
    expect(await app.db.prisma.testCaseRun.count({ where: { id: run.id } })).toBe(1);
  }, 400_000);

  it("lets someone who may only view the flow rerun its saved cases, without editing or deleting them", async () => {
    const flowId = await app.createFlow("After-sales (viewer reruns)", afterSales);
    await app.db.prisma.testCase.create({
      data: {
        flowId,
        name: "Closed at dawn",
        pretend: { clock: { date: "2026-12-02", time: "05:37", timeZone: "Asia/Shanghai" } },
        inputs: [],
        expectations: { path: { mode: "passes-through", nodes: ["非工作时间留言"] }, outcome: { kind: "completed" } },
        createdById: app.users.admin.id,
        updatedById: app.users.admin.id,
      },
    });
    // A marketer may view IVR flows but not edit them.
    const viewer = await newContext(app.browser);
    const viewerPage = await viewer.newPage();
    try {
      await app.signIn(viewerPage, "marketer");
      await viewerPage.goto(`${app.url}/flows/${flowId}`);
      await viewerPage.locator('[data-testid="flow-node"]').first().waitFor();
      const tab = viewerPage.locator('[data-testid="tab-test-call"]');
      expect(await tab.textContent()).toBe("Test cases");
      await tab.click();
      const row = viewerPage.locator('[data-testid="saved-case"][data-name="Closed at dawn"]');
      await row.waitFor();
      expect(await viewerPage.locator('[data-testid="test-call-start"]').count()).toBe(0);
      // Nothing to drag onto a canvas they cannot change.
      expect(await viewerPage.locator(".palette").count()).toBe(0);
      expect(await row.locator('[data-testid="saved-case-edit"], [data-testid="saved-case-delete"]').count()).toBe(0);
      await row.locator('[data-testid="saved-case-run"]').click();
      await row.locator('[data-testid="case-run"][data-status="passed"]').waitFor({ timeout: 120_000 });
      await screenshot(viewerPage, "test-cases-viewer-rerun");
    } finally {
      await viewer.close();
    }
  }, 300_000);
});
