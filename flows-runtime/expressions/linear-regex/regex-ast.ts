/** A set of UTF-16 code units: flat [lo0, hi0, lo1, hi1, …] inclusive ranges, optionally negated. */
export interface CharSet {
  ranges: number[];
  negate: boolean;
}

export type AssertKind = "start" | "end" | "word-boundary" | "not-word-boundary";

export type RegexNode =
  | { kind: "empty" }
  | { kind: "char"; set: CharSet }
  | { kind: "assert"; assert: AssertKind }
  | { kind: "concat"; items: RegexNode[] }
  | { kind: "alt"; items: RegexNode[] }
  | { kind: "repeat"; item: RegexNode; min: number; max: number };

export const DIGIT: number[] = [0x30, 0x39];
export const WORD: number[] = [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a];
/** JavaScript's \s: WhiteSpace and LineTerminator. */
export const SPACE: number[] = [
  0x09, 0x0d, 0x20, 0x20, 0xa0, 0xa0, 0x1680, 0x1680, 0x2000, 0x200a, 0x2028, 0x2029, 0x202f, 0x202f, 0x205f, 0x205f, 0x3000, 0x3000,
  0xfeff, 0xfeff,
];
/** What "." does not match without the s flag. */
export const LINE_TERMINATORS: number[] = [0x0a, 0x0a, 0x0d, 0x0d, 0x2028, 0x2029];

export function inRanges(ranges: readonly number[], code: number): boolean {
  for (let i = 0; i < ranges.length; i += 2) {
    const lo = ranges[i] ?? 0;
    const hi = ranges[i + 1] ?? -1;
    if (code >= lo && code <= hi) return true;
  }
  return false;
}

/** The complement of a range list over all UTF-16 code units. */
export function complement(ranges: readonly number[]): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < ranges.length; i += 2) pairs.push([ranges[i] ?? 0, ranges[i + 1] ?? 0]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  let next = 0;
  for (const [lo, hi] of pairs) {
    if (lo > next) out.push(next, lo - 1);
    next = Math.max(next, hi + 1);
  }
  if (next <= 0xffff) out.push(next, 0xffff);
  return out;
}

export const isWordChar = (code: number): boolean => inRanges(WORD, code);
