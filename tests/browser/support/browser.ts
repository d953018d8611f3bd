import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./build-app";

/** Debian's Chromium, never a downloaded browser build. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

export async function newContext(browser: Browser, locale: "en" | "zh-CN" = "en"): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale, acceptDownloads: true });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  return context;
}

export const SCREENSHOTS = path.join(ROOT, "artifacts", "screenshots");

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}
