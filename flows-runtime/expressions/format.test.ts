import { describe, expect, it } from "vitest";
import { formatExpression } from "./format";
import { expr, withoutPositions } from "./test-utils";

describe("formatExpression", () => {
  it.each([
    ['customer.tier=="VIP"&&attempts<3', 'customer.tier == "VIP" && attempts < 3'],
    ["((a + b)) * c", "(a + b) * c"],
    ["a + (b * c)", "a + b * c"],
    ["(a + b) + c", "a + b + c"],
    ["a - (b - c)", "a - (b - c)"],
    ["a - (b + c)", "a - (b + c)"],
    ["(a || b) && c", "(a || b) && c"],
    ["a || (b && c)", "a || b && c"],
    ["!(a == b)", "!(a == b)"],
    ["-(a + 1)", "-(a + 1)"],
    ["-(-a)", "-(-a)"],
    ["!!a", "!!a"],
    ["(a ? b : c) ? d : e", "(a ? b : c) ? d : e"],
    ["a ? b : (c ? d : e)", "a ? b : c ? d : e"],
    ["a ? (b ? c : d) : e", "a ? b ? c : d : e"],
    ["(a ? b : c) + 1", "(a ? b : c) + 1"],
    ["(a + b).c", "(a + b).c"],
    ["(-a)[0]", "(-a)[0]"],
    ["a [ 'k' ] . b", 'a["k"].b'],
    ["len( x , )".replace(", ", ""), "len(x)"],
    ["min(1,2 ,3)", "min(1, 2, 3)"],
    ["'it\\'s'", '"it\'s"'],
    ['"tab\\there\\nnew \\\\ \\"q\\""', '"tab\\there\\nnew \\\\ \\"q\\""'],
    ['"\\u0001\\u2028"', '"\\u0001\\u2028"'],
    ["1.50", "1.5"],
    ["0.0000001", "1e-7"],
    ["123456789012345678901234", "1.2345678901234569e+23"],
    ["null == true", "null == true"],
  ])("%s -> %s", (source, formatted) => {
    expect(formatExpression(expr(source))).toBe(formatted);
  });

  it("re-parses to the same tree", () => {
    for (const source of ["a - (b - c) * -d % 2", "x ? y ? 1 : 2 : z || w && !v", '"\\u0000\\u000d" + a["we ird"]']) {
      const ast = expr(source);
      expect(withoutPositions(expr(formatExpression(ast)))).toEqual(withoutPositions(ast));
    }
  });

  it("formats hand-built trees: odd property names, negative and non-finite literals", () => {
    expect(
      formatExpression({
        kind: "member",
        object: { kind: "literal", value: -1, start: 0, end: 0 },
        property: "a b",
        start: 0,
        end: 0,
      }),
    ).toBe('(-1)["a b"]');
    expect(formatExpression({ kind: "literal", value: Number.POSITIVE_INFINITY, start: 0, end: 0 })).toBe("null");
  });
});
