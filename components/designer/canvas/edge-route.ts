import { getBezierPath, Position } from "@xyflow/react";

export interface Obstacle {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Node boxes bucketed by grid cell, so an edge asks only about the nodes near it (2,000-node flows). */
export interface ObstacleIndex {
  near(minX: number, minY: number, maxX: number, maxY: number): Obstacle[];
}

const CELL = 400;
/** Room kept between an edge and a node it goes around. */
const CLEARANCE = 14;
/** How far an edge leaves its port (and enters its target) straight before it turns. */
const STUB = 24;
const CORNER = 10;
const LANE_GAP = 7;
const SAMPLES = 24;
/**
 * Where along its lane a detour's name sits, by the exit's lane: exits of one node that share a
 * corridor (a menu's keys looping back) would otherwise stack their names on one spot.
 */
const LABEL_SPOTS = [0.5, 0.25, 0.75, 0.375, 0.625, 0.15, 0.85, 0.5];

export function obstacleIndex(boxes: readonly Obstacle[]): ObstacleIndex {
  const cells = new Map<string, Obstacle[]>();
  for (const box of boxes) {
    for (let cx = Math.floor(box.x / CELL); cx <= Math.floor((box.x + box.width) / CELL); cx += 1) {
      for (let cy = Math.floor(box.y / CELL); cy <= Math.floor((box.y + box.height) / CELL); cy += 1) {
        const key = `${cx}:${cy}`;
        const list = cells.get(key);
        if (list === undefined) cells.set(key, [box]);
        else list.push(box);
      }
    }
  }
  return {
    near(minX, minY, maxX, maxY) {
      const found = new Set<Obstacle>();
      for (let cx = Math.floor(minX / CELL); cx <= Math.floor(maxX / CELL); cx += 1) {
        for (let cy = Math.floor(minY / CELL); cy <= Math.floor(maxY / CELL); cy += 1) {
          for (const box of cells.get(`${cx}:${cy}`) ?? []) {
            if (box.x < maxX && box.x + box.width > minX && box.y < maxY && box.y + box.height > minY) found.add(box);
          }
        }
      }
      return [...found];
    },
  };
}

export const EMPTY_OBSTACLES: ObstacleIndex = { near: () => [] };

interface Point {
  x: number;
  y: number;
}

/** Whether the segment a-b passes through the box grown by `pad` (Liang–Barsky clipping). */
function segmentHits(a: Point, b: Point, box: Obstacle, pad: number): boolean {
  const minX = box.x - pad;
  const maxX = box.x + box.width + pad;
  const minY = box.y - pad;
  const maxY = box.y + box.height + pad;
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const edges: [number, number][] = [
    [-dx, a.x - minX],
    [dx, maxX - a.x],
    [-dy, a.y - minY],
    [dy, maxY - a.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const r = q / p;
    if (p < 0) {
      if (r > t1) return false;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return false;
      if (r < t1) t1 = r;
    }
  }
  return true;
}

const polylineHits = (points: readonly Point[], boxes: readonly Obstacle[], pad: number): boolean => {
  for (let index = 1; index < points.length; index += 1) {
    const a = points[index - 1];
    const b = points[index];
    if (a !== undefined && b !== undefined && boxes.some((box) => segmentHits(a, b, box, pad))) return true;
  }
  return false;
};

/** Points along the bezier React Flow would draw from a right-side source to a left-side target. */
function bezierPoints(source: Point, target: Point): Point[] {
  const offset = Math.max(Math.abs(target.x - source.x) * 0.5, 25);
  const c1 = { x: source.x + offset, y: source.y };
  const c2 = { x: target.x - offset, y: target.y };
  const points: Point[] = [];
  for (let step = 0; step <= SAMPLES; step += 1) {
    const t = step / SAMPLES;
    const u = 1 - t;
    points.push({
      x: u * u * u * source.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * target.x,
      y: u * u * u * source.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * target.y,
    });
  }
  return points;
}

/** An orthogonal polyline as an SVG path with rounded corners. */
function roundedPath(points: readonly Point[]): string {
  let path = "";
  points.forEach((point, index) => {
    const previous = points[index - 1];
    const next = points[index + 1];
    if (previous === undefined) {
      path = `M ${point.x},${point.y}`;
      return;
    }
    if (next === undefined) {
      path += ` L ${point.x},${point.y}`;
      return;
    }
    const inLength = Math.hypot(point.x - previous.x, point.y - previous.y);
    const outLength = Math.hypot(next.x - point.x, next.y - point.y);
    const radius = Math.min(CORNER, inLength / 2, outLength / 2);
    if (radius <= 0) {
      path += ` L ${point.x},${point.y}`;
      return;
    }
    const before = { x: point.x - ((point.x - previous.x) / inLength) * radius, y: point.y - ((point.y - previous.y) / inLength) * radius };
    const after = { x: point.x + ((next.x - point.x) / outLength) * radius, y: point.y + ((next.y - point.y) / outLength) * radius };
    path += ` L ${before.x},${before.y} Q ${point.x},${point.y} ${after.x},${after.y}`;
  });
  return path;
}

export interface EdgeRoute {
  path: string;
  labelX: number;
  labelY: number;
  /** "curve": the plain bezier; "detour": around the nodes in its way. */
  kind: "curve" | "detour";
}

/**
 * The path of a connection from an exit (right side of `sourceId`) to an input (left side of
 * `targetId`): React Flow's bezier when no other node is in its way, else an orthogonal detour
 * along the nearest free horizontal lane, so no edge is hidden behind a node.
 */
export function routeEdge(source: Point, target: Point, sourceId: string, targetId: string, obstacles: ObstacleIndex, lane = 0): EdgeRoute {
  const forward = target.x - source.x > STUB * 2;
  if (forward) {
    const points = bezierPoints(source, target);
    const minY = Math.min(source.y, target.y);
    const maxY = Math.max(source.y, target.y);
    const others = obstacles.near(source.x, minY - CLEARANCE, target.x, maxY + CLEARANCE).filter((box) => box.id !== sourceId && box.id !== targetId);
    if (!polylineHits(points, others, 2)) {
      const [path, labelX, labelY] = getBezierPath({ sourceX: source.x, sourceY: source.y, sourcePosition: Position.Right, targetX: target.x, targetY: target.y, targetPosition: Position.Left });
      return { path, labelX, labelY, kind: "curve" };
    }
  }

  // Exits of one node that detour side by side (timeout and invalid) keep apart by their port's place.
  const spread = (lane % 8) * LANE_GAP;
  const x1 = source.x + STUB + spread;
  const x2 = target.x - STUB - spread;
  const left = Math.min(x1, x2);
  const right = Math.max(x1, x2);
  const span = Math.max(600, Math.abs(target.y - source.y) + 600);
  const minY = Math.min(source.y, target.y) - span;
  const maxY = Math.max(source.y, target.y) + span;
  const all = obstacles.near(left - CLEARANCE, minY, right + CLEARANCE, maxY);
  // Going back (a loop to an earlier node), the lane must also clear the two nodes themselves.
  const inTheWay = forward ? all.filter((box) => box.id !== sourceId && box.id !== targetId) : all;
  const ends = all.filter((box) => box.id !== sourceId && box.id !== targetId);
  // Exits that end at one node run in beside each other into it, not on one shared line.
  const candidates = [source.y, target.y + spread, ...inTheWay.flatMap((box) => [box.y - CLEARANCE * 2 - spread, box.y + box.height + CLEARANCE * 2 + spread])];
  // Cheapest lane first: the first free one is the answer (a dense flow has hundreds of candidates).
  const ordered = candidates.map((y) => ({ y, cost: Math.abs(y - source.y) + Math.abs(y - target.y) })).sort((a, b) => a.cost - b.cost);
  let best: { y: number; cost: number } | null = null;
  for (const candidate of ordered) {
    const { y } = candidate;
    const lane = [
      { x: x1, y },
      { x: x2, y },
    ];
    if (polylineHits(lane, inTheWay, CLEARANCE - 1)) continue;
    const verticals = [
      [
        { x: x1, y: source.y },
        { x: x1, y },
      ],
      [
        { x: x2, y },
        { x: x2, y: target.y },
      ],
    ];
    if (verticals.some((segment) => polylineHits(segment, ends, 1))) continue;
    best = candidate;
    break;
  }
  if (best === null) {
    const [path, labelX, labelY] = getBezierPath({ sourceX: source.x, sourceY: source.y, sourcePosition: Position.Right, targetX: target.x, targetY: target.y, targetPosition: Position.Left });
    return { path, labelX, labelY, kind: "curve" };
  }
  const points = [source, { x: x1, y: source.y }, { x: x1, y: best.y }, { x: x2, y: best.y }, { x: x2, y: target.y }, target];
  const spot = LABEL_SPOTS[lane % LABEL_SPOTS.length] ?? 0.5;
  return { path: roundedPath(points), labelX: x1 + (x2 - x1) * spot, labelY: best.y, kind: "detour" };
}
