import { newContext } from "../../tests/browser/support/browser";
import { startBrowserApp } from "../../tests/browser/support/browser-app";
import { generateLargeFlow } from "./designer-graph";
const app = await startBrowserApp();
try {
  const graph = generateLargeFlow(500);
  const flowId = await app.createFlow("bench", graph);
  const page = await (await newContext(app.browser)).newPage();
  await app.signIn(page);
  await page.goto(`${app.url}/flows/${flowId}`);
  await page.waitForTimeout(3000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  await page.goto(`${app.url}/flows/${flowId}`);
  await page.locator(".react-flow__node").first().waitFor();
  await page.waitForTimeout(300);
  const { profile } = await cdp.send("Profiler.stop");
  const dt = profile.timeDeltas ?? [];
  const idToNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const total = new Map<string, number>();
  const byUrl = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const n0 = idToNode.get(id)!;
    const u = n0.callFrame.url.split("/").pop() || n0.callFrame.functionName;
    byUrl.set(u, (byUrl.get(u) ?? 0) + (dt[i] ?? 0) / 1000);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const m = idToNode.get(cur)!; const k = `${m.callFrame.functionName || "(anon)"} ${m.callFrame.url.split("/").pop()}:${m.callFrame.columnNumber}`;
      if (seen.has(k)) continue; seen.add(k); total.set(k, (total.get(k) ?? 0) + (dt[i] ?? 0) / 1000);
    }
  });
  console.log([...byUrl].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${v.toFixed(0)}ms ${k}`).join("\n"));
  console.log("--- inclusive");
  console.log([...total].sort((a, b) => b[1] - a[1]).slice(0, 45).map(([k, v]) => `${v.toFixed(0)}ms ${k}`).join("\n"));
} finally { await app.stop(); }
