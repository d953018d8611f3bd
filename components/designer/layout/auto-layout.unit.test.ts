import { describe, expect, it } from "vitest";
import { graph, say } from "@/flows-runtime/testing/graph-builder";
import { graphSchema } from "@/flows-runtime/graph/schema";
import { generateLargeFlow } from "@/scripts/bench/designer-graph";
import { nodeBox } from "../model/node-geometry";
import { createEditorStore } from "../store/editor-store";
import { autoLayout } from "./auto-layout";

const menuData = { prompt: [{ kind: "tts", text: "Press a key" }], options: ["1", "2", "3", "4", "5"].map((key) => ({ key, label: `Option ${key}` })) };

/** Start -> menu with five keys, each to its own prompt; timeout and invalid to a hang-up. Edges written in reverse order. */
function menuFlow() {
  const builder = graph().node("start", "start").node("menu", "menu", menuData);
  for (const key of ["1", "2", "3", "4", "5"]) builder.node(`say${key}`, "play", say(`You chose ${key}`));
  builder.node("bye", "hangup");
  for (const key of ["5", "4", "3", "2", "1"]) builder.edge("menu", `option:${key}`, `say${key}`);
  builder.edge("menu", "invalid", "bye").edge("menu", "timeout", "bye").edge("start", "next", "menu");
  return graphSchema.parse(builder.build());
}

const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe("auto-layout", () => {
  it("puts a menu's targets top to bottom in the menu's option order, then timeout and invalid", () => {
    const store = createEditorStore(menuFlow());
    store.getState().actions.autoLayout();
    const y = (id: string) => store.getState().nodes.find((node) => node.id === id)?.position.y ?? Number.NaN;
    const order = ["say1", "say2", "say3", "say4", "say5", "bye"];
    expect([...order].sort((a, b) => y(a) - y(b))).toEqual(order);
  });

  it("lays out left to right by distance from the start, without overlapping nodes", () => {
    const store = createEditorStore(menuFlow());
    store.getState().actions.autoLayout();
    const nodes = store.getState().nodes;
    const x = (id: string) => nodes.find((node) => node.id === id)?.position.x ?? Number.NaN;
    expect(x("start")).toBeLessThan(x("menu"));
    expect(x("menu")).toBeLessThan(x("say1"));
    expect(x("say1")).toBe(x("say5"));
    const boxes = nodes.map(nodeBox);
    for (const [index, box] of boxes.entries()) for (const other of boxes.slice(index + 1)) expect(overlap(box, other)).toBe(false);
  });

  it("keeps the order of the exits as given by their port order, not by the order the links were drawn", () => {
    const boxes = ["a", "b", "c", "d"].map((id) => ({ id, width: 100, height: 50 }));
    const positions = autoLayout(
      boxes,
      [
        { source: "a", target: "d", order: 2 },
        { source: "a", target: "c", order: 1 },
        { source: "a", target: "b", order: 0 },
      ],
      new Set(["a"]),
    );
    const y = (id: string) => positions.get(id)?.y ?? Number.NaN;
    expect(y("b")).toBeLessThan(y("c"));
    expect(y("c")).toBeLessThan(y("d"));
  });

  it("handles loops (a menu that repeats) and a 2,000-node flow without overlaps", () => {
    const looped = autoLayout(
      ["a", "b", "c"].map((id) => ({ id, width: 100, height: 50 })),
      [
        { source: "a", target: "b", order: 0 },
        { source: "b", target: "c", order: 0 },
        { source: "c", target: "a", order: 0 },
      ],
      new Set(["a"]),
    );
    expect((looped.get("a")?.x ?? 0) < (looped.get("b")?.x ?? 0) && (looped.get("b")?.x ?? 0) < (looped.get("c")?.x ?? 0)).toBe(true);

    // 500 menus: the 2,002-node flow of the designer benchmark.
    const store = createEditorStore(generateLargeFlow(500));
    store.getState().actions.autoLayout();
    const boxes = store.getState().nodes.map(nodeBox).sort((a, b) => a.x - b.x || a.y - b.y);
    // Nodes of one column share an x: neighbours in a column must not overlap.
    for (let index = 1; index < boxes.length; index += 1) {
      const previous = boxes[index - 1];
      const box = boxes[index];
      if (previous !== undefined && box !== undefined && previous.x === box.x) expect(box.y).toBeGreaterThanOrEqual(previous.y + previous.height);
    }
  });
});
