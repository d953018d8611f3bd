// Prints the measured geometry of every node kind in the benchmark flow (node size, handle centres),
// to check the designer's size estimate for nodes that have not been drawn yet.
//   npx tsx scripts/bench/designer-geometry.ts [menus=5]
import { runBench, withDesignerSession } from "./designer-session";

async function main(): Promise<void> {
  await withDesignerSession(Number(process.argv[2] ?? 5), async ({ page, flowUrl }) => {
    await page.goto(flowUrl);
    await page.locator(".react-flow__node").first().waitFor();
    await page.waitForTimeout(500);
    const rows = await page.evaluate(`(() => {
      const zoom = new DOMMatrixReadOnly(getComputedStyle(document.querySelector(".react-flow__viewport")).transform).m22;
      return [...document.querySelectorAll(".react-flow__node")].slice(0, 12).map((el) => {
        const box = el.getBoundingClientRect();
        const handles = [...el.querySelectorAll(".react-flow__handle")].map((h) => {
          const r = h.getBoundingClientRect();
          return (h.classList.contains("source") ? "s:" : "t:") + (h.dataset.handleid ?? "") + "@" + ((r.left - box.left) / zoom).toFixed(1) + "," + ((r.top - box.top) / zoom).toFixed(1) + " " + (r.width / zoom).toFixed(1) + "x" + (r.height / zoom).toFixed(1);
        });
        const parts = [".flow-node-header", ".flow-node-body", ".flow-node-label", ".flow-node-summary", ".flow-node-ports", ".flow-port"].map((s) => { const p = el.querySelector(s); return p ? s + "=" + (p.getBoundingClientRect().height / zoom).toFixed(1) : ""; });
        return el.dataset.id + " " + (box.width / zoom).toFixed(1) + "x" + (box.height / zoom).toFixed(1) + " " + el.offsetWidth + "x" + el.offsetHeight + " | " + parts.join(" ") + " | " + handles.join(" ; ") + " | " + (el.querySelector(".flow-node-summary")?.textContent ?? "");
      });
    })()`);
    process.stdout.write(`${(rows as string[]).join("\n")}\n`);
    // SCREENSHOT=dir: the canvas as opened, and after panning onto nodes that were not drawn before.
    if (process.env.SCREENSHOT !== undefined) {
      await page.screenshot({ path: `${process.env.SCREENSHOT}/designer-open.png` });
      const pane = await page.locator(".react-flow__pane").boundingBox();
      if (pane !== null) {
        await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
        await page.mouse.down();
        await page.mouse.move(pane.x + pane.width / 2 - 500, pane.y + pane.height / 2 - 300, { steps: 10 });
        await page.mouse.up();
        await page.waitForTimeout(300);
        await page.screenshot({ path: `${process.env.SCREENSHOT}/designer-panned.png` });
      }
    }
  });
}

runBench(main);
