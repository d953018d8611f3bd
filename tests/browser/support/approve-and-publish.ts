import type { Page } from "playwright-core";
import { expect } from "vitest";
import { newContext } from "./browser";
import { clickUntilShown } from "./click-until-shown";
import type { BrowserApp } from "./browser-app";

/** Four eyes: an ops colleague approves the pending review in their own browser, then `page` publishes it (version 1). */
export async function approveAndPublish(app: BrowserApp, page: Page, flowId: string): Promise<void> {
  const review = await app.db.prisma.flowReview.findFirstOrThrow({ where: { flowId, status: "pending" } });
  const reviewer = await newContext(app.browser);
  await app.signIn(await reviewer.newPage(), "ops");
  expect((await reviewer.request.post(`${app.url}/api/flows/${flowId}/reviews/${review.id}/approve`, { data: {} })).status()).toBe(200);
  await reviewer.close();

  await page.reload();
  // Publish leads to the review's confirmation, which names what goes live.
  await page.locator('[data-testid="publish"]').click();
  await clickUntilShown(page.locator('[data-testid="review-publish-open"]'), page.locator('[data-testid="publish-dialog"]'));
  await page.locator('[data-testid="publish-confirm"]').click();
  await expect.poll(() => page.locator('[data-testid="review-published"]').textContent()).toContain("Version 1 is live");
}
