// Profiles one open of a 2,000-node flow in the designer (production build, headless Debian Chromium):
// a CPU profile and a DevTools trace of navigation -> nodes painted, written to PROFILE_DIR (default /tmp).
//   npx tsx scripts/bench/designer-profile.ts [menus=500]
import { writeFileSync } from "node:fs";
import path from "node:path";
import { dragStartPoint, openAndWaitShown, runBench, withDesignerSession } from "./designer-session";

async function main(): Promise<void> {
  const out = process.env.PROFILE_DIR ?? "/tmp";
  await withDesignerSession(Number(process.argv[2] ?? 500), async (session) => {
    const { app, context, page } = session;
    // Warm the server and the HTTP cache once, like the bench's later runs.
    await openAndWaitShown(session);
    await page.goto(`${app.url}/flows`);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
    await cdp.send("Profiler.start");
    await app.browser.startTracing(page, { path: path.join(out, "designer-trace.json"), screenshots: false });
    const shown = await openAndWaitShown(session);
    process.stdout.write(`rendered: ${await page.locator(".react-flow__node").count()} nodes, ${await page.locator(".react-flow__edge").count()} edges\n`);
    await page.waitForTimeout(300);
    await app.browser.stopTracing();
    const { profile } = await cdp.send("Profiler.stop");
    writeFileSync(path.join(out, "designer.cpuprofile"), JSON.stringify(profile));
    // The start of a drag (selecting the node, opening its settings), as in designer-open.ts.
    // PROFILE_DRAG_WAIT=0 drags right after the open, as designer-open.ts does.
    await page.waitForTimeout(Number(process.env.PROFILE_DRAG_WAIT ?? 3000));
    const { x, y } = await dragStartPoint(page);
    await cdp.send("Profiler.start");
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
  });
}

runBench(main);
