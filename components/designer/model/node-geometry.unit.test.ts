import { describe, expect, it } from "vitest";
import { generateLargeFlow } from "@/scripts/bench/designer-graph";
import { createEditorStore } from "../store/editor-store";
import { estimateGeometry, LARGE_FLOW } from "./node-geometry";
import { toCanvas } from "./to-canvas";

describe("estimated node geometry (large flows)", () => {
  const graph = generateLargeFlow(100);

  it("matches what the browser measures for the benchmark's nodes", () => {
    // Measured in Chromium with scripts/bench/designer-geometry.ts.
    const nodes = toCanvas(graph).nodes;
    const menu = estimateGeometry(nodes.find((node) => node.id === "menu_0")!);
    expect(menu.initialHeight).toBe(218.5);
    expect(menu.handles?.find((handle) => handle.id === "option:1")).toMatchObject({ type: "source", x: 240, y: 111.5 });
    expect(menu.handles?.find((handle) => handle.id === "in")).toMatchObject({ type: "target", y: 104.25 });
    const play = estimateGeometry(nodes.find((node) => node.id === "play_0")!);
    expect(play.initialHeight).toBe(93);
    expect(play.handles?.find((handle) => handle.id === "next")?.y).toBe(74);
    const start = estimateGeometry(nodes.find((node) => node.id === "start")!);
    expect(start.handles?.map((handle) => handle.type)).toEqual(["source"]);
  });

  it("is given to large flows only, and dropped once a node is measured", () => {
    expect(graph.nodes.length).toBeGreaterThan(LARGE_FLOW);
    const editor = createEditorStore(graph);
    expect(editor.getState().nodes.every((node) => node.handles !== undefined && node.initialWidth === 240)).toBe(true);
    editor.getState().actions.onNodesChange([{ type: "dimensions", id: "menu_0", dimensions: { width: 240, height: 218.5 } }]);
    const menu = editor.getState().nodes.find((node) => node.id === "menu_0")!;
    expect(menu.handles).toBeUndefined();
    expect(menu.initialHeight).toBeUndefined();
    expect(menu.measured).toEqual({ width: 240, height: 218.5 });
    expect(editor.getState().nodes.find((node) => node.id === "menu_1")?.handles).toBeDefined();
    expect(editor.getState().actions.graph()).toEqual(graph);

    const small = createEditorStore(generateLargeFlow(5));
    expect(small.getState().nodes.some((node) => node.handles !== undefined)).toBe(false);
  });
});
