import { describe, expect, it } from "vitest";
import { evaluateExpression } from "./evaluate";
import { MAX_EXPRESSION_LENGTH, MAX_NESTING_DEPTH, MAX_TEMPLATE_LENGTH } from "./limits";
import { parseExpression } from "./parse-expression";
import { parseTemplate } from "./parse-template";
import { renderTemplate } from "./render-template";
import { expr } from "./test-utils";

const errorOf = (result: ReturnType<typeof parseExpression> | ReturnType<typeof parseTemplate>) =>
  result.ok ? { code: "ok", position: -1, length: -1, message: "" } : result.error;

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

describe("limits: length", () => {
  it("accepts an expression of exactly the maximum length and refuses one more character", () => {
    const atLimit = `"${"x".repeat(MAX_EXPRESSION_LENGTH - 2)}"`;
    expect(parseExpression(atLimit).ok).toBe(true);
    expect(errorOf(parseExpression(`${atLimit} `))).toEqual({
      code: "too_long",
      message: "Expression is too long (2001 characters; the maximum is 2000)",
      position: 2000,
      length: 1,
    });
  });

  it("answers 1 MB of input with an error, quickly", () => {
    for (const input of ["a".repeat(1 << 20), "(".repeat(1 << 20), "1+".repeat(1 << 19), '"'.repeat(1 << 20)]) {
      const { value, ms } = timed(() => parseExpression(input));
      expect(errorOf(value).code).toBe("too_long");
      expect(ms).toBeLessThan(200);
    }
  });

  it("limits templates to 10000 characters, quickly", () => {
    expect(parseTemplate("x".repeat(MAX_TEMPLATE_LENGTH)).ok).toBe(true);
    expect(errorOf(parseTemplate("x".repeat(MAX_TEMPLATE_LENGTH + 1)))).toMatchObject({ code: "too_long", position: 10000 });
    const { value, ms } = timed(() => parseTemplate("{{ a }}".repeat(150_000)));
    expect(errorOf(value).code).toBe("too_long");
    expect(ms).toBeLessThan(200);
  });

  it("limits each template hole like an expression, pointing into the template", () => {
    const hole = `"${"y".repeat(MAX_EXPRESSION_LENGTH)}"`;
    expect(errorOf(parseTemplate(`ab{{${hole}}}`))).toMatchObject({ code: "too_long", position: 4 + MAX_EXPRESSION_LENGTH });
  });

  it("parses a full-size template with many holes quickly", () => {
    const source = "Hi {{ a.b + 1 }} ".repeat(Math.floor(MAX_TEMPLATE_LENGTH / 17));
    const { value, ms } = timed(() => parseTemplate(source));
    expect(value.ok).toBe(true);
    expect(ms).toBeLessThan(500);
  });
});

describe("limits: nesting depth", () => {
  const nested = (depth: number) => `${"(".repeat(depth)}1${")".repeat(depth)}`;

  it(`accepts ${MAX_NESTING_DEPTH} levels of parentheses`, () => {
    expect(parseExpression(nested(MAX_NESTING_DEPTH)).ok).toBe(true);
  });

  it("refuses one level more, at the bracket that goes too deep", () => {
    expect(errorOf(parseExpression(nested(MAX_NESTING_DEPTH + 1)))).toEqual({
      code: "too_deep",
      message: "Expression is nested too deeply at position 64 (maximum depth 64)",
      position: 64,
      length: 1,
    });
  });

  it.each([
    ["unclosed parentheses", "(".repeat(1999)],
    ["balanced parentheses", nested(999)],
    ["not", `${"!".repeat(1999)}a`],
    ["minus", `${"-".repeat(1999)}1`],
    ["brackets", `${"a[".repeat(999)}0`],
    ["calls", `${"abs(".repeat(399)}1${")".repeat(399)}`],
    ["ternaries", `${"a ? b : ".repeat(249)}c`],
    ["nested ternaries", `${"a ? ".repeat(499)}b`],
  ])("returns too_deep for deeply nested %s instead of overflowing the stack", (_name, source) => {
    expect(source.length).toBeLessThanOrEqual(MAX_EXPRESSION_LENGTH);
    expect(errorOf(parseExpression(source)).code).toBe("too_deep");
  });

  it("handles the longest flat chains the length limit allows", () => {
    const sum = `${"1+".repeat(999)}1`;
    expect(evaluateExpression(expr(sum), {})).toBe(1000);
    const concat = `${"a+".repeat(999)}a`;
    expect(evaluateExpression(expr(concat), { a: "x" })).toBe("x".repeat(1000));
    const both = `${"a&&".repeat(666)}a`;
    expect(evaluateExpression(expr(both), { a: true })).toBe(true);
  });

  it("renders a template of nested holes without trouble", () => {
    const ast = parseTemplate(`{{ ${nested(MAX_NESTING_DEPTH)} }}`);
    expect(ast.ok && renderTemplate(ast.ast, {})).toBe("1");
  });
});

describe("limits: regular expressions", () => {
  it.each([
    ["(x+x+)+y", false],
    ["(x*)*y", false],
    ["((x+))+y", false],
    ["(?:x+){2,}y", false],
    ["(\\w+\\s?)*$", true],
    ["(x|x)*$", true],
    ["(x|x)*y", false],
  ])("matches the catastrophic-backtracking shape %s on 1,000 characters without backtracking", (pattern, expected) => {
    const { value, ms } = timed(() => evaluateExpression(expr("matches(s, p)"), { s: `${"x".repeat(999)}!`, p: pattern }));
    expect(value).toBe(expected);
    // A backtracking engine needs about 2^1000 steps here; generous for a loaded machine.
    expect(ms).toBeLessThan(2_000);
  });

  it.each(["(x)\\1", "x(?=y)", "(?<!x)y"])("refuses %s, which only a backtracking engine can run", (pattern) => {
    expect(() => evaluateExpression(expr("matches(s, p)"), { s: "xx", p: pattern })).toThrow(expect.objectContaining({ code: "unsafe_regex" }));
  });

  it.each(["^[0-9]{4}$", "(ab)+", "^(\\+33|0)[1-9]([0-9]{2}){4}$", "[(a+)+]+", "\\(a+\\)+"])("accepts the ordinary pattern %s", (pattern) => {
    expect(typeof evaluateExpression(expr("matches(s, p)"), { s: "0612345678", p: pattern })).toBe("boolean");
  });
});
