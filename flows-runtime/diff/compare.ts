import type { PathSegment } from "./types";

/** Code-unit order: the same on every machine, unlike localeCompare. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const DIGITS = /^\d+$/;

/** Numbers first, then strings; digit-only strings by value so option 10 comes after option 9. */
export function compareIdentities(a: string | number, b: string | number): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "number") return -1;
  if (typeof b === "number") return 1;
  if (DIGITS.test(a) && DIGITS.test(b) && a.length !== b.length) return a.length - b.length;
  return compareStrings(a, b);
}

function rank(segment: PathSegment): number {
  return typeof segment === "number" ? 0 : typeof segment === "string" ? 2 : 1;
}

function compareSegments(a: PathSegment, b: PathSegment): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "string" && typeof b === "string") return compareStrings(a, b);
  if (typeof a === "object" && typeof b === "object") return compareStrings(a.by, b.by) || compareIdentities(a.value, b.value);
  return rank(a) - rank(b);
}

/** Segment by segment; a path sorts before the paths inside it. */
export function comparePaths(a: readonly PathSegment[], b: readonly PathSegment[]): number {
  const shared = Math.min(a.length, b.length);
  for (let index = 0; index < shared; index += 1) {
    const left = a[index];
    const right = b[index];
    if (left === undefined || right === undefined) break;
    const order = compareSegments(left, right);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}
