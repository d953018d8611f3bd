import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { graphSchema, type Graph } from "@/flows-runtime/graph/schema";
import { until } from "@/tests/support/until";
import { newContext, screenshot } from "./support/browser";
import { startBrowserApp, type BrowserApp } from "./support/browser-app";
import { node, waitSaved } from "./support/canvas";

let app: BrowserApp;
let context: BrowserContext;
let page: Page;

const position = (x: number, y: number) => ({ x, y });

/** Start -> business hours -> (open) menu with five keys, each to its own prompt; closed, timeout and invalid to a hang-up. */
function menuFlow(): Graph {
  const keys = ["1", "2", "3", "4", "5"];
  const nodes: Graph["nodes"] = [
    { id: "start", type: "start", position: position(0, 0), data: {} },
    { id: "hours", type: "business-hours", label: "Opening hours", position: position(300, 0), data: {} },
    {
      id: "menu",
      type: "menu",
      label: "Main menu",
      position: position(600, 0),
      data: { prompt: [{ kind: "tts", text: "Press a key" }], options: keys.map((key) => ({ key, label: `Choice ${key}` })) },
    },
    ...keys.map((key, index) => ({ id: `say${key}`, type: "play", label: `Say ${key}`, position: position(900, index * 20), data: { media: [{ kind: "tts", text: `You chose ${key}` }] } })),
    { id: "bye", type: "hangup", label: "Goodbye", position: position(900, 400), data: {} },
  ];
  // Drawn in reverse order, as a person connecting bottom-up would.
  const edges: Graph["edges"] = [
    ...[...keys].reverse().map((key) => ({ id: `e-${key}`, source: "menu", sourcePort: `option:${key}`, target: `say${key}` })),
    { id: "e-start", source: "start", sourcePort: "next", target: "hours" },
    { id: "e-open", source: "hours", sourcePort: "open", target: "menu" },
    { id: "e-closed", source: "hours", sourcePort: "closed", target: "bye" },
    { id: "e-timeout", source: "menu", sourcePort: "timeout", target: "bye" },
    { id: "e-invalid", source: "menu", sourcePort: "invalid", target: "bye" },
    ...keys.map((key) => ({ id: `e-say${key}`, source: `say${key}`, sourcePort: "next", target: "bye" })),
  ];
  return graphSchema.parse({ schemaVersion: 1, kind: "ivr", name: "Readable canvas", variables: [], nodes, edges });
}

async function draft(flowId: string): Promise<Graph> {
  const flow = await app.db.prisma.flow.findUniqueOrThrow({ where: { id: flowId }, select: { draftGraph: true } });
  return graphSchema.parse(flow.draftGraph);
}

async function openDesigner(flowId: string): Promise<void> {
  await page.goto(`${app.url}/flows/${flowId}`);
  await page.locator('[data-testid="flow-node"]').first().waitFor();
  // Measured and fitted.
  await page.waitForTimeout(600);
}

async function select(nodeId: string): Promise<void> {
  await node(page, nodeId).locator(".flow-node-header").click();
  await page.locator(`[data-testid="node-settings"][data-node-id="${nodeId}"]`).waitFor();
}

type Rect = { x: number; y: number; width: number; height: number };
const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function nodeRects(): Promise<Map<string, Rect>> {
  const rects = await page.locator('[data-testid="flow-node"]').evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return { id: element.getAttribute("data-node-id") ?? "", x: box.x, y: box.y, width: box.width, height: box.height };
    }),
  );
  return new Map(rects.map((rect) => [rect.id, rect]));
}

function expectNoOverlaps(rects: Map<string, Rect>): void {
  const list = [...rects.entries()];
  for (const [index, [id, rect]] of list.entries()) {
    for (const [otherId, other] of list.slice(index + 1)) expect(overlaps(rect, other), `${id} overlaps ${otherId}`).toBe(false);
  }
}

beforeAll(async () => {
  app = await startBrowserApp();
  context = await newContext(app.browser);
  page = await context.newPage();
  // A large screen: the whole test flow fits at a readable zoom (nodes off screen are not drawn at all).
  await page.setViewportSize({ width: 1920, height: 1200 });
  await app.signIn(page);
}, 900_000);

afterAll(async () => {
  await context?.close();
  await app?.stop();
});

