import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphSchema } from "@/flows-runtime/graph/schema";
import fixture from "@/flows-runtime/fixtures/after-sales-ivr.json";
import { startDevStack, type DevStack } from "@/workers/dev-stack";
import { newContext, screenshot } from "./support/browser";
import { startBrowserApp, type BrowserApp } from "./support/browser-app";
import { afterSalesHttpPolicy } from "../support/fixtures";

// The after-sales IVR, always closed: every call goes to voicemail.
const afterHours = graphSchema.parse({
  ...fixture,
  name: "After-sales (night)",
  nodes: fixture.nodes.map((n) => (n.id === "hours" ? { ...n, data: { ...n.data, weekly: [], holidays: [], extraOpenDays: [] } } : n)),
});

let stack: DevStack | null = null;
let app: BrowserApp;
let page: Page;
let callId = "";
let flowId = "";

beforeAll(async () => {
  app = await startBrowserApp({
    services: async (db) => {
      // The flow's HTTP nodes (not reached after hours) name these hosts: publishing needs them allowed.
      const started = await startDevStack({ databaseUrl: db.url, simulator: { timeScale: 0.2 }, httpPolicy: afterSalesHttpPolicy });
      stack = started;
      // The web app fetches recordings from Asterisk (here the simulator) itself.
      return { ARI_SIM_URL: started.ari.url, ARI_APP: started.ari.app, ARI_URL: started.ari.url, ARI_SIMULATOR: "1", ARI_USERNAME: started.ari.username, ARI_PASSWORD: started.ari.password };
    },
  });
  if (!stack) throw new Error("the engine is not running");
  const running: DevStack = stack;
  flowId = (await running.publishFlow(afterHours, { did: "4009" })).flowId;
  const channel = await running.placeCall({ to: "4009", from: "13800000000", script: "wait prompt; wait prompt end; talk 2s; press #; expect end" });
  expect((await running.waitForCall(channel, 90_000)).result?.outcome).toBe("completed");
  const execution = await running.getExecution(channel);
  if (!execution) throw new Error("the call left no execution");
  expect(execution.recordings).toHaveLength(1);
  callId = execution.id;
  page = await (await newContext(app.browser)).newPage();
  await app.signIn(page, "ops");
}, 900_000);

afterAll(async () => {
  await app?.stop();
  await stack?.stop();
});

/** Points of drawn connections (sampled every 8 px) that lie inside a node's box, 6 px in from its border. */
async function edgePointsBehindNodes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll('[data-testid="diff-node"]')].map((node) => ({ id: node.getAttribute("data-node-id") ?? "", rect: node.getBoundingClientRect() }));
    const found: string[] = [];
    for (const path of document.querySelectorAll(".diff-canvas .react-flow__edge path.react-flow__edge-path")) {
      if (!(path instanceof SVGPathElement)) continue;
      const matrix = path.getScreenCTM();
      if (matrix === null) continue;
      const length = path.getTotalLength();
      for (let at = 0; at <= length; at += 8) {
        const point = new DOMPoint(path.getPointAtLength(at).x, path.getPointAtLength(at).y).matrixTransform(matrix);
        const inside = boxes.find(({ rect }) => point.x > rect.left + 6 && point.x < rect.right - 6 && point.y > rect.top + 6 && point.y < rect.bottom - 6);
        if (inside !== undefined) found.push(`${path.closest(".react-flow__edge")?.getAttribute("aria-label") ?? "edge"} behind ${inside.id}`);
      }
    }
    return [...new Set(found)];
  });
}

