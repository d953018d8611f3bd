// Opens a 2,000-node flow in the designer (production build, headless Debian Chromium) and prints
// how long it takes to show, then frame times while dragging a node.
//   bash scripts/test.sh --project unit --run /dev/null   # once: migrates the test template database
//   npx tsx scripts/bench/designer-open.ts [menus=500]
import { newContext } from "../../tests/browser/support/browser";
import { startBrowserApp } from "../../tests/browser/support/browser-app";
import { generateLargeFlow } from "./designer-graph";

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? NaN;
const fmt = (ms: number): string => `${ms.toFixed(1)} ms`;

async function main(): Promise<void> {
  const menus = Number(process.argv[2] ?? 500);
  const graph = generateLargeFlow(menus);
  const app = await startBrowserApp();
  try {
    const flowId = await app.createFlow(graph.name ?? "bench", graph);
    const context = await newContext(app.browser);
    const page = await context.newPage();
    await app.signIn(page);
    // Marks the first frame in which nodes are on screen, relative to the navigation's start. A string:
    // tsx would wrap a function's inner names in a helper the page does not have.
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
    const runs: number[] = [];
    let phases = "";
    for (let run = 0; run < 3; run += 1) {
      await page.goto(`${app.url}/flows/${flowId}`);
      await page.waitForFunction("window.__ccShown !== undefined", undefined, { timeout: 60_000 });
      runs.push(Number(await page.evaluate("window.__ccShown")));
      phases = String(
        await page.evaluate(`(() => {
          const n = performance.getEntriesByType("navigation")[0];
          return "server response done " + n.responseEnd.toFixed(0) + " ms, DOMContentLoaded " + n.domContentLoadedEventEnd.toFixed(0) + " ms, load " + n.loadEventEnd.toFixed(0) + " ms";
        })()`),
      );
    }
    const rendered = await page.locator(".react-flow__node").count();

    const target = page.locator('[data-testid="flow-node"][data-node-id="menu_0"] .flow-node-header');
    const box = await target.boundingBox();
    if (box === null) throw new Error("menu_0 is not on screen");
    await page.evaluate(`(() => {
      const frames = [];
      let last = performance.now();
      const tick = (now) => {
        frames.push(now - last);
        last = now;
        if (window.__ccRecording === true) requestAnimationFrame(tick);
      };
      window.__ccRecording = true;
      window.__ccFrames = frames;
      requestAnimationFrame(tick);
    })()`);
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    const downAt = Number(await page.evaluate("window.__ccFrames.length"));
    for (let step = 1; step <= 120; step += 1) {
      await page.mouse.move(x + step * 3, y + Math.sin(step / 10) * 60);
      await page.waitForTimeout(16);
    }
    const upAt = Number(await page.evaluate("window.__ccFrames.length"));
    await page.mouse.up();
    const recorded: unknown = await page.evaluate("window.__ccRecording = false, window.__ccFrames");
    const frames = Array.isArray(recorded) ? recorded.filter((item): item is number => typeof item === "number") : [];
    const sorted = frames.slice(1).sort((a, b) => a - b);
    // Where the slowest frames fall: the press (index ~downAt) starts the drag, upAt is just before the release.
    const slowest = frames
      .map((ms, index) => ({ ms, index }))
      .slice(1)
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 3)
      .map(({ ms, index }) => `${fmt(ms)} @${index}`)
      .join(", ");
    process.stdout.write(
      [
        `nodes: ${graph.nodes.length}, edges: ${graph.edges.length}, rendered on open: ${rendered}`,
        `open (navigation start -> nodes painted): ${runs.map(fmt).join(", ")} (best ${fmt(Math.min(...runs))})`,
        `  last run: ${phases}`,
        `drag frames: ${sorted.length}, p50 ${fmt(percentile(sorted, 0.5))}, p95 ${fmt(percentile(sorted, 0.95))}, max ${fmt(sorted.at(-1) ?? NaN)}`,
        `  slowest: ${slowest} (press after frame ${downAt}, release after frame ${upAt} of ${frames.length})`,
      ].join("\n") + "\n",
    );
    await context.close();
  } finally {
    await app.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
