import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphSchema } from "@/flows-runtime/graph/schema";
import fixture from "@/flows-runtime/fixtures/after-sales-ivr.json";
import { afterSalesHttpPolicy } from "../support/fixtures";
import { startAppOnDevStack, type AppOnDevStack } from "./support/app-on-dev-stack";
import { screenshot } from "./support/browser";
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
});
