import { describe, expect, it } from "vitest";
import type { ValueType } from "./ast";
import { expr } from "./test-utils";
import { typeCheck } from "./type-check";

const declared = new Map<string, ValueType>([
  ["customer", "object"],
  ["attempts", "number"],
  ["name", "string"],
  ["vip", "boolean"],
  ["payload", "any"],
  ["none", "null"],
]);
const typeOf = (name: string) => declared.get(name);
const check = (source: string) => typeCheck(expr(source), typeOf);

describe("typeCheck", () => {
  it.each([
    ['customer.tier == "VIP" && attempts < 3', "boolean"],
    ["attempts + 1", "number"],
    ['name + "!"', "string"],
    ["attempts + name", "string"],
    ["payload + 1", "any"],
    ["customer.tier", "any"],
    ["payload.a.b[0]", "any"],
    ["-attempts", "number"],
    ["!name", "boolean"],
    ["vip ? 1 : 2", "number"],
    ['vip ? 1 : "x"', "any"],
    ["len(name)", "number"],
    ["upper(name)", "string"],
    ["contains(name, 'a')", "boolean"],
    ["number(name)", "number"],
    ["string(attempts)", "string"],
    ['default(name, "x")', "string"],
    ["default(none, 1)", "number"],
    ["default(payload, 1)", "any"],
    ["null", "null"],
    ["'s'", "string"],
    ["true", "boolean"],
    ["none", "null"],
  ])("%s is %s with no issues", (source, type) => {
    expect(check(source)).toEqual({ type, issues: [] });
  });

  it("reports unknown variables at their position, treating them as any", () => {
    expect(check("attempts < 3 && custmer.tier == 1")).toEqual({
      type: "boolean",
      issues: [{ code: "unknown_variable", message: 'Unknown variable "custmer"', position: 16, length: 7 }],
    });
  });

  it("treats process, globalThis and friends as unknown variables", () => {
    for (const name of ["process", "globalThis", "window", "require", "import", "this", "constructor"]) {
      expect(check(name).issues.map((issue) => issue.code)).toEqual(["unknown_variable"]);
    }
  });

  it.each([
    ['"a" - 1', "type_mismatch", 'Expected a number for "-", got a string', 0, 3],
    ["vip * 2", "type_mismatch", 'Expected a number for "*", got a boolean', 0, 3],
    ["-name", "type_mismatch", 'Expected a number for the "-" sign, got a string', 1, 4],
    ["vip + 1", "type_mismatch", "Cannot add a boolean and a number", 0, 7],
    ["customer + 1", "type_mismatch", "Cannot add an object and a number", 0, 12],
    ['attempts < "3"', "type_mismatch", 'Cannot compare a number with a string using "<"', 0, 14],
    ["vip >= vip", "type_mismatch", 'Cannot compare a boolean with a boolean using ">="', 0, 10],
    ['attempts == "3"', "incomparable_types", "This is always false: it compares a number with a string", 0, 15],
    ['vip != "yes"', "incomparable_types", "This is always true: it compares a boolean with a string", 0, 12],
    ["upper(attempts)", "invalid_argument", "upper() expects a string as argument 1, got a number", 6, 8],
    ['round(attempts, "2")', "invalid_argument", "round() expects a number as argument 2, got a string", 16, 3],
    ["len(vip)", "invalid_argument", "len() expects a string or an object or null as argument 1, got a boolean", 4, 3],
    ["max(1, 2, name)", "invalid_argument", "max() expects a number as argument 3, got a string", 10, 4],
    ["name.first", "not_an_object", 'Cannot read ".first" of a string; it is always null', 0, 10],
    ["customer[vip]", "invalid_index", "An index must be a string or a number, not a boolean", 9, 3],
  ])("%s -> %s", (source, code, message, position, length) => {
    expect(check(source).issues).toEqual([{ code, message, position, length }]);
  });

  it("does not flag comparisons with null or with open types", () => {
    expect(check("attempts == null").issues).toEqual([]);
    expect(check("payload == 3").issues).toEqual([]);
    expect(check("customer.x == 3").issues).toEqual([]);
    expect(check("payload < 3").issues).toEqual([]);
  });

  it("collects every issue in one pass", () => {
    const { issues } = check("upper(x) + y - vip");
    expect(issues.map((issue) => issue.code)).toEqual(["unknown_variable", "unknown_variable", "type_mismatch", "type_mismatch"]);
  });

  it("asks typeOf only about root variables", () => {
    const asked: string[] = [];
    typeCheck(expr("a.b.c + d[0].e"), (name) => {
      asked.push(name);
      return "any";
    });
    expect(asked).toEqual(["a", "d"]);
  });
});
