import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fixture from "@/flows-runtime/fixtures/after-sales-ivr.json";
import { compileGraph } from "@/flows-runtime/compiler/compile";
import { graphSchema } from "@/flows-runtime/graph/schema";
import { planHashOf } from "@/app/_server/flows/create-version";
import { toJsonObject } from "@/app/_server/flows/to-json-object";
import { newContext, screenshot } from "./support/browser";
import { startBrowserApp, type BrowserApp } from "./support/browser-app";
import { dragFromPalette, node } from "./support/canvas";
import { englishLeaks, type Leak } from "./support/english-leaks";
import { loadMessages } from "@/app/_i18n/load-messages";
import { writeHttpPolicy } from "@/workers/http-allow-list/write-http-policy";
import { afterSalesHttpPolicy } from "../support/fixtures";

const zh = loadMessages("zh-CN");

// The after-sales IVR (ten node types); its draft has a changed greeting, so compare and review show a diff.
const live = graphSchema.parse(fixture);
const draft = graphSchema.parse({
  ...fixture,
  nodes: fixture.nodes.map((n) => (n.id === "main_menu" ? { ...n, data: { ...n.data, timeoutSeconds: 8 } } : n)),
});

const languageOrZone = /^[a-z]{2}-[A-Z]{2}$|^[A-Z][a-z]+\/[A-Za-z_]+$/;

/**
 * Every Latin string the flow itself holds (ids, variable names, queue names, URLs, expressions) and
 * its words: user data. Language codes and time zones are settings the UI must name in Chinese.
 */
