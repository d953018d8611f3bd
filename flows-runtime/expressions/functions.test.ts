import { describe, expect, it } from "vitest";
import { evaluateExpression } from "./evaluate";
import { FUNCTION_NAMES } from "./functions";
import { ExpressionRuntimeError } from "./runtime-error";
import { expr } from "./test-utils";

const vars = {
  name: "  Ann Lee ",
  emoji: "a😀b",
  tags: ["new", "vip", { id: 1 }],
  scores: [3, 9, 4],
  customer: { a: 1, b: 2 },
  nothing: null,
  empty: "",
  phone: "+33612345678",
  long: "x".repeat(1001),
  pattern: "^\\+33",
  badPattern: "(",
  unsafePattern: "(a)\\1",
};

const run = (source: string): unknown => evaluateExpression(expr(source), vars);

function runtimeCode(source: string): string {
  try {
    run(source);
  } catch (error) {
    if (error instanceof ExpressionRuntimeError) return error.code;
    throw error;
  }
  throw new Error(`expected ${source} to throw`);
}

describe("whitelisted functions", () => {
  it("are exactly the documented set", () => {
    expect(FUNCTION_NAMES).toEqual([
      "len",
      "lower",
      "upper",
      "trim",
      "contains",
      "startsWith",
      "endsWith",
      "number",
      "string",
      "round",
      "floor",
      "ceil",
      "abs",
      "min",
      "max",
      "default",
      "matches",
      "substr",
    ]);
  });

  it.each([
    ['len("abc")', 3],
    ["len(emoji)", 3],
    ["len(tags)", 3],
    ["len(customer)", 2],
    ["len(nothing)", 0],
    ['len("")', 0],
    ['lower("ÀBC")', "àbc"],
    ['upper("abc")', "ABC"],
    ["trim(name)", "Ann Lee"],
    ['contains("hello", "ell")', true],
    ['contains("hello", "xyz")', false],
    ['contains(tags, "vip")', true],
    ['contains(tags, "VIP")', false],
    ["contains(scores, 9)", true],
    ['contains(scores, "9")', false],
    ["contains(nothing, 1)", false],
    ['startsWith(phone, "+33")', true],
    ['startsWith(phone, "33")', false],
    ['endsWith(phone, "78")', true],
    ['startsWith(nothing, "a")', false],
    ['number("42")', 42],
    ['number(" 3.5 ")', 3.5],
    ['number("-1e2")', -100],
    ['number("abc")', null],
    ['number("")', null],
    ['number("0x10")', null],
    ['number("Infinity")', null],
    ["number(true)", 1],
    ["number(nothing)", null],
    ["number(7)", 7],
    ["string(5)", "5"],
    ["string(2.50)", "2.5"],
    ["string(nothing)", ""],
    ["string(true)", "true"],
    ["string(scores)", "[3,9,4]"],
    ["round(2.5)", 3],
    ["round(-2.5)", -3],
    ["round(2.4)", 2],
    ["round(1.005, 2)", 1.01],
    ["round(1234.5678, 1)", 1234.6],
    ["round(-0.4)", 0],
    ["floor(2.7)", 2],
    ["floor(-2.1)", -3],
    ["ceil(2.1)", 3],
    ["abs(-4)", 4],
    ["min(3, 1, 2)", 1],
    ["max(3, 1, 2)", 3],
    ["min(scores)", 3],
    ["max(scores)", 9],
    ["max(5)", 5],
    ['default(nothing, "x")', "x"],
    ['default(empty, "x")', "x"],
    ['default(missing, "x")', "x"],
    ['default(0, "x")', 0],
    ['default(false, "x")', false],
    ['default("a", "x")', "a"],
    ['matches(phone, "^\\\\+33[0-9]{9}$")', true],
    ['matches("abc", "^b")', false],
    ["matches(phone, pattern)", true],
    ['matches(nothing, "a")', false],
    ['substr("abcdef", 2)', "cdef"],
    ['substr("abcdef", 2, 3)', "cde"],
    ['substr("abc", 5)', ""],
    ["substr(phone, len(phone) - 4)", "5678"],
    ['substr("abc", -2, 2)', "ab"],
    ['substr("abc", 1, -1)', ""],
    ["substr(emoji, 1, 1)", "😀"],
  ])("%s", (source, expected) => {
    expect(run(source)).toEqual(expected);
  });

  it.each([
    ["lower(5)", "type_error"],
    ["upper(nothing)", "type_error"],
    ["trim(tags)", "type_error"],
    ["len(5)", "type_error"],
    ["len(true)", "type_error"],
    ['contains("abc", 1)', "type_error"],
    ['contains(customer, "a")', "type_error"],
    ["startsWith(phone, 3)", "type_error"],
    ['round("2")', "type_error"],
    ["round(2, 1.5)", "type_error"],
    ["round(2, 11)", "type_error"],
    ["round(2, -1)", "type_error"],
    ['floor("2")', "type_error"],
    ['min(1, "2")', "type_error"],
    ["max(tags)", "type_error"],
    ["min(scores, 1)", "type_error"],
    ['substr(5, 1)', "type_error"],
    ['substr("abc", 1.5)', "type_error"],
    ['matches(5, "a")', "type_error"],
    ["matches(phone, badPattern)", "invalid_regex"],
    ["matches(phone, unsafePattern)", "unsafe_regex"],
    ['matches(long, "x")', "input_too_long"],
    ['matches(phone, upper(string(long)))', "regex_too_long"],
  ])("%s throws %s", (source, code) => {
    expect(runtimeCode(source)).toBe(code);
  });

  it("returns null from min/max of an empty list", () => {
    expect(evaluateExpression(expr("max(xs)"), { xs: [] })).toBe(null);
  });

  it("puts the call's position on a function's runtime error", () => {
    try {
      run("1 + upper(5)");
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: "type_error", position: 4, length: 8 });
    }
  });
});
