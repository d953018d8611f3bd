import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateExpression } from "./evaluate";
import { formatExpression } from "./format";
import { parseExpression } from "./parse-expression";
import { parseTemplate } from "./parse-template";
import { ExpressionRuntimeError } from "./runtime-error";
import { withoutPositions } from "./test-utils";

/** Fragments that reach deep parser states far more often than uniformly random characters do. */
const fragment = fc.constantFrom(
  "(", ")", "[", "]", ".", ",", "?", ":", "!", "-", "+", "*", "/", "%", "<", "<=", ">", ">=", "==", "!=", "=", "===",
  "&&", "||", "&", "|", '"', "'", "\\", "\\u", "\\n", "0", "1", "1.5", "1e", "1e9", "e", "a", "b", "x.y",
  "len", "upper", "min", "matches", "default", "eval", "secret", "secret.K", "__proto__", "constructor", "true", "null",
  "in", " ", "\n", "{{", "}}", "\\{{", "{", "}", "#", "😀", "é",
);
const fragmentSoup = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(""));
const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: "binary", maxLength: 100 }), fragmentSoup);

function checkOutcome(source: string, result: ReturnType<typeof parseExpression> | ReturnType<typeof parseTemplate>): void {
  expect(typeof result.ok).toBe("boolean");
  if (result.ok) {
    expect(JSON.parse(JSON.stringify(result.ast))).toEqual(result.ast);
    return;
  }
  const { code, message, position, length } = result.error;
  expect(code).toMatch(/^[a-z_]+$/);
  expect(message.length).toBeGreaterThan(0);
  expect(position).toBeGreaterThanOrEqual(0);
  expect(length).toBeGreaterThanOrEqual(0);
  expect(position + length).toBeLessThanOrEqual(source.length);
}

describe("property: the parsers never throw", () => {
  it("parseExpression returns ok or an error with an in-range position for any input", () => {
    fc.assert(
      fc.property(anyText, (source) => {
        checkOutcome(source, parseExpression(source));
      }),
      { numRuns: 3000 },
    );
  });

  it("parseTemplate returns ok or an error with an in-range position for any input", () => {
    const templateText = fc.oneof(anyText, fc.array(fc.oneof(anyText, fc.constant("{{ a }}")), { maxLength: 5 }).map((p) => p.join("")));
    fc.assert(
      fc.property(templateText, (source) => {
        checkOutcome(source, parseTemplate(source));
      }),
      { numRuns: 3000 },
    );
  });
});

const VARS: Record<string, unknown> = {
  n: 7,
  m: -2.5,
  z: 0,
  s: "Hello",
  t: "",
  b: true,
  list: [3, 1, 2],
  obj: { x: 1, y: "two", inner: { deep: [true] } },
  none: null,
};

const quote = (text: string, mark: string): string =>
  mark +
  Array.from(text)
    .map((ch) => (ch === mark || ch === "\\" ? `\\${ch}` : ch === "\n" ? "\\n" : ch === "\t" ? "\\t" : ch))
    .join("") +
  mark;

const stringLiteral = fc
  .tuple(fc.string({ unit: fc.constantFrom("a", "B", " ", '"', "'", "\\", "\n", "\t", "é", "😀", "{", "}"), maxLength: 6 }), fc.constantFrom('"', "'"))
  .map(([text, mark]) => quote(text, mark));

const numberLiteral = fc.oneof(
  fc.integer({ min: 0, max: 1000 }).map(String),
  fc.integer({ min: 0, max: 100000 }).map((n) => (n / 100).toFixed(2)),
  fc.constantFrom("0.5", "1e3", "2.5e-3"),
);

const leaf = fc.oneof(
  numberLiteral,
  stringLiteral,
  fc.constantFrom("true", "false", "null"),
  fc.constantFrom("n", "m", "z", "s", "t", "b", "list", "obj", "none", "unknown", "obj.x", "obj.y", "obj.inner.deep[0]", 'obj["x"]', "list[1]", "obj.missing.deeper"),
);

const BINARY = ["+", "-", "*", "/", "%", "<", "<=", ">", ">=", "==", "!=", "&&", "||"];
const UNARY_FUNCTIONS = ["len", "lower", "upper", "trim", "number", "string", "floor", "ceil", "abs"];

/** Valid source text with random spacing and optional parentheses (any composition stays syntactically valid). */
const validExpression = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.tuple(fc.constantFrom("!", "-"), tie("node")).map(([op, a]) => `${op}${a}`),
    fc.tuple(tie("node"), fc.constantFrom(...BINARY), tie("node"), fc.constantFrom("", " ")).map(([a, op, b, sp]) => `${a}${sp}${op}${sp}${b}`),
    fc.tuple(tie("node"), tie("node"), tie("node")).map(([a, b, c]) => `${a} ? ${b} : ${c}`),
    tie("node").map((a) => `(${a})`),
    tie("node").map((a) => `list[${a}]`),
    fc.tuple(fc.constantFrom(...UNARY_FUNCTIONS), tie("node")).map(([f, a]) => `${f}(${a})`),
    fc.tuple(fc.constantFrom("contains", "startsWith", "endsWith", "default", "round", "min", "max", "substr"), tie("node"), tie("node")).map(
      ([f, a, b]) => `${f}(${a}, ${b})`,
    ),
  ),
})).node;

type Outcome = { value: unknown } | { error: string };

function outcome(run: () => unknown): Outcome {
  try {
    return { value: run() };
  } catch (error) {
    if (error instanceof ExpressionRuntimeError) return { error: error.code };
    throw error;
  }
}

describe("property: formatExpression round-trips", () => {
  it("format -> parse gives the same tree, the same text again, and the same result", () => {
    fc.assert(
      fc.property(validExpression, (source) => {
        const first = parseExpression(source);
        if (!first.ok) throw new Error(`generator produced invalid ${JSON.stringify(source)}: ${first.error.message}`);
        const formatted = formatExpression(first.ast);
        const second = parseExpression(formatted);
        if (!second.ok) throw new Error(`formatted ${JSON.stringify(formatted)} does not parse: ${second.error.message}`);
        expect(withoutPositions(second.ast)).toEqual(withoutPositions(first.ast));
        expect(formatExpression(second.ast)).toBe(formatted);
        expect(outcome(() => evaluateExpression(second.ast, VARS))).toEqual(outcome(() => evaluateExpression(first.ast, VARS)));
        const fromJson = JSON.parse(JSON.stringify(first.ast));
        expect(outcome(() => evaluateExpression(fromJson, VARS))).toEqual(outcome(() => evaluateExpression(first.ast, VARS)));
      }),
      { numRuns: 2000 },
    );
  });
});
