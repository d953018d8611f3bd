export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Space kept clear around a new node, so it never touches its neighbours. */
const GAP = 24;
const STEP = 40;
const MAX_RINGS = 40;

const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width + GAP && b.x < a.x + a.width + GAP && a.y < b.y + b.height + GAP && b.y < a.y + a.height + GAP;

/**
 * Where a box of `size` goes when it should be near `desired` (its top-left corner) but not on top
 * of any of `taken`: the desired point when it is free, else the nearest free point on a grid
 * around it, else just below everything.
 */
export function freeSpot(desired: { x: number; y: number }, size: { width: number; height: number }, taken: readonly Box[]): { x: number; y: number } {
  const fits = (x: number, y: number) => {
    const box = { x, y, width: size.width, height: size.height };
    return !taken.some((other) => overlaps(box, other));
  };
  if (fits(desired.x, desired.y)) return { x: desired.x, y: desired.y };
  for (let ring = 1; ring <= MAX_RINGS; ring += 1) {
    const candidates: { x: number; y: number; distance: number }[] = [];
    for (let dx = -ring; dx <= ring; dx += 1) {
      for (let dy = -ring; dy <= ring; dy += 1) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        candidates.push({ x: desired.x + dx * STEP, y: desired.y + dy * STEP, distance: Math.hypot(dx, dy) });
      }
    }
    candidates.sort((a, b) => a.distance - b.distance);
    const found = candidates.find((candidate) => fits(candidate.x, candidate.y));
    if (found !== undefined) return { x: found.x, y: found.y };
  }
  const bottom = Math.max(...taken.map((box) => box.y + box.height));
  return { x: desired.x, y: Math.round(bottom + GAP * 2) };
}
