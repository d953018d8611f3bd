import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";

describe("canonicalJson", () => {
  it("sorts keys at every level and keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
  });

  it("writes what JSON.stringify writes for every other value", () => {
    const value = { text: 'quote " and \\ and 中文 \u2028', n: -0.5, big: 1e21, t: true, f: false, list: [1, "x", null] };
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
    expect(canonicalJson(value)).toBe(JSON.stringify(value, Object.keys(value).sort()));
  });

  it("drops undefined fields and functions, and writes null for them in arrays and for non-finite numbers", () => {
    expect(canonicalJson({ a: undefined, b: () => 1, c: 1 })).toBe('{"c":1}');
    expect(canonicalJson([undefined, () => 1, Number.NaN, Number.POSITIVE_INFINITY])).toBe("[null,null,null,null]");
    expect(canonicalJson({ first: undefined, second: 2 })).toBe('{"second":2}');
    expect(canonicalJson(undefined)).toBe("null");
  });

  it("refuses cycles but allows shared values", () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow("cyclic");
  });
});
