// Profiles one open of a 2,000-node flow in the designer (production build, headless Debian Chromium):
// a CPU profile and a DevTools trace of navigation -> nodes painted, written to PROFILE_DIR (default /tmp).
//   npx tsx scripts/bench/designer-profile.ts [menus=500]
import { writeFileSync } from "node:fs";
import path from "node:path";
import { newContext } from "../../tests/browser/support/browser";
import { startBrowserApp } from "../../tests/browser/support/browser-app";
import { generateLargeFlow } from "./designer-graph";

async function main(): Promise<void> {
  const menus = Number(process.argv[2] ?? 500);
  const out = process.env.PROFILE_DIR ?? "/tmp";
  const graph = generateLargeFlow(menus);
  const app = await startBrowserApp();
  try {
    const flowId = await app.createFlow(graph.name ?? "bench", graph);
    const context = await newContext(app.browser);
    const page = await context.newPage();
    await app.signIn(page);
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
    // Warm the server and the HTTP cache once, like the bench's later runs.
    await page.goto(`${app.url}/flows/${flowId}`);
    await page.waitForFunction("window.__ccShown !== undefined", undefined, { timeout: 60_000 });
    await page.goto(`${app.url}/flows`);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
    await cdp.send("Profiler.start");
    await app.browser.startTracing(page, { path: path.join(out, "designer-trace.json"), screenshots: false });
    await page.goto(`${app.url}/flows/${flowId}`);
    await page.waitForFunction("window.__ccShown !== undefined", undefined, { timeout: 60_000 });
    const shown = Number(await page.evaluate("window.__ccShown"));
    process.stdout.write(`rendered: ${await page.locator(".react-flow__node").count()} nodes, ${await page.locator(".react-flow__edge").count()} edges\n`);
    await page.waitForTimeout(300);
    await app.browser.stopTracing();
    const { profile } = await cdp.send("Profiler.stop");
    writeFileSync(path.join(out, "designer.cpuprofile"), JSON.stringify(profile));
    // The start of a drag (selecting the node, opening its settings), as in designer-open.ts.
    // PROFILE_DRAG_WAIT=0 drags right after the open, as designer-open.ts does.
    await page.waitForTimeout(Number(process.env.PROFILE_DRAG_WAIT ?? 3000));
    const box = await page.locator('[data-testid="flow-node"][data-node-id="menu_0"] .flow-node-header').boundingBox();
    if (box === null) throw new Error("menu_0 is not on screen");
    await cdp.send("Profiler.start");
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let step = 1; step <= 10; step += 1) {
      await page.mouse.move(x + step * 3, y);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
    const drag = await cdp.send("Profiler.stop");
    writeFileSync(path.join(out, "designer-drag.cpuprofile"), JSON.stringify(drag.profile));
    const measures = await page.evaluate(`JSON.stringify(performance.getEntriesByType("measure").map((m) => [m.name, Math.round(m.startTime), Math.round(m.duration)]))`);
    process.stdout.write(`shown at ${shown.toFixed(1)} ms; measures ${String(measures)}\n`);
    await context.close();
  } finally {
    await app.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
