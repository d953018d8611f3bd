import { describe, expect, it } from "vitest";
import { obstacleIndex, routeEdge, type EdgeRoute, type Obstacle } from "./edge-route";

/** The corner points of a detour path ("M x,y L x,y Q ..."), to check them against boxes. */
function pathPoints(path: string): { x: number; y: number }[] {
  return [...path.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((match) => ({ x: Number(match[1]), y: Number(match[2]) }));
}

const inside = (point: { x: number; y: number }, box: Obstacle) => point.x > box.x && point.x < box.x + box.width && point.y > box.y && point.y < box.y + box.height;

/** Whether any straight piece between consecutive points passes through the box (sampled finely). */
function crosses(path: string, box: Obstacle): boolean {
  const points = pathPoints(path);
  for (let index = 1; index < points.length; index += 1) {
    const a = points[index - 1]!;
    const b = points[index]!;
    for (let step = 0; step <= 50; step += 1) {
      const t = step / 50;
      if (inside({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t }, box)) return true;
    }
  }
  return false;
}

const source: Obstacle = { id: "menu", x: 0, y: 0, width: 240, height: 220 };
const target: Obstacle = { id: "bye", x: 800, y: 60, width: 240, height: 60 };
const between: Obstacle = { id: "play", x: 400, y: 40, width: 240, height: 100 };

describe("edge routing", () => {
  it("draws a plain curve when nothing is in the way", () => {
    const route = routeEdge({ x: 240, y: 100 }, { x: 800, y: 90 }, "menu", "bye", obstacleIndex([source, target]));
    expect(route.kind).toBe("curve");
    expect(route.path.startsWith("M")).toBe(true);
  });

  it("goes around a node that sits between the exit and the target, instead of behind it", () => {
    const route = routeEdge({ x: 240, y: 100 }, { x: 800, y: 90 }, "menu", "bye", obstacleIndex([source, target, between]));
    expect(route.kind).toBe("detour");
    expect(crosses(route.path, between)).toBe(false);
    // The label sits on the lane, outside the node too.
    expect(inside({ x: route.labelX, y: route.labelY }, between)).toBe(false);
  });

  it("routes a loop back to an earlier node around both nodes", () => {
    const later: Obstacle = { id: "later", x: 600, y: 0, width: 240, height: 100 };
    const earlier: Obstacle = { id: "earlier", x: 0, y: 0, width: 240, height: 100 };
    const route = routeEdge({ x: 840, y: 50 }, { x: 0, y: 50 }, "later", "earlier", obstacleIndex([earlier, later]));
    expect(route.kind).toBe("detour");
    expect(crosses(route.path, { ...later, x: later.x + 1, width: later.width - 2 })).toBe(false);
    expect(crosses(route.path, { ...earlier, x: earlier.x + 1, width: earlier.width - 2 })).toBe(false);
  });

  it("finds nearby nodes only through the grid index", () => {
    const index = obstacleIndex([source, target, between, { id: "far", x: 5000, y: 5000, width: 10, height: 10 }]);
    expect(index.near(300, 0, 700, 200).map((box) => box.id)).toEqual(["play"]);
  });

  it("keeps two detouring exits of one node (timeout, invalid) on separate lines", () => {
    const index = obstacleIndex([source, target, between]);
    const timeout = routeEdge({ x: 240, y: 180 }, { x: 800, y: 90 }, "menu", "bye", index, 5);
    const invalid = routeEdge({ x: 240, y: 200 }, { x: 800, y: 90 }, "menu", "bye", index, 6);
    expect(timeout.kind).toBe("detour");
    expect(invalid.kind).toBe("detour");
    expect(timeout.labelY).not.toBe(invalid.labelY);
    expect(crosses(timeout.path, between) || crosses(invalid.path, between)).toBe(false);
  });

  it("staggers the names of one node's exits that share a corridor, so they do not cover each other", () => {
    const later: Obstacle = { id: "menu", x: 900, y: 0, width: 240, height: 220 };
    const earlier: Obstacle = { id: "start", x: 0, y: 0, width: 240, height: 100 };
    const index = obstacleIndex([earlier, later, between]);
    // Four keys of a menu all loop back to the start node.
    const labels = [0, 1, 2, 3].map((lane) => routeEdge({ x: 1140, y: 120 + lane * 20 }, { x: 0, y: 50 }, "menu", "start", index, lane));
    expect(labels.every((route) => route.kind === "detour")).toBe(true);
    // A name is about 120 by 16 pixels at the designer's font.
    const overlapping = (a: EdgeRoute, b: EdgeRoute) => Math.abs(a.labelX - b.labelX) < 120 && Math.abs(a.labelY - b.labelY) < 16;
    for (const [i, a] of labels.entries()) for (const b of labels.slice(i + 1)) expect(overlapping(a, b)).toBe(false);
  });
});
