import type { Locator, Page } from "playwright-core";

export const node = (page: Page, nodeId: string): Locator => page.locator(`[data-testid="flow-node"][data-node-id="${nodeId}"]`);

/** Drags a node type from the palette onto the canvas at (x, y) relative to the canvas' top-left corner. */
export async function dragFromPalette(page: Page, nodeType: string, x: number, y: number): Promise<string> {
  const before = new Set(await page.locator('[data-testid="flow-node"]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-node-id") ?? "")));
  await page.locator(`[data-testid="palette-${nodeType}"]`).dragTo(page.locator('[data-testid="flow-canvas"]'), { targetPosition: { x, y } });
  await page.waitForFunction((count) => document.querySelectorAll('[data-testid="flow-node"]').length > count, before.size);
  const after = await page.locator('[data-testid="flow-node"]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-node-id") ?? ""));
  const added = after.find((id) => !before.has(id));
  if (added === undefined) throw new Error(`no ${nodeType} node appeared`);
  return added;
}

const edge = (page: Page, source: string, port: string, target: string): Locator =>
  page.locator(`.react-flow__edge[data-source="${source}"][data-source-port="${port}"][data-target="${target}"]`);

/**
 * Connects an exit of one node to the input of another with the mouse, and checks the connection is
 * drawn. A drag the canvas did not take (under load a node can still be moving after a tidy-up) is
 * tried again, as a person would, with the handles measured afresh.
 */
export async function connect(page: Page, source: string, port: string, target: string): Promise<void> {
  const attempts = 3;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    await dragEdge(page, source, port, target);
    try {
      await edge(page, source, port, target).waitFor({ state: "attached", timeout: 5_000 });
      return;
    } catch {
      // Not connected: drag again.
    }
  }
  throw new Error(`dragging ${source}:${port} to ${target} made no connection in ${attempts} attempts`);
}

async function dragEdge(page: Page, source: string, port: string, target: string): Promise<void> {
  const from = await node(page, source).locator(`[data-port="${port}"] .react-flow__handle`).boundingBox();
  const to = await node(page, target).locator(".flow-handle-in").boundingBox();
  if (from === null || to === null) throw new Error(`cannot see ${source}:${port} or ${target}`);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 5 });
  await page.mouse.up();
}

export async function edgeCount(page: Page): Promise<number> {
  return page.locator(".react-flow__edge").count();
}

/** Types into a Monaco field of the open settings form. */
export async function typeInCode(page: Page, fieldPath: string, text: string): Promise<void> {
  const field = page.locator(`[data-testid="node-settings"] [data-testid="code-field"][data-field-path="${fieldPath}"]`);
  await field.locator(".monaco-editor").waitFor();
  await field.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.type(text);
}

export async function waitSaved(page: Page): Promise<void> {
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 15_000 });
}
