import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Expr } from "./ast";
import { evaluateExpression } from "./evaluate";
import { parseExpression } from "./parse-expression";
import { parseTemplate } from "./parse-template";
import { renderTemplate } from "./render-template";
import { ExpressionRuntimeError } from "./runtime-error";
import { expr, template } from "./test-utils";

function runtimeError(run: () => unknown): ExpressionRuntimeError {
  try {
    run();
  } catch (error) {
    if (error instanceof ExpressionRuntimeError) return error;
    throw error;
  }
  throw new Error("expected an ExpressionRuntimeError");
}

describe("security: forbidden property names at parse time", () => {
  it.each([
    ["a.__proto__", "__proto__", 2, 9],
    ["a.constructor", "constructor", 2, 11],
    ["a.prototype", "prototype", 2, 9],
    ["a.__defineGetter__", "__defineGetter__", 2, 16],
    ["a.b.__x", "__x", 4, 3],
    ['a["__proto__"]', "__proto__", 2, 11],
    ["a['constructor'].b", "constructor", 2, 13],
    ["len(x.constructor)", "constructor", 6, 11],
  ])("%s", (source, name, position, length) => {
    const result = parseExpression(source);
    expect(result).toEqual({
      ok: false,
      error: { code: "forbidden_property", message: `"${name}" cannot be used as a property name`, position, length },
    });
  });

  it("allows ordinary names that merely contain underscores", () => {
    expect(parseExpression("a._x.b_c.d__").ok).toBe(true);
  });
});

describe("security: evaluation never leaves plain data", () => {
  it("refuses forbidden names computed at run time", () => {
    for (const key of ["__proto__", "constructor", "prototype", "__lookupGetter__"]) {
      const error = runtimeError(() => evaluateExpression(expr("obj[key]"), { obj: {}, key }));
      expect(error.code).toBe("forbidden_property");
      expect(error.message).toBe(`"${key}" cannot be used as a property name`);
    }
  });

  it("refuses forbidden names in a hand-edited plan AST", () => {
    const ast: Expr = {
      kind: "member",
      object: { kind: "variable", name: "obj", start: 0, end: 3 },
      property: "constructor",
      start: 0,
      end: 15,
    };
    expect(runtimeError(() => evaluateExpression(ast, { obj: {} })).code).toBe("forbidden_property");
  });

  it.each([
    ["obj.toString"],
    ["obj.hasOwnProperty"],
    ["obj.valueOf"],
    ["obj.isPrototypeOf"],
    ["list.length"],
    ["list.map"],
    ["list.push"],
    ["text.length"],
    ["text.toUpperCase"],
    ["num.toFixed"],
    ["child.inherited"],
    ["instance.field"],
    ["instance.method"],
    ["map.size"],
    ["date.getTime"],
    ["withGetter.secret"],
    ["toString"],
    ["hasOwnProperty"],
    ["constructor"],
    ["valueOf"],
  ])("%s reads as null", (source) => {
    class Thing {
      field = 1;
      method() {
        return 2;
      }
    }
    let getterCalls = 0;
    const withGetter = {};
    Object.defineProperty(withGetter, "secret", {
      enumerable: true,
      get() {
        getterCalls += 1;
        return "leaked";
      },
    });
    const vars = {
      obj: {},
      list: [1, 2],
      text: "abc",
      num: 5,
      child: Object.create({ inherited: "from prototype" }),
      instance: new Thing(),
      map: new Map([["size", 1]]),
      date: new Date(0),
      withGetter,
    };
    expect(evaluateExpression(expr(source), vars)).toBe(null);
    expect(getterCalls).toBe(0);
  });

  it("ignores non-enumerable own properties", () => {
    const obj = {};
    Object.defineProperty(obj, "hidden", { enumerable: false, value: "x" });
    expect(evaluateExpression(expr("obj.hidden"), { obj })).toBe(null);
    expect(evaluateExpression(expr("hidden"), obj)).toBe(null);
  });

  it("reads plain objects from another realm and with a null prototype", () => {
    const bare: Record<string, unknown> = Object.create(null);
    bare.x = 1;
    expect(evaluateExpression(expr("bare.x"), { bare })).toBe(1);
    expect(evaluateExpression(expr("x"), bare)).toBe(1);
  });

  it.each(["process", "globalThis", "window", "require", "import", "this", "self", "global", "Function", "eval"])(
    "%s is just an unknown variable",
    (name) => {
      expect(evaluateExpression(expr(name), {})).toBe(null);
      expect(evaluateExpression(expr(`${name}.env`), {})).toBe(null);
      expect(evaluateExpression(expr(`${name}["mainModule"]`), {})).toBe(null);
    },
  );

  it("does not let a variable holding a real object reach its methods", () => {
    const vars = { p: process, g: globalThis };
    expect(evaluateExpression(expr("p.env"), vars)).toBe(null);
    expect(evaluateExpression(expr("g.process"), vars)).toBe(null);
  });

  it("reads JSON-parsed __proto__ keys as inert data and never touches Object.prototype", () => {
    const vars = JSON.parse('{"payload":{"__proto__":{"polluted":true}}}');
    expect(evaluateExpression(expr("payload.polluted"), vars)).toBe(null);
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    evaluateExpression(expr("payload == payload && len(payload) == 1"), vars);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect("polluted" in {}).toBe(false);
  });

  it("calls only whitelisted functions, even names that exist on every object", () => {
    for (const name of ["constructor", "toString", "hasOwnProperty", "eval", "Function", "require", "setTimeout", "now"]) {
      const result = parseExpression(`${name}(1)`);
      expect(result.ok ? "ok" : result.error.code).toBe("unknown_function");
    }
  });
});

