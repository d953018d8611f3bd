import { describe, expect, it } from "vitest";
import { referencedVariables } from "./references";
import { secretNames } from "./secret-names";
import { expr, template } from "./test-utils";

describe("referencedVariables", () => {
  it.each([
    ['customer.tier == "VIP" && attempts < 3', [["customer", "tier"], ["attempts"]]],
    ["a.b.c", [["a", "b", "c"]]],
    ['a["key"][0].x', [["a", "key", "0", "x"]]],
    ["a[i].x", [["a"], ["i"]]],
    ["a.b[c.d]", [["a", "b"], ["c", "d"]]],
    ["x + x * x.y + x", [["x"], ["x", "y"]]],
    ["len(b) > 0 ? c : d", [["b"], ["c"], ["d"]]],
    ["-a || !b", [["a"], ["b"]]],
    ["1 + 2", []],
    ["(a ? b : c).d", [["a"], ["b"], ["c"]]],
    ['upper("x").y', []],
    ["default(z.w, q)", [["z", "w"], ["q"]]],
  ])("%s", (source, expected) => {
    expect(referencedVariables(expr(source))).toEqual(expected);
  });

  it("reads templates, in order, without secrets, de-duplicated", () => {
    const ast = template("Hi {{ customer.name }} {{secret.KEY}} {{ order.id }} {{ customer.name }}");
    expect(referencedVariables(ast)).toEqual([["customer", "name"], ["order", "id"]]);
  });
});

describe("secretNames", () => {
  it("lists each secret once, in order", () => {
    const ast = template("{{secret.B}} {{ a }} {{secret.A}} {{ secret.B }}");
    expect(secretNames(ast)).toEqual(["B", "A"]);
  });

  it("is empty for templates without secrets", () => {
    expect(secretNames(template("Hello {{ name }}, secret.X is text"))).toEqual([]);
  });
});
