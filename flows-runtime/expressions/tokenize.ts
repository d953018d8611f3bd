import type { ExpressionError } from "./ast";

export type Punctuator =
  | "("
  | ")"
  | "["
  | "]"
  | "."
  | ","
  | "?"
  | ":"
  | "!"
  | "+"
  | "-"
  | "*"
  | "/"
  | "%"
  | "<"
  | "<="
  | ">"
  | ">="
  | "=="
  | "!="
  | "&&"
  | "||";

export type Token =
  | { type: "number"; value: number; start: number; end: number }
  | { type: "string"; value: string; start: number; end: number }
  | { type: "identifier"; value: string; start: number; end: number }
  | { type: "punctuator"; value: Punctuator; start: number; end: number }
  | { type: "end"; start: number; end: number };

export type TokenizeResult = { ok: true; tokens: Token[] } | { ok: false; error: ExpressionError };

// Longest first, so "<=" wins over "<".
const PUNCTUATORS: readonly Punctuator[] = [
  "<=",
  ">=",
  "==",
  "!=",
  "&&",
  "||",
  "(",
  ")",
  "[",
  "]",
  ".",
  ",",
  "?",
  ":",
  "!",
  "+",
  "-",
  "*",
  "/",
  "%",
  "<",
  ">",
];

/** Hints for characters admins type by habit from other languages. */
const CHARACTER_HINTS: Record<string, string> = {
  "=": 'use "==" to compare',
  "&": 'use "&&" for "and"',
  "|": 'use "||" for "or"',
};

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', "'": "'", "\\": "\\", n: "\n", t: "\t" };

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= "0" && ch <= "9";
const isIdentifierStart = (ch: string | undefined): boolean =>
  ch !== undefined && ((ch >= "a" && ch <= "z") || (ch >= "A" && ch <= "Z") || ch === "_");
const isIdentifierPart = (ch: string | undefined): boolean => isIdentifierStart(ch) || isDigit(ch);
const isWhitespace = (ch: string): boolean => ch === " " || ch === "\t" || ch === "\n" || ch === "\r";

function fail(code: string, message: string, position: number, length: number): TokenizeResult {
  return { ok: false, error: { code, message, position, length } };
}

/**
 * Splits `source[from, to)` into tokens whose offsets are positions in the whole `source`
 * (templates tokenize each hole in place so errors point into the template).
 */
export function tokenize(source: string, from = 0, to = source.length): TokenizeResult {
  const tokens: Token[] = [];
  let i = from;
  while (i < to) {
    const ch = source.charAt(i);
    if (isWhitespace(ch)) {
      i += 1;
      continue;
    }
    const start = i;

    if (isDigit(ch)) {
      while (isDigit(source[i]) && i < to) i += 1;
      if (source[i] === "." && isDigit(source[i + 1]) && i + 1 < to) {
        i += 1;
        while (isDigit(source[i]) && i < to) i += 1;
      }
      if ((source[i] === "e" || source[i] === "E") && i < to) {
        let j = i + 1;
        if ((source[j] === "+" || source[j] === "-") && j < to) j += 1;
        if (!isDigit(source[j]) || j >= to) {
          return fail("invalid_number", `Invalid number "${source.slice(start, j)}" at position ${start}`, start, j - start);
        }
        while (isDigit(source[j]) && j < to) j += 1;
        i = j;
      }
      const value = Number(source.slice(start, i));
      if (!Number.isFinite(value)) {
        return fail("invalid_number", `Number at position ${start} is too large`, start, i - start);
      }
      tokens.push({ type: "number", value, start, end: i });
      continue;
    }

    if (isIdentifierStart(ch)) {
      while (isIdentifierPart(source[i]) && i < to) i += 1;
      tokens.push({ type: "identifier", value: source.slice(start, i), start, end: i });
      continue;
    }

    if (ch === '"' || ch === "'") {
      let value = "";
      i += 1;
      let closed = false;
      while (i < to) {
        const c = source.charAt(i);
        if (c === ch) {
          closed = true;
          i += 1;
          break;
        }
        if (c !== "\\") {
          value += c;
          i += 1;
          continue;
        }
        const escaped = source[i + 1];
        if (escaped === undefined || i + 1 >= to) break;
        const simple = SIMPLE_ESCAPES[escaped];
        if (simple !== undefined) {
          value += simple;
          i += 2;
          continue;
        }
        if (escaped === "u") {
          const hex = source.slice(i + 2, Math.min(i + 6, to));
          if (!/^[0-9A-Fa-f]{4}$/.test(hex)) {
            return fail("invalid_escape", `Invalid escape "\\u${hex}" at position ${i}: expected 4 hex digits`, i, 2 + hex.length);
          }
          value += String.fromCharCode(parseInt(hex, 16));
          i += 6;
          continue;
        }
        return fail(
          "invalid_escape",
          `Invalid escape "\\${escaped}" at position ${i}. Allowed: \\" \\' \\\\ \\n \\t \\uXXXX`,
          i,
          2,
        );
      }
      if (!closed) {
        return fail("unterminated_string", `Unterminated string starting at position ${start}`, start, to - start);
      }
      tokens.push({ type: "string", value, start, end: i });
      continue;
    }

    if (source.startsWith("===", i) || source.startsWith("!==", i)) {
      const op = source.slice(i, i + 3);
      return fail(
        "unexpected_token",
        `Unexpected "${op}" at position ${i}: use "${op.slice(0, 2)}" (comparisons are always strict)`,
        i,
        3,
      );
    }
    const punctuator = PUNCTUATORS.find((p) => source.startsWith(p, i) && i + p.length <= to);
    if (punctuator !== undefined) {
      tokens.push({ type: "punctuator", value: punctuator, start, end: i + punctuator.length });
      i += punctuator.length;
      continue;
    }

    const codePoint = source.codePointAt(i) ?? 0;
    const character = String.fromCodePoint(codePoint);
    const hint = Object.hasOwn(CHARACTER_HINTS, character) ? `: ${CHARACTER_HINTS[character]}` : "";
    return fail(
      "unexpected_character",
      `Unexpected character ${JSON.stringify(character)} at position ${i}${hint}`,
      i,
      character.length,
    );
  }
  tokens.push({ type: "end", start: to, end: to });
  return { ok: true, tokens };
}
