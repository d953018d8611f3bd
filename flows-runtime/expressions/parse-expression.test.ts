import { describe, expect, it } from "vitest";
import { parseExpression } from "./parse-expression";
import { expr, withoutPositions } from "./test-utils";

function parseError(source: string) {
  const result = parseExpression(source);
  if (result.ok) throw new Error(`expected ${JSON.stringify(source)} to fail`);
  return result.error;
}

/** Compact S-expression view of an AST, to assert shape and precedence at a glance. */
function shape(source: string): string {
  const show = (node: ReturnType<typeof expr>): string => {
    switch (node.kind) {
      case "literal":
        return JSON.stringify(node.value);
      case "variable":
        return node.name;
      case "member":
        return `${show(node.object)}.${node.property}`;
      case "index":
        return `${show(node.object)}[${show(node.index)}]`;
      case "unary":
        return `(${node.operator} ${show(node.argument)})`;
      case "binary":
      case "logical":
        return `(${node.operator} ${show(node.left)} ${show(node.right)})`;
      case "conditional":
        return `(? ${show(node.test)} ${show(node.consequent)} ${show(node.alternate)})`;
      case "call":
        return `${node.callee}(${node.args.map(show).join(" ")})`;
    }
  };
  return show(expr(source));
}

describe("parseExpression: precedence and associativity", () => {
  it.each([
    ["1 + 2 * 3", "(+ 1 (* 2 3))"],
    ["(1 + 2) * 3", "(* (+ 1 2) 3)"],
    ["a - b - c", "(- (- a b) c)"],
    ["a / b % c", "(% (/ a b) c)"],
    ["a || b && c", "(|| a (&& b c))"],
    ["a && b || c", "(|| (&& a b) c)"],
    ["a == b && c != d", "(&& (== a b) (!= c d))"],
    ["a < b == c >= d", "(== (< a b) (>= c d))"],
    ["a + b < c * d", "(< (+ a b) (* c d))"],
    ["!a == b", "(== (! a) b)"],
    ["-a * b", "(* (- a) b)"],
    ["!!a", "(! (! a))"],
    ["a ? b : c ? d : e", "(? a b (? c d e))"],
    ["a ? b ? c : d : e", "(? a (? b c d) e)"],
    ["a || b ? c : d", "(? (|| a b) c d)"],
    ['customer.tier == "VIP" && attempts < 3', '(&& (== customer.tier "VIP") (< attempts 3))'],
    ['a.b["c"][0].d', 'a.b["c"][0].d'],
    ["a[b + 1]", "a[(+ b 1)]"],
    ["len(a.b) > 2", "(> len(a.b) 2)"],
    ["min(1, 2, 3)", "min(1 2 3)"],
    ["-len(x)", "(- len(x))"],
  ])("%s", (source, expected) => {
    expect(shape(source)).toBe(expected);
  });
});

describe("parseExpression: literals", () => {
  it.each([
    ["42", 42],
    ["3.25", 3.25],
    ["0.5", 0.5],
    ["1e3", 1000],
    ["2.5E-2", 0.025],
    ["true", true],
    ["false", false],
    ["null", null],
    ['"double"', "double"],
    ["'single'", "single"],
    [String.raw`"a\"b"`, 'a"b'],
    [String.raw`'a\'b'`, "a'b"],
    [String.raw`"back\\slash"`, "back\\slash"],
    [String.raw`"line\nnext\ttab"`, "line\nnext\ttab"],
    [String.raw`"\u00e9\u4E2D"`, "é中"],
    [`"it's"`, "it's"],
    [`'say "hi"'`, 'say "hi"'],
    ['""', ""],
  ])("%s", (source, value) => {
    const ast = expr(source);
    expect(ast).toEqual({ kind: "literal", value, start: 0, end: source.length });
  });

  it("keeps keywords usable as property names", () => {
    expect(shape("a.null.true")).toBe("a.null.true");
  });
});

describe("parseExpression: source offsets", () => {
  it("records start and end of every node", () => {
    expect(expr("a.b + len(c)")).toEqual({
      kind: "binary",
      operator: "+",
      left: {
        kind: "member",
        object: { kind: "variable", name: "a", start: 0, end: 1 },
        property: "b",
        start: 0,
        end: 3,
      },
      right: { kind: "call", callee: "len", args: [{ kind: "variable", name: "c", start: 10, end: 11 }], start: 6, end: 12 },
      start: 0,
      end: 12,
    });
  });

  it("extends a parenthesised node over its parentheses", () => {
    const ast = expr(" ( a + b ) * 2");
    expect(ast.kind === "binary" && ast.left).toMatchObject({ kind: "binary", start: 1, end: 10 });
  });
});

