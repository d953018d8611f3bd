import type { AssertKind, RegexNode } from "./regex-ast";

export type Instruction =
  | { op: "char"; ranges: number[]; negate: boolean; next: number }
  | { op: "split"; x: number; y: number }
  | { op: "jump"; x: number }
  | { op: "assert"; assert: AssertKind; next: number }
  | { op: "match" };

export interface Program {
  instructions: Instruction[];
  start: number;
}

/** Each copy of a counted repetition adds instructions; past this the pattern is refused, not slow. */
export const MAX_INSTRUCTIONS = 20_000;

export class ProgramTooLarge extends Error {}

/**
 * Thompson's construction, continuation style: each node is compiled knowing the instruction that
 * follows it, so no back-patching of dangling exits is needed except for the loop instructions.
 */
export function compileProgram(node: RegexNode): Program {
  const instructions: Instruction[] = [];
  const emit = (instruction: Instruction): number => {
    if (instructions.length >= MAX_INSTRUCTIONS) throw new ProgramTooLarge("pattern too large");
    instructions.push(instruction);
    return instructions.length - 1;
  };

  const star = (item: RegexNode, next: number): number => {
    const loop = emit({ op: "split", x: -1, y: next });
    const body = compile(item, loop);
    instructions[loop] = { op: "split", x: body, y: next };
    return loop;
  };

  function compile(n: RegexNode, next: number): number {
    switch (n.kind) {
      case "empty":
        return next;
      case "char":
        return emit({ op: "char", ranges: n.set.ranges, negate: n.set.negate, next });
      case "assert":
        return emit({ op: "assert", assert: n.assert, next });
      case "concat": {
        let entry = next;
        for (let i = n.items.length - 1; i >= 0; i -= 1) {
          const item = n.items[i];
          if (item !== undefined) entry = compile(item, entry);
        }
        return entry;
      }
      case "alt": {
        const entries = n.items.map((item) => compile(item, next));
        let entry = entries[entries.length - 1] ?? next;
        for (let i = entries.length - 2; i >= 0; i -= 1) entry = emit({ op: "split", x: entries[i] ?? next, y: entry });
        return entry;
      }
      case "repeat": {
        let entry = next;
        if (n.max === Infinity) entry = star(n.item, next);
        else for (let i = n.min; i < n.max; i += 1) entry = emit({ op: "split", x: compile(n.item, entry), y: next });
        for (let i = 0; i < n.min; i += 1) entry = compile(n.item, entry);
        return entry;
      }
    }
  }

  const match = emit({ op: "match" });
  return { instructions, start: compile(node, match) };
}
