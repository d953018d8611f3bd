import { describe, expect, it } from "vitest";
import { renderTemplate } from "./render-template";
import { ExpressionRuntimeError } from "./runtime-error";
import { template } from "./test-utils";

const vars = {
  customer: { name: "Ann", tier: "VIP" },
  order: { id: 42, eta: "Monday", total: 19.9, items: [1, 2] },
  count: 3,
  ratio: 0.1,
  nothing: null,
  flag: false,
};

const render = (source: string, values: Record<string, unknown> = vars) => renderTemplate(template(source), values);

describe("renderTemplate", () => {
  it("fills holes", () => {
    expect(render("Hello {{customer.name}}, your order {{order.id}} ships {{ order.eta }}")).toBe(
      "Hello Ann, your order 42 ships Monday",
    );
  });

  it.each([
    ["{{ count }}", "3"],
    ["{{ count * 1.0 }}", "3"],
    ["{{ 10 / 4 }}", "2.5"],
    ["{{ order.total }}", "19.9"],
    ["{{ ratio + 0.2 }}", "0.3"],
    ["{{ 1e21 }}", "1e+21"],
    ["{{ -0.5 }}", "-0.5"],
    ["[{{ nothing }}]", "[]"],
    ["[{{ missing.value }}]", "[]"],
    ["{{ flag }}/{{ !flag }}", "false/true"],
    ["{{ order.items }}", "[1,2]"],
    ["{{ customer }}", '{"name":"Ann","tier":"VIP"}'],
    ['{{ "a\\"b" }}', 'a"b'],
    ["\\{{ literal }}", "{{ literal }}"],
    ["", ""],
  ])("%s -> %s", (source, expected) => {
    expect(render(source)).toBe(expected);
  });

  it("renders nested objects as JSON, lists inside too", () => {
    expect(render("{{ v }}", { v: { a: [1, { b: null }], c: "x\ny" } })).toBe('{"a":[1,{"b":null}],"c":"x\\ny"}');
  });

  it("renders secrets as placeholders by default, or blank", () => {
    const ast = template("Bearer {{secret.API_TOKEN}} for {{ customer.name }}");
    expect(renderTemplate(ast, vars)).toBe("Bearer {{secret.API_TOKEN}} for Ann");
    expect(renderTemplate(ast, vars, { secrets: "placeholder" })).toBe("Bearer {{secret.API_TOKEN}} for Ann");
    expect(renderTemplate(ast, vars, { secrets: "blank" })).toBe("Bearer  for Ann");
  });

  it("normalises secret placeholders written with spaces", () => {
    expect(render("{{  secret.K  }}")).toBe("{{secret.K}}");
  });

  it("propagates runtime errors", () => {
    expect(() => render("{{ upper(count) }}")).toThrow(ExpressionRuntimeError);
  });

  it("never calls toJSON on a value", () => {
    let called = false;
    const value = JSON.parse('{"a":1}');
    Object.defineProperty(value, "toJSON", {
      enumerable: false,
      value: () => {
        called = true;
        return "hacked";
      },
    });
    expect(render("{{ v }}", { v: value })).toBe('{"a":1}');
    expect(called).toBe(false);
  });

  it("fails clearly on values too deep to display", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200; i += 1) deep = [deep];
    expect(() => render("{{ v }}", { v: deep })).toThrow(/too deeply nested/);
  });
});
