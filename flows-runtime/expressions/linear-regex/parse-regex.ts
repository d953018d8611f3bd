import { complement, DIGIT, LINE_TERMINATORS, SPACE, WORD, type CharSet, type RegexNode } from "./regex-ast";

/** Larger counts ({1001}) are refused, as RE2 does: the program grows with each copy. */
export const MAX_REPEAT = 1000;

export type RegexSyntaxError = { kind: "invalid" | "unsupported"; message: string; position: number };
export type ParsedRegex = { ok: true; node: RegexNode } | { ok: false; error: RegexSyntaxError };

class Failure {
  constructor(readonly error: RegexSyntaxError) {}
}

const set = (ranges: number[], negate = false): RegexNode => ({ kind: "char", set: { ranges, negate } });
const literal = (code: number): RegexNode => set([code, code]);
const CLASS_ESCAPES: Record<string, { ranges: number[]; negate: boolean }> = {
  d: { ranges: DIGIT, negate: false },
  D: { ranges: DIGIT, negate: true },
  w: { ranges: WORD, negate: false },
  W: { ranges: WORD, negate: true },
  s: { ranges: SPACE, negate: false },
  S: { ranges: SPACE, negate: true },
};
const CONTROL_ESCAPES: Record<string, number> = { t: 0x09, n: 0x0a, v: 0x0b, f: 0x0c, r: 0x0d };
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= "0" && ch <= "9";
const isHex = (text: string): boolean => /^[0-9A-Fa-f]+$/.test(text);

/**
 * Parses the RE2-like subset of JavaScript regular expressions (no flags) that a Thompson NFA can
 * match in linear time: literals, ., classes, \d\w\s and their negations, \b, ^, $, groups,
 * alternation and greedy or lazy repetition. Backreferences and lookaround are refused with the
 * reason, never approximated.
 */
class Parser {
  private pos = 0;

  constructor(private readonly source: string) {}

  parse(): RegexNode {
    const node = this.alternation();
    if (this.pos < this.source.length) this.fail("invalid", "unmatched )");
    return node;
  }

  private fail(kind: RegexSyntaxError["kind"], message: string, position = this.pos): never {
    throw new Failure({ kind, message, position });
  }

  private peek(offset = 0): string | undefined {
    return this.source[this.pos + offset];
  }

  private alternation(): RegexNode {
    const items = [this.sequence()];
    while (this.peek() === "|") {
      this.pos += 1;
      items.push(this.sequence());
    }
    return items.length === 1 && items[0] !== undefined ? items[0] : { kind: "alt", items };
  }

  private sequence(): RegexNode {
    const items: RegexNode[] = [];
    while (this.pos < this.source.length && this.peek() !== "|" && this.peek() !== ")") {
      const start = this.pos;
      const atom = this.atom();
      items.push(this.quantified(atom, start));
    }
    if (items.length === 0) return { kind: "empty" };
    return items.length === 1 && items[0] !== undefined ? items[0] : { kind: "concat", items };
  }

  private quantified(atom: RegexNode, atomStart: number): RegexNode {
    const bounds = this.quantifier();
    if (bounds === null) return atom;
    if (atom.kind === "assert" && this.source[atomStart] !== "(") this.fail("invalid", "nothing to repeat", atomStart);
    if (this.peek() === "?") this.pos += 1; // lazy: the same set of matches for a yes/no test
    if (this.peek() === "*" || this.peek() === "+" || this.peek() === "?" || this.readBraces() !== null) {
      this.fail("invalid", "nothing to repeat");
    }
    return { kind: "repeat", item: atom, min: bounds.min, max: bounds.max };
  }