describe("call log (real engine, ARI simulator)", () => {
  it("lists the call placed on the simulator, filtered to calls with voicemail", async () => {
    await page.goto(`${app.url}/calls`);
    await page.locator('[data-testid="call-filter-voicemail"]').selectOption("yes");
    await page.locator('[data-testid="call-filter-submit"]').click();
    await page.waitForURL((url) => url.searchParams.get("voicemail") === "yes");
    const rows = page.locator('[data-testid="call-row"]');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().getAttribute("data-call-id")).toBe(callId);
    const text = (await rows.first().textContent()) ?? "";
    expect(text).toContain("13800000000");
    expect(text).toContain("After-sales (night)");
    expect(text).toContain("Completed");
    // A time in the contact center's zone and the user's language, not a raw UTC ISO string.
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    await screenshot(page, "call-log-list");

    await page.goto(`${app.url}/flows`);
    const latest = page.locator('[data-testid="flow-latest-call"]').first();
    await latest.waitFor();
    expect(await latest.locator("a").first().getAttribute("href")).toBe(`/calls/${callId}`);
    expect(await latest.locator('[data-testid="flow-calls-link"]').getAttribute("href")).toBe(`/calls?flowId=${encodeURIComponent(flowId)}`);
    await screenshot(page, "call-log-flow-list");

    await page.goto(`${app.url}/calls?voicemail=yes`);
    await page.locator('[data-testid="call-filter-voicemail"]').selectOption("no");
    await page.locator('[data-testid="call-filter-submit"]').click();
    await page.locator('[data-testid="calls-empty"]').waitFor();
  });

  it("shows the call's path on the version's canvas, its steps, what the caller heard, and plays its voicemail", async () => {
    const file = page.waitForResponse((response) => response.url().includes(`/api/calls/${callId}/recordings/`) && response.url().endsWith("/file"), { timeout: 30_000 });
    await page.goto(`${app.url}/calls/${callId}`);
    await page.locator('[data-testid="diff-node"]').first().waitFor();
    const pathOf = (nodeId: string) => page.locator(`[data-testid="diff-node"][data-node-id="${nodeId}"]`).getAttribute("data-path");
    for (const nodeId of ["start", "hours", "voicemail", "thanks", "hangup"]) expect(await pathOf(nodeId), nodeId).toBe("visited");
    expect(await pathOf("main_menu")).toBe("skipped");
    expect(await page.locator(".react-flow__edge.path-taken").count()).toBe(4);
    // As on the designer's canvas, connections go around the nodes in their way: the closed-hours exit
    // does not run behind the menu's column, so the highlighted path follows what is drawn.
    expect(await edgePointsBehindNodes(page)).toEqual([]);
    expect(await page.locator('[data-testid="edge-label"][data-route="detour"]').count()).toBeGreaterThan(0);

    const steps = page.locator('[data-testid="call-step"]');
    expect(await steps.evaluateAll((items) => items.map((item) => item.getAttribute("data-node-id")))).toEqual(["start", "hours", "voicemail", "thanks", "hangup"]);
    // The recording's variable is set in the voicemail step.
    expect(await page.locator('[data-testid="call-step"][data-node-id="voicemail"]').textContent()).toContain("voicemail:");
    const heard = (await page.locator('[data-testid="call-heard"]').textContent()) ?? "";
    expect(heard).toContain("请在提示音后留言");
    expect(heard).toContain("感谢您的留言");

    const response = await file;
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("audio/wav");
    const audio = page.locator('[data-testid="call-recording-audio"]');
    await expect.poll(() => audio.evaluate((element) => (element instanceof HTMLAudioElement ? element.readyState : -1)), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
    const duration = await audio.evaluate((element) => (element instanceof HTMLAudioElement ? element.duration : 0));
    expect(duration).toBeGreaterThan(1);
    const bytes = await page.evaluate(async (url) => {
      const fetched = await fetch(url);
      return { type: fetched.headers.get("content-type"), size: (await fetched.arrayBuffer()).byteLength };
    }, (await audio.getAttribute("src")) ?? "");
    expect(bytes.type).toBe("audio/wav");
    expect(bytes.size).toBeGreaterThan(44);
    await screenshot(page, "call-log-detail");
    await page.locator('[data-testid="call-trace"]').scrollIntoViewIfNeeded();
    await screenshot(page, "call-log-trace");

    await page.locator('[data-testid="diff-node"][data-node-id="voicemail"]').click();
    expect(await steps.count()).toBe(1);
  });

  it("links the flow's history to its recent calls, in Chinese too", async () => {
    const zh = await (await newContext(app.browser, "zh-CN")).newPage();
    await app.signIn(zh, "admin");
    expect((await zh.request.put(`${app.url}/api/me/locale`, { data: { locale: "zh-CN" } })).status()).toBe(200);
    await zh.goto(`${app.url}/history/${flowId}`);
    const recent = zh.locator('[data-testid="recent-calls"]');
    await recent.waitFor();
    expect(await recent.locator('[data-testid="call-row"]').count()).toBe(1);
    expect((await recent.textContent()) ?? "").toContain("最近通话");
    await screenshot(zh, "call-log-history-zh");
    await recent.locator('[data-testid="call-row"] a').first().click();
    await zh.locator('[data-testid="call-view"]').waitFor();
    expect((await zh.locator('[data-testid="call-recordings"]').textContent()) ?? "").toContain("录音与语音留言");
    await screenshot(zh, "call-log-detail-zh");
  });

  it("refuses agents and marketers (403), and their header has no link to the call log", async () => {
    for (const role of ["ops", "agent", "marketer"] as const) {
      const other = await (await newContext(app.browser)).newPage();
      await app.signIn(other, role);
      await other.goto(`${app.url}/account`);
      await other.locator('header a[href="/account"]').waitFor();
      expect(await other.locator('header nav a[href="/calls"]').count(), role).toBe(role === "ops" ? 1 : 0);
      if (role === "ops") {
        await other.context().close();
        continue;
      }
      const response = await other.goto(`${app.url}/calls`);
      expect(response?.status(), role).toBe(403);
      expect((await other.request.get(`${app.url}/api/calls/${callId}`)).status(), role).toBe(403);
      await other.context().close();
    }
  });
});
