import type { Program } from "./compile-program";
import { inRanges, isWordChar, type AssertKind } from "./regex-ast";

function assertHolds(kind: AssertKind, input: string, pos: number): boolean {
  switch (kind) {
    case "start":
      return pos === 0;
    case "end":
      return pos === input.length;
    case "word-boundary":
    case "not-word-boundary": {
      const before = pos > 0 && isWordChar(input.charCodeAt(pos - 1));
      const after = pos < input.length && isWordChar(input.charCodeAt(pos));
      return (before !== after) === (kind === "word-boundary");
    }
  }
}

/**
 * Pike's simulation of the NFA without captures: every live state advances together, one input
 * character at a time, and a state is visited at most once per position. Time is
 * O(input length × program size) whatever the pattern; nothing ever backtracks.
 * `search` starts a new thread at every position (like RegExp.test); otherwise only at 0.
 */
export function runProgram(program: Program, input: string, search: boolean): boolean {
  const size = program.instructions.length;
  const seen = new Int32Array(size).fill(-1);
  let current = new Int32Array(size);
  let following = new Int32Array(size);
  let currentCount = 0;
  let followingCount = 0;
  const stack = new Int32Array(size * 2 + 2);

  const add = (list: Int32Array, count: number, pc: number, pos: number, stamp: number): number => {
    let top = 0;
    stack[top++] = pc;
    let n = count;
    while (top > 0) {
      const at = stack[--top] ?? 0;
      if (seen[at] === stamp) continue;
      seen[at] = stamp;
      const instruction = program.instructions[at];
      if (instruction === undefined) continue;
      switch (instruction.op) {
        case "jump":
          stack[top++] = instruction.x;
          break;
        case "split":
          // y first on the stack, so x is explored first (priority does not change a yes/no answer)
          stack[top++] = instruction.y;
          stack[top++] = instruction.x;
          break;
        case "assert":
          if (assertHolds(instruction.assert, input, pos)) stack[top++] = instruction.next;
          break;
        default:
          list[n++] = at;
      }
    }
    return n;
  };

  currentCount = add(current, 0, program.start, 0, 0);
  for (let pos = 0; ; pos += 1) {
    for (let i = 0; i < currentCount; i += 1) {
      if (program.instructions[current[i] ?? 0]?.op === "match") return true;
    }
    if (pos >= input.length) return false;
    const code = input.charCodeAt(pos);
    const stamp = pos + 1;
    followingCount = 0;
    for (let i = 0; i < currentCount; i += 1) {
      const instruction = program.instructions[current[i] ?? 0];
      if (instruction?.op === "char" && inRanges(instruction.ranges, code) !== instruction.negate) {
        followingCount = add(following, followingCount, instruction.next, pos + 1, stamp);
      }
    }
    if (search) followingCount = add(following, followingCount, program.start, pos + 1, stamp);
    [current, following] = [following, current];
    currentCount = followingCount;
    if (currentCount === 0 && !search) return false;
  }
}
