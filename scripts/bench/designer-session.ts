import type { BrowserContext, Page } from "playwright-core";
import type { Graph } from "../../flows-runtime/graph/schema";
import { newContext } from "../../tests/browser/support/browser";
import { startBrowserApp, type BrowserApp } from "../../tests/browser/support/browser-app";
import { generateLargeFlow } from "./designer-graph";

export interface DesignerSession {
  app: BrowserApp;
  context: BrowserContext;
  page: Page;
  graph: Graph;
  /** The designer page of the generated flow. */
  flowUrl: string;
}

/**
 * Runs `measure` against the production app with a generated flow of `menus` menus, signed in, the
 * page already marking the first frame with nodes on screen; stops everything afterwards.
 */
export async function withDesignerSession(menus: number, measure: (session: DesignerSession) => Promise<void>): Promise<void> {
  const graph = generateLargeFlow(menus);
  const app = await startBrowserApp();
  try {
    const flowId = await app.createFlow(graph.name ?? "bench", graph);
    const context = await newContext(app.browser);
    const page = await context.newPage();
    await app.signIn(page);
    // A string: tsx would wrap a function's inner names in a helper the page does not have.
    await page.addInitScript(`(() => {
      const mark = () => {
        if (document.querySelector(".react-flow__node") !== null) {
          requestAnimationFrame(() => requestAnimationFrame(() => { window.__ccShown = performance.now(); }));
          return;
        }
        requestAnimationFrame(mark);
      };
      requestAnimationFrame(mark);
    })()`);
    await measure({ app, context, page, graph, flowUrl: `${app.url}/flows/${flowId}` });
    await context.close();
  } finally {
    await app.stop();
  }
}

/** Opens the flow and returns when nodes were first painted, in ms from the navigation's start. */
export async function openAndWaitShown(session: DesignerSession): Promise<number> {
  await session.page.goto(session.flowUrl);
  // Polled from outside: waitForFunction with a string evaluates it in the page, which the app's
  // Content-Security-Policy (no 'unsafe-eval') refuses.
  const deadline = Date.now() + 60_000;
  while ((await session.page.evaluate("window.__ccShown === undefined")) === true) {
    if (Date.now() > deadline) throw new Error("the flow's nodes were not painted within 60 s");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Number(await session.page.evaluate("window.__ccShown"));
}

/** Centre of the first menu's header: where the benchmarks press to drag a node. */
export async function dragStartPoint(page: Page): Promise<{ x: number; y: number }> {
  const box = await page.locator('[data-testid="flow-node"][data-node-id="menu_0"] .flow-node-header').boundingBox();
  if (box === null) throw new Error("menu_0 is not on screen");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

export function runBench(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
