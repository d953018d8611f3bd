import type { Locator } from "playwright-core";

/**
 * Clicks `button` until `shown` appears, as a person would click again: on a loaded machine a button
 * the server rendered can be clicked before React has hydrated it, and that click does nothing.
 */
export async function clickUntilShown(button: Locator, shown: Locator, attempts = 4): Promise<void> {
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    await button.click();
    try {
      await shown.waitFor({ timeout: 10_000 });
      return;
    } catch {
      // Not shown: click again.
    }
  }
  throw new Error(`clicking ${String(button)} ${attempts} times did not show ${String(shown)}`);
}
