import { describe, expect, it } from "vitest";
import { evaluateExpression } from "./evaluate";
import { ExpressionRuntimeError } from "./runtime-error";
import { expr } from "./test-utils";
import { isTruthy } from "./truthy";

const vars = {
  customer: { tier: "VIP", name: "Ann", tags: ["new", "vip"], address: { city: "Lyon" }, score: null },
  attempts: 2,
  total: 10.5,
  list: [10, 20, 30],
  empty: "",
  zero: 0,
  flag: true,
  key: "tier",
  nothing: null,
};

const run = (source: string, values: Record<string, unknown> = vars): unknown => evaluateExpression(expr(source), values);

function runtimeError(source: string, values: Record<string, unknown> = vars): ExpressionRuntimeError {
  try {
    run(source, values);
  } catch (error) {
    if (error instanceof ExpressionRuntimeError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(source)} to throw`);
}

describe("evaluateExpression", () => {
  it.each([
    ["1 + 2 * 3", 7],
    ["(1 + 2) * 3", 9],
    ["10 - 4 - 3", 3],
    ["7 % 4", 3],
    ["7 / 2", 3.5],
    ["-attempts", -2],
    ["total * 2", 21],
    ["0 * -1", 0],
    ['"a" + "b"', "ab"],
    ['"n=" + 1', "n=1"],
    ['1 + "x"', "1x"],
    ['"x" + 1.5', "x1.5"],
    ['"x" + null', "x"],
    ['"x" + true', "xtrue"],
    ['"x" + list', "x[10,20,30]"],
    ["1 < 2", true],
    ["2 <= 2", true],
    ["3 > 4", false],
    ["3 >= 4", false],
    ['"apple" < "banana"', true],
    ['"Z" < "a"', true],
    ["1 == 1", true],
    ['1 == "1"', false],
    ['1 != "1"', true],
    ["null == null", true],
    ["nothing == null", true],
    ["unknownThing == null", true],
    ["0 == false", false],
    ['"" == null', false],
    ["list == list", true],
    ["customer.tags == customer.tags", true],
    ["customer == attempts", false],
    ["true && 0", false],
    ['"x" && 1', true],
    ["0 || null", false],
    ['0 || "y"', true],
    ["!empty", true],
    ["!list", false],
    ['attempts > 1 ? "many" : "few"', "many"],
    ['zero ? "yes" : "no"', "no"],
    ['customer.tier == "VIP" && attempts < 3', true],
    ["customer.address.city", "Lyon"],
    ['customer["tier"]', "VIP"],
    ["customer[key]", "VIP"],
    ["list[1]", 20],
    ["list[1 + 1]", 30],
    ["customer.tags[0]", "new"],
    ["list[5]", null],
    ["list[-1]", null],
    ["list[0.5]", null],
    ['list["1"]', 20],
    ["customer.missing", null],
    ["customer.missing.deeper", null],
    ["customer.score", null],
    ["unknownVariable", null],
    ["nothing.field", null],
    ["attempts.field", null],
    ["customer.name.first", null],
  ])("%s", (source, expected) => {
    expect(run(source)).toEqual(expected);
  });

  it("returns 0, not -0, from arithmetic", () => {
    expect(Object.is(run("0 * -1"), 0)).toBe(true);
    expect(Object.is(run("-zero"), 0)).toBe(true);
  });

  it("short-circuits && and || and returns booleans", () => {
    expect(run("false && upper(5)")).toBe(false);
    expect(run("true || upper(5)")).toBe(true);
    expect(() => run("true && upper(5)")).toThrow(ExpressionRuntimeError);
    expect(run('"a" || 0')).toBe(true);
  });

  it("evaluates only the chosen branch of a ternary", () => {
    expect(run("true ? 1 : upper(5)")).toBe(1);
    expect(run("false ? upper(5) : 2")).toBe(2);
  });

  it("reads undefined and functions in variables as null", () => {
    expect(run("u", { u: undefined })).toBe(null);
    expect(run("f", { f: () => 1 })).toBe(null);
    expect(run("o.f", { o: { f: () => 1 } })).toBe(null);
  });

  it("compares lists and objects by content", () => {
    expect(run("a == b", { a: [1, { x: "y" }], b: [1, { x: "y" }] })).toBe(true);
    expect(run("a == b", { a: [1, 2], b: [2, 1] })).toBe(false);
    expect(run("a == b", { a: { x: 1 }, b: { x: 1, y: 2 } })).toBe(false);
    expect(run("a == b", { a: { x: 1, y: null }, b: { x: 1, z: null } })).toBe(false);
  });
});

describe("evaluateExpression: runtime errors", () => {
  it.each([
    ['"a" - 1', "type_error", 'Cannot subtract a string and a number ("-" needs numbers)'],
    ['2 * "3"', "type_error", 'Cannot multiply a number and a string ("*" needs numbers)'],
    ["true + 1", "type_error", "Cannot add a boolean and a number"],
    ["nothing + 1", "type_error", "Cannot add null and a number"],
    ["list + list", "type_error", "Cannot add a list and a list"],
    ['-"x"', "type_error", "Cannot negate a string"],
    ['1 < "2"', "type_error", 'Cannot compare a number with a string using "<"'],
    ["nothing >= 1", "type_error", 'Cannot compare null with a number using ">="'],
    ["customer < customer", "type_error", 'Cannot compare an object with an object using "<"'],
    ["1 / 0", "division_by_zero", "Division by zero"],
    ["5 % zero", "division_by_zero", "Division by zero"],
    ["upper(5)", "type_error", "upper() expects a string as argument 1, got a number"],
    ["list[flag]", "type_error", "Cannot use a boolean as a property name or index"],
    ["1e308 * 10", "number_out_of_range", "The result is too large to be a number"],
  ])("%s", (source, code, message) => {
    const error = runtimeError(source);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });

  it("points at the failing node", () => {
    const error = runtimeError('attempts + 1 > 0 && "a" - 1 == 2');
    expect(error.position).toBe(20);
    expect(error.length).toBe(7);
  });

  it("refuses AST nodes and functions it does not know (a damaged plan)", () => {
    const unknownKind = JSON.parse('{"kind":"assign","start":0,"end":1}');
    expect(() => evaluateExpression(unknownKind, {})).toThrow(ExpressionRuntimeError);
    const evalCall = JSON.parse('{"kind":"call","callee":"eval","args":[],"start":0,"end":6}');
    expect(() => evaluateExpression(evalCall, {})).toThrow(/Unknown function "eval"/);
    const badArity = JSON.parse('{"kind":"call","callee":"upper","args":[],"start":0,"end":7}');
    expect(() => evaluateExpression(badArity, {})).toThrow(ExpressionRuntimeError);
  });
});

describe("isTruthy", () => {
  it.each([
    [null, false],
    [undefined, false],
    [false, false],
    [0, false],
    [Number.NaN, false],
    ["", false],
    [true, true],
    [1, true],
    [-1, true],
    ["0", true],
    ["false", true],
    [[], true],
    [{}, true],
  ])("%j -> %s", (value, expected) => {
    expect(isTruthy(value)).toBe(expected);
  });
});
