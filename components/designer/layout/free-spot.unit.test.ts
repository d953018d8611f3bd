import { describe, expect, it } from "vitest";
import { graphSchema } from "@/flows-runtime/graph/schema";
import { graph, say } from "@/flows-runtime/testing/graph-builder";
import { nodeBox } from "../model/node-geometry";
import { createEditorStore } from "../store/editor-store";
import { freeSpot, type Box } from "./free-spot";

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe("freeSpot", () => {
  it("keeps a free position as it is", () => {
    expect(freeSpot({ x: 500, y: 500 }, { width: 240, height: 90 }, [{ x: 0, y: 0, width: 240, height: 90 }])).toEqual({ x: 500, y: 500 });
  });

  it("moves a box off the nodes it would cover, to the nearest free space", () => {
    const taken = [
      { x: 0, y: 0, width: 240, height: 90 },
      { x: 0, y: 120, width: 240, height: 200 },
    ];
    const spot = freeSpot({ x: 10, y: 10 }, { width: 240, height: 90 }, taken);
    for (const box of taken) expect(overlap({ ...spot, width: 240, height: 90 }, box)).toBe(false);
    expect(Math.hypot(spot.x - 10, spot.y - 10)).toBeLessThan(400);
  });
});

describe("new nodes land in free space", () => {
  const flow = () => {
    const input = graph().node("start", "start").node("hello", "play", say("Hello")).node("bye", "play", say("Bye")).edge("start", "next", "hello").edge("hello", "next", "bye").build();
    // The builder stacks nodes 10 px apart: spread them out as a person would have.
    return graphSchema.parse({ ...input, nodes: input.nodes.map((node, index) => ({ ...node, position: { x: index * 300, y: 0 } })) });
  };

  it("a palette click at a taken point, repeated, never covers another node", () => {
    const store = createEditorStore(flow());
    const taken = store.getState().nodes[0]?.position ?? { x: 0, y: 0 };
    for (let count = 0; count < 6; count += 1) store.getState().actions.addNode("play", taken);
    const boxes = store.getState().nodes.map(nodeBox);
    expect(boxes).toHaveLength(9);
    for (const [index, box] of boxes.entries()) for (const other of boxes.slice(index + 1)) expect(overlap(box, other)).toBe(false);
  });

  it("a pasted group moves as one to free space, keeping its shape", () => {
    const store = createEditorStore(flow());
    store.getState().actions.selectAll();
    const copied = store.getState().actions.copySelection() ?? "";
    // Pasted onto the first node (the pointer rests on it), then again without a pointer.
    expect(store.getState().actions.paste(copied, { x: 0, y: 0 })).toBe(true);
    expect(store.getState().actions.paste(copied)).toBe(true);
    const nodes = store.getState().nodes;
    const boxes = nodes.map(nodeBox);
    // The Start node is not pasted again: two plays per paste.
    expect(boxes).toHaveLength(7);
    for (const [index, box] of boxes.entries()) for (const other of boxes.slice(index + 1)) expect(overlap(box, other)).toBe(false);
    const pasted = nodes.slice(3);
    for (const pair of [pasted.slice(0, 2), pasted.slice(2, 4)]) {
      const [hello, bye] = pair;
      expect((bye?.position.x ?? 0) - (hello?.position.x ?? 0)).toBe(300);
      expect(bye?.position.y).toBe(hello?.position.y);
    }
  });
});
