import { describe, expect, it } from "vitest";
import { parseTemplate } from "./parse-template";
import { template, withoutPositions } from "./test-utils";

function templateError(source: string) {
  const result = parseTemplate(source);
  if (result.ok) throw new Error(`expected ${JSON.stringify(source)} to fail`);
  return result.error;
}

describe("parseTemplate", () => {
  it("splits text, expressions and secrets", () => {
    const ast = template("Hello {{customer.name}}, key {{ secret.API_KEY }}!");
    expect(withoutPositions(ast)).toEqual({
      parts: [
        { kind: "text", text: "Hello " },
        { kind: "expr", expr: { kind: "member", object: { kind: "variable", name: "customer" }, property: "name" } },
        { kind: "text", text: ", key " },
        { kind: "secret", name: "API_KEY" },
        { kind: "text", text: "!" },
      ],
    });
  });

  it("positions expression nodes in the whole template", () => {
    const ast = template("ab {{ order.id }}");
    expect(ast.parts[1]).toEqual({
      kind: "expr",
      expr: {
        kind: "member",
        object: { kind: "variable", name: "order", start: 6, end: 11 },
        property: "id",
        start: 6,
        end: 14,
      },
    });
  });

  it.each([
    ["", []],
    ["plain text", [{ kind: "text", text: "plain text" }]],
    ["a } b }} c { d", [{ kind: "text", text: "a } b }} c { d" }]],
    ["\\{{not a hole}}", [{ kind: "text", text: "{{not a hole}}" }]],
    ["x \\{{ y {{1}}", [{ kind: "text", text: "x {{ y " }, { kind: "expr", expr: { kind: "literal", value: 1 } }]],
    ["a\\b", [{ kind: "text", text: "a\\b" }]],
    ["{{1}}{{2}}", [{ kind: "expr", expr: { kind: "literal", value: 1 } }, { kind: "expr", expr: { kind: "literal", value: 2 } }]],
    ['{{ default(x, "}}") }}', [{ kind: "expr", expr: { kind: "call", callee: "default", args: [{ kind: "variable", name: "x" }, { kind: "literal", value: "}}" }] } }]],
    ["{{secret.a}}{{secret.B_2}}", [{ kind: "secret", name: "a" }, { kind: "secret", name: "B_2" }]],
    ["the secret is safe", [{ kind: "text", text: "the secret is safe" }]],
  ])("%j", (source, parts) => {
    expect(withoutPositions(template(source))).toEqual({ parts });
  });

  it.each([
    ["Hi {{ name", "unclosed_template", '"{{" at position 3 is never closed with "}}"', 3, 2],
    ["Hi {{ a }} and {{ b", "unclosed_template", '"{{" at position 15 is never closed with "}}"', 15, 2],
    ["Hi {{ a }", "unclosed_template", '"{{" at position 3 is never closed with "}}"', 3, 2],
    ["x {{ }}", "empty_expression", 'Empty "{{ }}" at position 2', 2, 5],
    ["x {{}}", "empty_expression", 'Empty "{{ }}" at position 2', 2, 4],
    ["Hello {{ a + }}", "unexpected_end", "Unexpected end of expression at position 13", 13, 0],
    ["Hello {{ customer.tier ) }}", "unexpected_token", 'Unexpected ")" at position 23', 23, 1],
    ["Dear {{ o'brien }}", "unterminated_string", "Unterminated string starting at position 9", 9, 7],
    ["{{ a.constructor }}", "forbidden_property", '"constructor" cannot be used as a property name', 5, 11],
    ["{{ eval(1) }}", "unknown_function", "", 3, 4],
  ])("%j fails at the right place", (source, code, message, position, length) => {
    const error = templateError(source);
    expect(error.code).toBe(code);
    if (message !== "") expect(error.message).toBe(message);
    expect(error.position).toBe(position);
    expect(error.length).toBe(length);
  });

  it.each([
    ["{{ secret.KEY + 'x' }}", 3],
    ["Token: {{ upper(secret.KEY) }}", 16],
    ["{{ secret }}", 3],
    ["{{secret.KEY.part}}", 2],
    ["{{ secret['KEY'] }}", 3],
  ])("refuses a secret inside a larger expression: %j", (source, position) => {
    const error = templateError(source);
    expect(error.code).toBe("secret_in_expression");
    expect(error.message).toContain("secrets can only be inserted as {{secret.NAME}}");
    expect(error.position).toBe(position);
  });

  it("rejects a secret name that is not an identifier", () => {
    expect(parseTemplate("{{secret.1abc}}").ok).toBe(false);
    expect(parseTemplate("{{secret.a-b}}").ok).toBe(false);
  });

  it("produces byte-identical JSON that survives a round trip", () => {
    const source = "Hi {{ upper(name) }} {{secret.K}} \\{{ {{ a ? 1 : 'x' }}";
    const json = JSON.stringify(template(source));
    expect(JSON.stringify(template(source))).toBe(json);
    expect(JSON.parse(json)).toEqual(template(source));
  });
});
