import type { Page } from "playwright-core";
import type { HttpPolicy } from "@/flows-runtime/nodes/http-request/http-policy";
import { startDevStack, type DevStack } from "@/workers/dev-stack";
import { newContext } from "./browser";
import { startBrowserApp, type BrowserApp } from "./browser-app";

export interface AppOnDevStack {
  app: BrowserApp;
  /** The engine the app's calls run on (workers, ARI simulator at 0.2× time). */
  stack: DevStack;
  /** A page with the administrator signed in. */
  page: Page;
  stop: () => Promise<void>;
}

/** Starts the browser app on a dev stack whose HTTP request nodes follow `httpPolicy`, and signs in on a new page. */
export async function startAppOnDevStack(httpPolicy: HttpPolicy): Promise<AppOnDevStack> {
  const started: { stack?: DevStack } = {};
  let app: BrowserApp | null = null;
  try {
    app = await startBrowserApp({
      services: async (db) => {
        const stack = await startDevStack({ databaseUrl: db.url, simulator: { timeScale: 0.2 }, httpPolicy });
        started.stack = stack;
        return { ARI_SIM_URL: stack.ari.url, ARI_APP: stack.ari.app };
      },
    });
    const stack = started.stack;
    if (!stack) throw new Error("the dev stack did not start");
    const page = await (await newContext(app.browser)).newPage();
    await app.signIn(page);
    const running = app;
    return {
      app: running,
      stack,
      page,
      stop: async () => {
        await running.stop();
        await stack.stop();
      },
    };
  } catch (error) {
    await app?.stop();
    await started.stack?.stop();
    throw error;
  }
}