describe("security: secrets", () => {
  it("refuses `secret` in a plain expression (conditions must not read secrets)", () => {
    const result = parseExpression('secret.KEY == "x"');
    expect(result.ok ? "ok" : result.error).toMatchObject({ code: "secret_in_expression", position: 0, length: 6 });
  });

  it("refuses a rendered value that forges a secret placeholder", () => {
    const ast = template("Name: {{ name }}");
    for (const name of ["{{secret.DB_PASSWORD}}", "{{ secret.X }}", "x{{secret . Y}}"]) {
      const error = runtimeError(() => renderTemplate(ast, { name }));
      expect(error.code).toBe("forged_secret_placeholder");
    }
    expect(renderTemplate(ast, { name: "{{secret.X}}" }, { secrets: "blank" })).toBe("Name: {{secret.X}}");
  });

  it("refuses a placeholder assembled from text and a value", () => {
    const ast = template("\\{{{{ rest }}");
    expect(runtimeError(() => renderTemplate(ast, { rest: "secret.KEY}}" })).code).toBe("forged_secret_placeholder");
  });

  it("still renders real secret parts next to harmless values", () => {
    const ast = template("{{secret.A}}{{ x }}{{secret.B}}");
    expect(renderTemplate(ast, { x: "{{not secret}}" })).toBe("{{secret.A}}{{not secret}}{{secret.B}}");
  });

  it("refuses a secret part with a name that is not an identifier (a damaged plan)", () => {
    const parsed = parseTemplate("{{secret.A}}");
    if (!parsed.ok) throw new Error(parsed.error.message);
    const damaged = JSON.parse(JSON.stringify(parsed.ast).replace('"A"', '"A}}{{x"'));
    expect(runtimeError(() => renderTemplate(damaged, {})).code).toBe("invalid_ast");
  });
});

describe("security: no dynamic code or host access in the implementation", () => {
  const sources = readdirSync(import.meta.dirname)
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts") && file !== "test-utils.ts")
    .map((file) => ({ file, text: readFileSync(join(import.meta.dirname, file), "utf8") }));

  it("finds the implementation files", () => {
    expect(sources.map((source) => source.file)).toContain("evaluate.ts");
  });

  it.each([
    ["eval", /\beval\s*\(/],
    ["new Function", /\bnew\s+Function\b/],
    ["Function()", /\bFunction\s*\(/],
    ["require", /\brequire\s*\(/],
    ["dynamic import", /\bimport\s*\(/],
    ["Node built-ins", /from\s+["'](node:|fs|path|vm|child_process)/],
    ["process", /\bprocess\./],
    ["globalThis", /\bglobalThis\./],
    ["non-deterministic time or randomness", /\bDate\.now|new Date\(|Math\.random/],
  ])("uses no %s", (_name, pattern) => {
    for (const { file, text } of sources) {
      expect(pattern.test(text), file).toBe(false);
    }
  });
});