describe("a canvas that reads at a glance", () => {
  it("opens the canvas of a flow right after creating it", async () => {
    await page.goto(`${app.url}/flows`);
    await page.getByRole("button", { name: "New flow" }).click();
    await page.locator('dialog input[type="text"]').fill("Created from the list");
    await page.locator('dialog button[type="submit"]').click();
    await page.waitForURL((url) => /^\/flows\/[^/]+$/.test(url.pathname), { timeout: 30_000 });
    await page.locator('[data-testid="flow-canvas"]').waitFor();
    const created = await app.db.prisma.flow.findFirstOrThrow({ where: { name: "Created from the list" } });
    expect(new URL(page.url()).pathname).toBe(`/flows/${created.id}`);
  });

  it("shows a new menu's required exits at once, before anything is filled in", async () => {
    const flowId = await app.createFlow("Fresh menu");
    await openDesigner(flowId);
    await page.locator('[data-testid="palette-menu"]').click();
    const menu = page.locator('[data-testid="flow-node"][data-node-type="menu"]');
    await menu.waitFor();
    const menuId = (await menu.getAttribute("data-node-id")) ?? "";
    await page.locator('[data-testid="tab-problems"]').click();
    const problems = page.locator(`[data-testid="problem"][data-node-id="${menuId}"]`);
    // Key 1, timeout and invalid: each asked for, next to the empty prompt.
    await expect.poll(async () => (await problems.allTextContents()).filter((text) => text.includes("has no path")).length, { timeout: 15_000 }).toBe(3);
    const texts = (await problems.allTextContents()).join("\n");
    expect(texts).toContain('"timeout"');
    expect(texts).toContain('"invalid"');
    expect(texts).toContain('"key 1"');
    await screenshot(page, "canvas-fresh-menu-problems");
  });

  it("draws every exit of a menu as its own labelled arrow, none hidden behind a node", async () => {
    const flowId = await app.createFlow("Readable canvas", menuFlow());
    await openDesigner(flowId);
    await page.locator('[data-testid="flow-canvas"] .react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("l");
    await page.waitForTimeout(800);
    await screenshot(page, "canvas-menu-laid-out");

    const edges = page.locator(".react-flow__edge");
    expect(await edges.count()).toBe(15);
    // Every drawn connection ends in an arrowhead that exists in the document.
    const markers = await page.locator(".react-flow__edge-path").evaluateAll((paths) => paths.map((path) => path.getAttribute("marker-end") ?? ""));
    expect(markers.every((marker) => /^url\('?#.+'?\)$/.test(marker))).toBe(true);
    for (const marker of new Set(markers)) {
      const id = marker.replace(/^url\('?#/, "").replace(/'?\)$/, "");
      expect(await page.locator(`marker[id="${id}"]`).count()).toBe(1);
    }
    // A menu's exits are named on the canvas at all times; a single "next" only on hover.
    const labels = page.locator('[data-testid="edge-label"].is-always');
    const visible = await labels.allTextContents();
    for (const key of ["1", "2", "3", "4", "5"]) expect(visible.some((text) => text.includes(`Choice ${key}`))).toBe(true);
    expect(visible).toContain("timeout");
    expect(visible).toContain("invalid");
    expect(visible).toContain("closed");
    expect(visible).not.toContain("next");
    const labelBoxes = await labels.evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect()).map((box) => ({ x: box.x, y: box.y, width: box.width, height: box.height })));
    expect(labelBoxes.every((box) => box.width > 0 && box.height > 0)).toBe(true);

    // The five keys' exits leave the menu as five separate lines (not merged into one).
    const menuPaths = await page.locator('.react-flow__edge[data-id^="e-"]').evaluateAll((groups) =>
      groups.filter((group) => /^e-[1-5]$/.test(group.getAttribute("data-id") ?? "")).map((group) => group.querySelector(".react-flow__edge-path")?.getAttribute("d") ?? ""),
    );
    expect(new Set(menuPaths).size).toBe(5);

    // No connection runs through a node it does not start or end at: sample each path on screen.
    const crossings = await page.evaluate(() => {
      const nodes = [...document.querySelectorAll<HTMLElement>('[data-testid="flow-node"]')].map((element) => ({ id: element.getAttribute("data-node-id") ?? "", box: element.getBoundingClientRect() }));
      const found: string[] = [];
      for (const group of document.querySelectorAll<SVGGElement>(".react-flow__edge")) {
        const path = group.querySelector<SVGPathElement>(".react-flow__edge-path");
        const matrix = path?.getScreenCTM();
        if (!path || !matrix) continue;
        const id = group.getAttribute("data-id") ?? "";
        const length = path.getTotalLength();
        for (let step = 1; step < 60; step += 1) {
          const point = path.getPointAtLength((length * step) / 60);
          const x = matrix.a * point.x + matrix.c * point.y + matrix.e;
          const y = matrix.b * point.x + matrix.d * point.y + matrix.f;
          for (const { id: nodeId, box } of nodes) {
            if (x > box.left + 2 && x < box.right - 2 && y > box.top + 2 && y < box.bottom - 2) found.push(`${id} through ${nodeId}`);
          }
        }
      }
      return [...new Set(found)];
    });
    // An edge's ends sit on its nodes' borders (the handles), never inside: any sample inside a node is a crossing.
    expect(crossings).toEqual([]);
  });

  it("auto-layout keeps the menu's option order and the nodes readable at the fitted zoom", async () => {
    const rects = await nodeRects();
    const order = ["say1", "say2", "say3", "say4", "say5"];
    expect([...order].sort((a, b) => (rects.get(a)?.y ?? 0) - (rects.get(b)?.y ?? 0))).toEqual(order);
    expectNoOverlaps(rects);
    const zoom = await page.locator(".react-flow__viewport").evaluate((element) => new DOMMatrixReadOnly(getComputedStyle(element).transform).a);
    expect(zoom).toBeGreaterThanOrEqual(0.7);
    // Saved as laid out.
    await waitSaved(page);
    const saved = await draft((await app.db.prisma.flow.findFirstOrThrow({ where: { name: "Readable canvas" } })).id);
    const y = (id: string) => saved.nodes.find((candidate) => candidate.id === id)?.position.y ?? 0;
    expect([...order].sort((a, b) => y(a) - y(b))).toEqual(order);
  });

  it("puts palette clicks and pasted nodes into free space, never on top of other nodes", async () => {
    const count = () => page.locator('[data-testid="flow-node"]').count();
    for (let added = 1; added <= 4; added += 1) {
      await page.locator('[data-testid="palette-play"]').click();
      await expect.poll(count, { timeout: 10_000 }).toBe(9 + added);
    }
    await node(page, "say3").locator(".flow-node-header").click();
    await page.keyboard.press("Control+C");
    // The pointer rests on the copied node itself.
    const box = await node(page, "say3").boundingBox();
    await page.mouse.move((box?.x ?? 0) + 40, (box?.y ?? 0) + 20);
    await page.keyboard.press("Control+V");
    await expect.poll(count, { timeout: 10_000 }).toBe(14);
    await page.keyboard.press("Control+V");
    await expect.poll(count, { timeout: 10_000 }).toBe(15);
    await page.waitForTimeout(300);
    expectNoOverlaps(await nodeRects());
    await screenshot(page, "canvas-free-space");
  });

  it("lets a node be dropped where the minimap is, and brings it into view", async () => {
    const minimap = await page.locator(".react-flow__minimap").boundingBox();
    const canvas = await page.locator('[data-testid="flow-canvas"]').boundingBox();
    expect(minimap).not.toBeNull();
    // Counted on the minimap, which draws every node: the canvas draws only those on screen, and
    // bringing the new node into view may move others off it.
    const nodesInFlow = () => page.locator(".react-flow__minimap-node").count();
    const before = await nodesInFlow();
    await page.locator('[data-testid="palette-hangup"]').dragTo(page.locator('[data-testid="flow-canvas"]'), {
      targetPosition: { x: (minimap?.x ?? 0) - (canvas?.x ?? 0) + (minimap?.width ?? 0) / 2, y: (minimap?.y ?? 0) - (canvas?.y ?? 0) + (minimap?.height ?? 0) / 2 },
    });
    await expect.poll(nodesInFlow, { timeout: 10_000 }).toBe(before + 1);
    await page.waitForTimeout(500);
    const added = (await page.locator('[data-testid="flow-node"].is-selected').boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };
    const map = (await page.locator(".react-flow__minimap").boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };
    expect(overlaps(added, map)).toBe(false);
  });

  it("keeps the last edit when a link is clicked right after typing", async () => {
    await page.locator('[data-testid="flow-canvas"] .react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("f");
    await page.waitForTimeout(500);
    await select("say2");
    const field = page.locator('[data-testid="node-settings"] [data-field-path="label"]');
    await field.click();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("Typed and left at once");
    await page.locator(".designer-topbar .back-link").click();
    await page.waitForURL((url) => url.pathname === "/flows");
    const flowId = (await app.db.prisma.flow.findFirstOrThrow({ where: { name: "Readable canvas" } })).id;
    await until("the typed label saved", async () => ((await draft(flowId)).nodes.find((candidate) => candidate.id === "say2")?.label === "Typed and left at once" ? true : undefined), 15_000);
    expect((await draft(flowId)).nodes.find((candidate) => candidate.id === "say2")?.label).toBe("Typed and left at once");
  });

  it("edits business hours in one weekly grid and finds the time zone by searching", async () => {
    const flowId = (await app.db.prisma.flow.findFirstOrThrow({ where: { name: "Readable canvas" } })).id;
    await openDesigner(flowId);
    await select("hours");
    const grid = page.locator('[data-testid="weekly-grid"]');
    await grid.waitFor();
    expect(await grid.locator("tbody tr").count()).toBe(7);
    // Not stored yet: the grid shows the default the call would use (Monday to Friday, 09:00–18:00).
    expect(await grid.locator('[data-testid="weekly-open-1"]').isChecked()).toBe(true);
    expect(await grid.locator('[data-testid="weekly-open-7"]').isChecked()).toBe(false);
    // Saturday opens 10:00–14:00; Friday closes.
    await grid.locator('[data-testid="weekly-open-6"]').check();
    const saturday = grid.locator('tr[data-day="6"] [data-testid="weekly-range"]');
    await saturday.locator("input").nth(0).fill("10:00");
    await saturday.locator("input").nth(1).fill("14:00");
    await grid.locator('[data-testid="weekly-open-5"]').uncheck();

    const search = page.locator('[data-testid="time-zone-field"] input[type="search"]');
    await search.fill("berlin");
    const options = page.locator('[data-testid="time-zone-options"] [role="option"]');
    await expect.poll(() => options.count()).toBeGreaterThan(0);
    expect(await options.first().getAttribute("data-zone")).toBe("Europe/Berlin");
    await options.first().click();
    await screenshot(page, "canvas-business-hours");
    await waitSaved(page);
    const hours = (await draft(flowId)).nodes.find((candidate) => candidate.id === "hours");
    expect(hours?.data.timezone).toBe("Europe/Berlin");
    const weekly = z.array(z.object({ day: z.number(), open: z.string(), close: z.string() })).parse(hours?.data.weekly);
    expect(weekly.filter((range) => range.day === 5)).toEqual([]);
    expect(weekly.filter((range) => range.day === 6)).toEqual([{ day: 6, open: "10:00", close: "14:00" }]);
    expect(weekly.filter((range) => range.day === 1)).toEqual([{ day: 1, open: "09:00", close: "18:00" }]);
  });

  it("does not commit half-composed input-method text in a prompt, and counts its length", async () => {
    await select("say1");
    const text = page.locator('[data-testid="node-settings"] [data-testid="prompt-text"]');
    await text.waitFor();
    expect(await page.locator('[data-testid="node-settings"] [data-field-path="media.0.text"] .monaco-editor').count()).toBe(0);
    await text.fill("");
    await text.evaluate((element) => {
      if (!(element instanceof HTMLTextAreaElement)) throw new Error("not a text area");
      const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")?.set;
      element.focus();
      element.dispatchEvent(new CompositionEvent("compositionstart", { bubbles: true, data: "" }));
      for (const partial of ["n", "ni", "ni h", "ni hao"]) {
        setValue?.call(element, partial);
        element.dispatchEvent(new InputEvent("input", { bubbles: true, isComposing: true, data: partial, inputType: "insertCompositionText" }));
      }
    });
    await page.waitForTimeout(300);
    // Nothing half-typed reached the flow: the node on the canvas does not show the pinyin.
    expect(await node(page, "say1").textContent()).not.toContain("ni hao");
    await text.evaluate((element) => {
      if (!(element instanceof HTMLTextAreaElement)) throw new Error("not a text area");
      const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")?.set;
      setValue?.call(element, "你好");
      element.dispatchEvent(new InputEvent("input", { bubbles: true, isComposing: true, data: "你好", inputType: "insertCompositionText" }));
      element.dispatchEvent(new CompositionEvent("compositionend", { bubbles: true, data: "你好" }));
    });
    await expect.poll(() => node(page, "say1").textContent()).toContain("你好");
    expect(await text.inputValue()).toBe("你好");
    expect(await page.locator('[data-testid="node-settings"] [data-testid="prompt-length"]').textContent()).toMatch(/^2 of 2,?000 characters$/);
    await waitSaved(page);
    const flowId = (await app.db.prisma.flow.findFirstOrThrow({ where: { name: "Readable canvas" } })).id;
    const say1 = (await draft(flowId)).nodes.find((candidate) => candidate.id === "say1");
    expect(JSON.stringify(say1?.data)).toContain("你好");
    expect(JSON.stringify(say1?.data)).not.toContain("ni");
  });

  it("offers the installed voices for a prompt's language", async () => {
    await page.locator('[data-testid="node-settings"] .media-more summary').first().click();
    const language = page.locator('[data-testid="node-settings"] [data-testid="tts-language"]').first();
    await language.selectOption("en-US");
    const voice = page.locator('[data-testid="node-settings"] [data-testid="tts-voice"]').first();
    const values = () => voice.locator("option").evaluateAll((options) => options.map((option) => option.getAttribute("value") ?? ""));
    // Only English voices once the language is English (the call's language offered Chinese ones too).
    await expect.poll(async () => (await values()).filter((value) => value !== "" && !value.startsWith("en")), { timeout: 15_000 }).toEqual([]);
    expect(await values()).toContain("en-us");
    await voice.selectOption("en-us");
    await waitSaved(page);
    await screenshot(page, "canvas-prompt-voice");
  });
});