  /** {n}, {n,} or {n,m} at the cursor without consuming it; null when the text is not one (then "{" is a literal). */
  private readBraces(): { min: number; max: number; length: number } | null {
    const match = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.pos, this.pos + 24));
    if (match === null || match[1] === undefined) return null;
    const min = Number(match[1]);
    const max = match[2] === undefined ? min : match[3] === undefined || match[3] === "" ? Infinity : Number(match[3]);
    return { min, max, length: match[0].length };
  }

  private quantifier(): { min: number; max: number } | null {
    const ch = this.peek();
    if (ch === "*" || ch === "+" || ch === "?") {
      this.pos += 1;
      return ch === "*" ? { min: 0, max: Infinity } : ch === "+" ? { min: 1, max: Infinity } : { min: 0, max: 1 };
    }
    const braces = this.readBraces();
    if (braces === null) return null;
    if (braces.min > braces.max) this.fail("invalid", "numbers out of order in {} quantifier");
    if (braces.min > MAX_REPEAT || (braces.max !== Infinity && braces.max > MAX_REPEAT)) {
      this.fail("unsupported", `repetition counts above ${MAX_REPEAT} are not supported`);
    }
    this.pos += braces.length;
    return braces;
  }

  private atom(): RegexNode {
    const ch = this.peek();
    switch (ch) {
      case "(":
        return this.group();
      case "[":
        return this.charClass();
      case ".":
        this.pos += 1;
        return set(LINE_TERMINATORS, true);
      case "^":
        this.pos += 1;
        return { kind: "assert", assert: "start" };
      case "$":
        this.pos += 1;
        return { kind: "assert", assert: "end" };
      case "\\":
        return this.escape();
      case "*":
      case "+":
      case "?":
        return this.fail("invalid", "nothing to repeat");
      case "{":
        if (this.readBraces() !== null) this.fail("invalid", "nothing to repeat");
        break;
      default:
        break;
    }
    this.pos += 1;
    return literal(this.source.charCodeAt(this.pos - 1));
  }

  private group(): RegexNode {
    const open = this.pos;
    this.pos += 1;
    if (this.peek() === "?") {
      const rest = this.source.slice(this.pos, this.pos + 3);
      if (rest.startsWith("?:")) this.pos += 2;
      else if (rest.startsWith("?=") || rest.startsWith("?!") || rest.startsWith("?<=") || rest.startsWith("?<!")) {
        this.fail("unsupported", "lookahead and lookbehind ((?=, (?!, (?<=, (?<!) are not supported", open);
      } else if (rest.startsWith("?<")) {
        const name = /^\?<([A-Za-z_$][A-Za-z0-9_$]*)>/.exec(this.source.slice(this.pos));
        if (name === null) this.fail("invalid", "invalid group name", open);
        this.pos += name[0].length;
      } else this.fail("invalid", "invalid group", open);
    }
    const inner = this.alternation();
    if (this.peek() !== ")") this.fail("invalid", "unterminated group", open);
    this.pos += 1;
    return inner;
  }

  private escape(): RegexNode {
    const start = this.pos;
    this.pos += 1;
    const ch = this.peek();
    if (ch === undefined) return this.fail("invalid", "\\ at end of pattern", start);
    if (ch === "b" || ch === "B") {
      this.pos += 1;
      return { kind: "assert", assert: ch === "b" ? "word-boundary" : "not-word-boundary" };
    }
    if ((ch >= "1" && ch <= "9") || ch === "k") {
      this.fail("unsupported", "backreferences (\\1, \\k<name>) are not supported", start);
    }
    const classEscape = CLASS_ESCAPES[ch];
    if (classEscape !== undefined) {
      this.pos += 1;
      return set(classEscape.ranges, classEscape.negate);
    }
    return literal(this.escapedCode(start));
  }

  /** The code unit of a character escape (after the backslash), shared by atoms and classes. */
  private escapedCode(start: number): number {
    const ch = this.peek() ?? "";
    this.pos += 1;
    const control = CONTROL_ESCAPES[ch];
    if (control !== undefined) return control;
    if (ch === "0") {
      if (isDigit(this.peek())) this.fail("unsupported", "octal escapes are not supported", start);
      return 0;
    }
    if (ch === "x" || ch === "u") {
      const digits = this.source.slice(this.pos, this.pos + (ch === "x" ? 2 : 4));
      if (digits.length === (ch === "x" ? 2 : 4) && isHex(digits)) {
        this.pos += digits.length;
        return parseInt(digits, 16);
      }
      return ch.charCodeAt(0);
    }
    if (ch === "c") {
      const letter = this.peek();
      if (letter !== undefined && /[A-Za-z]/.test(letter)) {
        this.pos += 1;
        return letter.charCodeAt(0) % 32;
      }
      this.pos -= 1;
      return 0x5c; // a lone \c is a backslash followed by "c"
    }
    if (ch === "p" || ch === "P") return ch.charCodeAt(0); // without the u flag, \p is a plain "p"
    return ch.charCodeAt(0);
  }

  private charClass(): RegexNode {
    const open = this.pos;
    this.pos += 1;
    let negate = false;
    if (this.peek() === "^") {
      negate = true;
      this.pos += 1;
    }
    const ranges: number[] = [];
    for (;;) {
      const ch = this.peek();
      if (ch === undefined) this.fail("invalid", "unterminated character class", open);
      if (ch === "]") break;
      const from = this.classAtom();
      if (this.peek() === "-" && this.peek(1) !== "]" && this.peek(1) !== undefined) {
        const dash = this.pos;
        this.pos += 1;
        const to = this.classAtom();
        if (typeof from === "number" && typeof to === "number") {
          if (from > to) this.fail("invalid", "range out of order in character class", dash);
          ranges.push(from, to);
          continue;
        }
        // [\d-x]: the dash is a literal, as JavaScript reads it outside unicode mode
        this.addClassAtom(ranges, from);
        ranges.push(0x2d, 0x2d);
        this.addClassAtom(ranges, to);
        continue;
      }
      this.addClassAtom(ranges, from);
    }
    this.pos += 1;
    return set(ranges, negate);
  }

  private addClassAtom(ranges: number[], atom: number | CharSet): void {
    if (typeof atom === "number") ranges.push(atom, atom);
    else ranges.push(...(atom.negate ? complement(atom.ranges) : atom.ranges));
  }

  private classAtom(): number | CharSet {
    const ch = this.peek();
    if (ch !== "\\") {
      this.pos += 1;
      return this.source.charCodeAt(this.pos - 1);
    }
    const start = this.pos;
    this.pos += 1;
    const next = this.peek();
    if (next === undefined) this.fail("invalid", "\\ at end of pattern", start);
    const classEscape = CLASS_ESCAPES[next];
    if (classEscape !== undefined) {
      this.pos += 1;
      return classEscape;
    }
    if (next === "b") {
      this.pos += 1;
      return 0x08;
    }
    if (next >= "1" && next <= "9") this.fail("unsupported", "octal escapes are not supported", start);
    if (next === "-") {
      this.pos += 1;
      return 0x2d;
    }
    return this.escapedCode(start);
  }
}

export function parseRegex(source: string): ParsedRegex {
  try {
    return { ok: true, node: new Parser(source).parse() };
  } catch (error) {
    if (error instanceof Failure) return { ok: false, error: error.error };
    throw error;
  }
}
