// Opens a 2,000-node flow in the designer (production build, headless Debian Chromium) and prints
// how long it takes to show, then frame times while dragging a node.
//   bash scripts/test.sh --project unit --run /dev/null   # once: migrates the test template database
//   npx tsx scripts/bench/designer-open.ts [menus=500]
import { dragStartPoint, openAndWaitShown, runBench, withDesignerSession } from "./designer-session";

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? NaN;
const fmt = (ms: number): string => `${ms.toFixed(1)} ms`;

async function main(): Promise<void> {
  await withDesignerSession(Number(process.argv[2] ?? 500), async (session) => {
    const { page, graph } = session;
    const runs: number[] = [];
    let phases = "";
    for (let run = 0; run < 3; run += 1) {
      runs.push(await openAndWaitShown(session));
      phases = String(
        await page.evaluate(`(() => {
          const n = performance.getEntriesByType("navigation")[0];
          return "server response done " + n.responseEnd.toFixed(0) + " ms, DOMContentLoaded " + n.domContentLoadedEventEnd.toFixed(0) + " ms, load " + n.loadEventEnd.toFixed(0) + " ms";
        })()`),
      );
    }
    const rendered = await page.locator(".react-flow__node").count();
    const drawn = String(
      await page.evaluate(`(() => document.querySelectorAll(".react-flow__edge").length + " edges, " + document.querySelectorAll(".flow-edge-label").length + " edge names, " + document.querySelectorAll("*").length + " elements")()`),
    );

    const { x, y } = await dragStartPoint(page);
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
        `nodes: ${graph.nodes.length}, edges: ${graph.edges.length}, rendered on open: ${rendered} nodes, ${drawn}`,
        `open (navigation start -> nodes painted): ${runs.map(fmt).join(", ")} (best ${fmt(Math.min(...runs))})`,
        `  last run: ${phases}`,
        `drag frames: ${sorted.length}, p50 ${fmt(percentile(sorted, 0.5))}, p95 ${fmt(percentile(sorted, 0.95))}, max ${fmt(sorted.at(-1) ?? NaN)}`,
        `  slowest: ${slowest} (press after frame ${downAt}, release after frame ${upAt} of ${frames.length})`,
      ].join("\n") + "\n",
    );
  });
}

runBench(main);