describe("parseExpression: errors for admins", () => {
  it.each([
    ["customer.tier )", "unexpected_token", 'Unexpected ")" at position 14', 14, 1],
    ["a +\"abc", "unterminated_string", "Unterminated string starting at position 3", 3, 4],
    ["'abc\\'", "unterminated_string", "Unterminated string starting at position 0", 0, 6],
    ["a +", "unexpected_end", "Unexpected end of expression at position 3", 3, 0],
    ["(a + b", "unclosed_bracket", '"(" at position 0 is never closed', 0, 1],
    ["x[1", "unclosed_bracket", '"[" at position 1 is never closed', 1, 1],
    ["len(x", "unclosed_bracket", '"(" at position 3 is never closed', 3, 1],
    ["a ? b", "unexpected_end", 'Unexpected end of expression at position 5: expected ":"', 5, 0],
    ["a b", "unexpected_token", 'Unexpected "b" at position 2', 2, 1],
    ["a 'b'", "unexpected_token", "Unexpected string 'b' at position 2", 2, 3],
    ["a.", "expected_property", 'Expected a property name after "." at position 1', 1, 1],
    ["a.1", "expected_property", 'Expected a property name after "." at position 1', 2, 1],
    ["a = 1", "unexpected_character", 'Unexpected character "=" at position 2: use "==" to compare', 2, 1],
    ["a === 1", "unexpected_token", 'Unexpected "===" at position 2: use "==" (comparisons are always strict)', 2, 3],
    ["a & b", "unexpected_character", 'Unexpected character "&" at position 2: use "&&" for "and"', 2, 1],
    ["a # b", "unexpected_character", 'Unexpected character "#" at position 2', 2, 1],
    ["a in b", "unsupported_operator", 'Unexpected "in" at position 2: "in" is not supported: use contains(list, value)', 2, 2],
    ["a and b", "unsupported_operator", 'Unexpected "and" at position 2: use "&&" for "and"', 2, 3],
    ['"\\q"', "invalid_escape", 'Invalid escape "\\q" at position 1. Allowed: \\" \\\' \\\\ \\n \\t \\uXXXX', 1, 2],
    ['"\\u12"', "invalid_escape", 'Invalid escape "\\u12"" at position 1: expected 4 hex digits', 1, 5],
    ["1e", "invalid_number", 'Invalid number "1e" at position 0', 0, 2],
    ["1" + "0".repeat(400), "invalid_number", "Number at position 0 is too large", 0, 401],
    ["", "empty_expression", "The expression is empty", 0, 0],
    ["   ", "empty_expression", "The expression is empty", 0, 3],
    ["upper(a, b)", "wrong_arity", "upper() takes 1 argument, got 2 (position 0)", 0, 11],
    ["contains(a)", "wrong_arity", "contains() takes 2 arguments, got 1 (position 0)", 0, 11],
    ["round()", "wrong_arity", "round() takes 1 to 2 arguments, got 0 (position 0)", 0, 7],
    ["max()", "wrong_arity", "max() takes at least 1 arguments, got 0 (position 0)", 0, 5],
    ["a.b(1)", "not_callable", "", 3, 1],
    ["(1)(2)", "not_callable", "", 3, 1],
    ["true(1)", "not_callable", "", 4, 1],
    ["a ? b : )", "unexpected_token", 'Unexpected ")" at position 8', 8, 1],
  ])("%j", (source, code, message, position, length) => {
    const error = parseError(source);
    expect(error.code).toBe(code);
    if (message !== "") expect(error.message).toBe(message);
    expect(error.position).toBe(position);
    expect(error.length).toBe(length);
  });

  it("names an unknown function and lists the allowed ones", () => {
    const error = parseError("1 + eval(x)");
    expect(error).toMatchObject({ code: "unknown_function", position: 4, length: 4 });
    expect(error.message).toBe(
      'Unknown function "eval". Allowed: len, lower, upper, trim, contains, startsWith, endsWith, number, string, round, floor, ceil, abs, min, max, default, matches, substr',
    );
  });

  it("refuses `now`: time is not an expression's business", () => {
    expect(parseError("now()").code).toBe("unknown_function");
  });

  it("checks a literal matches() pattern at parse time", () => {
    expect(parseError('matches(x, "[a-")')).toMatchObject({ code: "invalid_regex", position: 11, length: 5 });
    expect(parseError('matches(x, "a(?=b)")')).toMatchObject({ code: "unsafe_regex", position: 11 });
    expect(parseError('matches(x, "a(?=b)")').message).toContain("lookahead");
    expect(parseExpression('matches(x, "(a+)+$")').ok).toBe(true);
    expect(parseError(`matches(x, "${"a".repeat(201)}")`)).toMatchObject({ code: "regex_too_long" });
    expect(parseExpression('matches(x, "^[0-9]{4}$")').ok).toBe(true);
  });
});

describe("parseExpression: JSON-serialisable AST", () => {
  const sources = [
    'customer.tier == "VIP" && attempts < 3',
    "a ? -b : !c",
    'upper(trim(name)) + " " + string(round(total, 2))',
    'list[0]["key"].x != null || default(x, "fallback") == ""',
    "'\\u2028 é 😀' + \"\\n\"",
    "((a))",
  ];

  it.each(sources)("%s survives a JSON round trip unchanged", (source) => {
    const ast = expr(source);
    const json = JSON.stringify(ast);
    expect(JSON.parse(json)).toEqual(ast);
    expect(JSON.stringify(JSON.parse(json))).toBe(json);
  });

  it.each(sources)("%s parses to byte-identical JSON every time", (source) => {
    expect(JSON.stringify(expr(source))).toBe(JSON.stringify(expr(source)));
  });

  it("holds only plain objects, arrays, strings, numbers, booleans and null", () => {
    const check = (value: unknown): void => {
      if (typeof value !== "object" || value === null) {
        expect(["string", "number", "boolean", "object"]).toContain(typeof value);
        return;
      }
      if (Array.isArray(value)) return value.forEach(check);
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
      for (const item of Object.values(value)) {
        expect(item).not.toBeUndefined();
        check(item);
      }
    };
    for (const source of sources) check(expr(source));
  });

  it("ignores whitespace, including newlines and tabs", () => {
    expect(withoutPositions(expr("a\n&&\tb  ==\r\n 1"))).toEqual(withoutPositions(expr("a && b == 1")));
  });
});
