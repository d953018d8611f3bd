// The built app in Chromium: a page on another 127.0.0.1 port cannot make the signed-in admin's browser
// change anything (the same-origin guard), the app's own pages still can, the security headers are
// sent, and the designer with Monaco works under the Content-Security-Policy.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ivrGraph, tts } from "../support/graph-builder";
import { startLocalHttpServer, type LocalHttpServer } from "../support/local-http";
import { newContext } from "./support/browser";
import { startBrowserApp, type BrowserApp } from "./support/browser-app";

let app: BrowserApp;
let attacker: LocalHttpServer;
let context: BrowserContext;
let page: Page;
let deletedFlowId = "";
let attackerPage = "";

beforeAll(async () => {
  app = await startBrowserApp();
  deletedFlowId = await app.createFlow("Deleted hotline");
  await app.db.prisma.flow.update({ where: { id: deletedFlowId }, data: { deletedAt: new Date() } });
  // A body-less POST (restore) by form, and another by fetch: neither needs a CORS preflight.
  attackerPage = `<!doctype html><html><body>
    <form method="POST" action="${app.url}/api/flows/${deletedFlowId}/restore"></form>
    <script>
      fetch(${JSON.stringify(`${app.url}/api/flows/${deletedFlowId}/test-calls`)}, { method: "POST", mode: "no-cors", credentials: "include" })
        .finally(() => document.forms[0].submit());
    </script></body></html>`;
  attacker = await startLocalHttpServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(attackerPage);
  });
  context = await newContext(app.browser);
  page = await context.newPage();
  await app.signIn(page, "admin");
}, 900_000);

afterAll(async () => {
  await context?.close();
  await attacker?.close();
  await app?.stop();
});

describe("in the browser", () => {
  it("refuses a cross-site POST from a page on another 127.0.0.1 port, with the admin's cookie", async () => {
    const evil = await context.newPage();
    const response = evil.waitForResponse((r) => r.url().endsWith(`/api/flows/${deletedFlowId}/restore`));
    await evil.goto(attacker.url);
    const refused = await response;
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "cross_site_request" } });
    // The cookie was sent (SameSite=Lax lets same-site requests through): the guard is what held.
    expect(refused.request().headers()["cookie"] ?? (await refused.request().allHeaders())["cookie"]).toContain("session-token");
    expect((await app.db.prisma.flow.findUniqueOrThrow({ where: { id: deletedFlowId } })).deletedAt).not.toBeNull();
    expect(await app.db.prisma.testCallPlan.count()).toBe(0);
    expect(await app.db.prisma.auditEntry.count({ where: { flowId: deletedFlowId } })).toBe(0);
    await evil.close();
  });

  it("lets the app's own pages post", async () => {
    const status = await page.evaluate(async (flowId) => (await fetch(`/api/flows/${flowId}/restore`, { method: "POST" })).status, deletedFlowId);
    expect(status).toBe(200);
    expect((await app.db.prisma.flow.findUniqueOrThrow({ where: { id: deletedFlowId } })).deletedAt).toBeNull();
  });

  it("sends the security headers", async () => {
    const response = await fetch(`${app.url}/signin`);
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-powered-by")).toBeNull();
  });

  it("runs the designer and Monaco under the Content-Security-Policy", async () => {
    const flowId = await app.createFlow(
      "CSP check",
      ivrGraph({
        name: "CSP check",
        nodes: [
          { id: "start", type: "start", data: { defaultLanguage: "en-US" } },
          { id: "check", type: "branch", data: { conditions: [{ label: "vip", expression: "caller == '1'" }] } },
          { id: "say", type: "play", data: { media: [tts("Hello")] } },
          { id: "bye", type: "hangup" },
        ],
        edges: [
          ["start", "next", "check"],
          ["check", "condition:0", "say"],
          ["check", "else", "bye"],
          ["say", "next", "bye"],
        ],
      }),
    );
    await page.addInitScript(() => {
      const violations: string[] = [];
      Object.assign(window, { cspViolations: violations });
      document.addEventListener("securitypolicyviolation", (event) => violations.push(`${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`));
    });
    const consoleViolations: string[] = [];
    page.on("console", (message) => {
      if (message.text().includes("Content Security Policy")) consoleViolations.push(message.text());
    });
    await page.goto(`${app.url}/flows/${flowId}`);
    await page.locator('[data-testid="flow-node"][data-node-id="check"] .flow-node-header').click();
    await page.locator('[data-testid="node-settings"][data-node-id="check"]').waitFor();
    const editor = page.locator('[data-testid="node-settings"] .monaco-editor').first();
    await editor.waitFor({ timeout: 30_000 });
    await editor.click();
    await page.keyboard.press("End");
    await page.keyboard.type(" && true");
    // Monaco renders spaces as no-break spaces.
    await expect.poll(async () => (await editor.innerText()).replace(/\u00a0/g, " "), { timeout: 10_000 }).toContain("caller == '1' && true");
    const violations = await page.evaluate(() => ("cspViolations" in window ? String(window.cspViolations) : "missing"));
    expect(violations).toBe("");
    expect(consoleViolations).toEqual([]);
  });
});