function latinStrings(value: unknown): string[] {
  if (typeof value === "string") return /[A-Za-z]/.test(value) && !languageOrZone.test(value) ? [value, ...value.split(/[\s/.,:;()"'=<>!+*-]+/).filter((word) => word.length > 2)] : [];
  if (Array.isArray(value)) return value.flatMap(latinStrings);
  if (typeof value === "object" && value !== null) return Object.entries(value).flatMap(([key, inner]) => [...latinStrings(inner), ...(/^[a-z_]+\d*$/i.test(key) ? [] : [key])]);
  return [];
}

let app: BrowserApp;
let context: BrowserContext;
let page: Page;
let flowId = "";
let callId = "";
let reviewId = "";
let userData: string[] = [];
const leaks: Leak[] = [];

async function scan(where: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  leaks.push(...(await englishLeaks(page, where, userData)));
}

beforeAll(async () => {
  app = await startBrowserApp();
  await app.db.prisma.user.updateMany({ data: { locale: "zh-CN" } });
  // The fixture's HTTP nodes call these hosts: submitting it for review needs them allowed.
  await writeHttpPolicy(app.db.prisma, afterSalesHttpPolicy);
  flowId = await app.createFlow(fixture.name, draft);
  const compiled = compileGraph(live);
  if (!compiled.ok) throw new Error("fixture graph does not compile");
  const version = await app.db.prisma.flowVersion.create({
    data: { flowId, number: 1, graph: toJsonObject(live), plan: toJsonObject(compiled.plan), planHash: planHashOf(compiled.plan), note: "首个版本", publishedAt: new Date() },
  });
  await app.db.prisma.flow.update({ where: { id: flowId }, data: { liveVersionId: version.id, updatedById: app.users.ops.id } });
  const startedAt = new Date(Date.now() - 120_000);
  const at = (seconds: number) => new Date(startedAt.getTime() + seconds * 1000);
  const call = await app.db.prisma.callExecution.create({
    data: {
      workflowId: "call-zh-1",
      channelId: "zh-1",
      flowId,
      flowVersionId: version.id,
      caller: "13800000000",
      dialed: "4001",
      language: "zh-CN",
      startedAt,
      endedAt: at(30),
      outcome: "transferred",
      lastNodeId: "to_after_sales",
      handover: { kind: "queue", queue: "after-sales" },
      steps: {
        create: [
          { seq: 0, nodeId: "start", nodeType: "start", enteredAt: at(0), durationMs: 1, port: "next", varsChanged: {} },
          { seq: 1, nodeId: "hours", nodeType: "business-hours", enteredAt: at(0), durationMs: 2, port: "open", varsChanged: {} },
          { seq: 2, nodeId: "main_menu", nodeType: "menu", enteredAt: at(1), durationMs: 9000, port: "option:2", input: "2", varsChanged: { menu_choice: "2" } },
          { seq: 3, nodeId: "to_after_sales", nodeType: "transfer", enteredAt: at(10), durationMs: 20_000, port: "transferred", varsChanged: {}, detail: { kind: "queue", queue: "after-sales" } },
        ],
      },
    },
  });
  callId = call.id;
  userData = [...new Set([...latinStrings(fixture), "admin user", "ops user", "agent user", "marketer user", "13800000000", "4001", "ci-deploy"])];
  context = await newContext(app.browser, "zh-CN");
  page = await context.newPage();
}, 900_000);

afterAll(async () => {
  await context?.close();
  await app?.stop();
});

describe("the Chinese UI shows no English", () => {
  it("greets a first visit in the browser's language", async () => {
    await page.goto(`${app.url}/signin`);
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    await scan("/signin");
    await screenshot(page, "zh-signin");
    await app.signIn(page, "admin");
  });

  it("seeds a review, an entry point and an API token through the API", async () => {
    // Requests made from the test, not from a page: they say which origin they come from, as a page's would.
    const headers = { origin: app.url };
    const entry = await page.request.post(`${app.url}/api/flows/${flowId}/entry-points`, { data: { kind: "did", value: "4001" }, headers });
    expect(entry.status(), await entry.text()).toBeLessThan(300);
    const token = await page.request.post(`${app.url}/api/api-tokens`, { data: { name: "ci-deploy", scopes: ["flow.view", "flow.publish"] }, headers });
    expect(token.status(), await token.text()).toBeLessThan(300);
    // A saved test case: the review runs it on the candidate (no call engine here: it shows as not run).
    const testCase = await page.request.post(`${app.url}/api/flows/${flowId}/test-cases`, {
      data: { name: "凌晨转留言", pretend: { clock: { date: "2026-12-02", time: "05:37", timeZone: "Asia/Shanghai" } }, expectations: { path: { mode: "passes-through", nodes: ["voicemail"] }, outcome: null } },
      headers,
    });
    expect(testCase.status(), await testCase.text()).toBe(201);
    const submitted = await page.request.post(`${app.url}/api/flows/${flowId}/reviews`, { data: { note: "菜单等待时间改为 8 秒" }, headers });
    expect(submitted.status(), await submitted.text()).toBeLessThan(300);
    const review = await app.db.prisma.flowReview.findFirstOrThrow({ where: { flowId } });
    reviewId = review.id;
  });

  it("walks every page", async () => {
    const pages = [
      "/flows",
      `/history/${flowId}`,
      `/history/${flowId}/compare`,
      `/history/${flowId}/reviews/${reviewId}`,
      "/reviews",
      "/audit",
      "/admin/users",
      "/admin/api-tokens",
      "/admin/queues",
      "/admin/queues/skills",
      "/admin/queues/agents",
      "/admin/queues/reasons",
      "/admin/queues/dispositions",
      "/calls",
      `/calls/${callId}`,
      "/campaigns",
      "/account",
    ];
    for (const path of pages) {
      await page.goto(`${app.url}${path}`);
      expect(await page.locator("html").getAttribute("lang"), path).toBe("zh-CN");
      await scan(path);
      await screenshot(page, `zh${path.replace(/\/c[a-z0-9]{20,}/g, "").replace(/[^a-z0-9]+/gi, "-")}`);
    }
  });

  it("shows an invalid entry point's problem from the API in Chinese", async () => {
    await page.goto(`${app.url}/flows`);
    await page.getByRole("button", { name: zh.flows.table.entryPointsAction }).first().click();
    // A DID with letters passes the form (required, at most 64 characters) and is refused by the API's schema.
    await page.getByRole("textbox", { name: zh.entryPoints.value }).fill("12ab");
    await page.getByRole("button", { name: zh.entryPoints.add }).click();
    // Next's route announcer is a role="alert" too: the error alert is found by its class.
    const alert = page.locator('.modal [role="alert"].error, [role="alert"].alert.error').first();
    await alert.waitFor();
    expect(await alert.textContent()).toContain(zh.fieldMessages.phoneNumber);
    await scan("/flows: entry point refused");
    await screenshot(page, "zh-entry-point-refused");
  });

  it("opens each node type's form on the canvas", async () => {
    await page.goto(`${app.url}/flows/${flowId}`);
    await node(page, "start").waitFor();
    await scan("canvas");
    const seen = new Set<string>();
    for (const spec of draft.nodes) {
      if (seen.has(spec.type)) continue;
      seen.add(spec.type);
      await node(page, spec.id).click();
      await page.locator('[data-testid="node-settings"]').waitFor();
      await scan(`canvas: ${spec.type} form`);
    }
    for (const type of ["language-select", "set-variables", "subflow"]) {
      const id = await dragFromPalette(page, type, 300 + seen.size * 20, 500);
      await node(page, id).click();
      await page.locator('[data-testid="node-settings"]').waitFor();
      await scan(`canvas: ${type} form`);
      seen.add(type);
    }
    await screenshot(page, "zh-canvas");
    expect(seen.size).toBe(13);
  });

  it("opens the test call with what it pretends and the saved test cases", async () => {
    await page.locator('[data-testid="tab-test-call"]').click();
    await page.locator('[data-testid="pretend-form"] summary').click();
    await page.locator('[data-testid="pretend-clock-on"]').check();
    await page.locator('[data-testid="pretend-add-variable"]').click();
    await page.locator('[data-testid="save-case"] summary').click();
    await page.locator('[data-testid="saved-case"]').first().waitFor();
    await scan("canvas: test call and test cases");
    await screenshot(page, "zh-test-cases");
  });

  it("finds no Latin-only text outside user data and the allow-list", () => {
    const report = leaks.map((leak) => `${leak.where}: ${leak.text} (${leak.element})`);
    expect([...new Set(report)]).toEqual([]);
  });
});
