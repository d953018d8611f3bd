import { newContext } from "../../tests/browser/support/browser";
import { startBrowserApp } from "../../tests/browser/support/browser-app";
import { generateLargeFlow } from "./designer-graph";
const app = await startBrowserApp();
try {
  const graph = generateLargeFlow(500);
  const flowId = await app.createFlow("bench", graph);
  const page = await (await newContext(app.browser)).newPage();
  page.on("console", (m) => console.log("console", m.type(), m.text().slice(0, 200)));
  await app.signIn(page);
  await page.goto(`${app.url}/flows/${flowId}`);
  await page.waitForTimeout(4000);
  console.log("workers", page.workers().map((w) => w.url()));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  const box = await page.locator('[data-testid="flow-node"][data-node-id="menu_0"] .flow-node-header').boundingBox();
  const x = box!.x + 20, y = box!.y + 10;
  await page.mouse.move(x, y); await page.mouse.down();
  await cdp.send("Profiler.start");
  for (let i = 1; i <= 60; i++) { await page.mouse.move(x + i * 3, y + i); await page.waitForTimeout(16); }
  const { profile } = await cdp.send("Profiler.stop");
  await page.mouse.up();
  const self = new Map<string, number>();
  const dt = profile.timeDeltas ?? [];
  const idToNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const total = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const n = idToNode.get(id)!;
    const key = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const m = idToNode.get(cur)!; const k = `${m.callFrame.functionName || "(anon)"} ${m.callFrame.url.split("/").pop()}:${m.callFrame.columnNumber}`;
      if (seen.has(k)) continue; seen.add(k); total.set(k, (total.get(k) ?? 0) + (dt[i] ?? 0) / 1000);
    }
  });
  console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(0)}ms ${k}`).join("\n"));
  console.log("--- inclusive");
  console.log([...total].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${v.toFixed(0)}ms ${k}`).join("\n"));
} finally { await app.stop(); }
