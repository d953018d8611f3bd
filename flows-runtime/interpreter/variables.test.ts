import { describe, expect, it } from "vitest";
import { FlowVariables } from "./variables";
import { varsDiff } from "./vars-diff";

describe("FlowVariables", () => {
  it("reads and writes top-level names and dotted paths", () => {
    const vars = new FlowVariables({ call: { caller: "1", language: "zh-CN" }, list: [{ name: "a" }] });
    expect(vars.get("call.caller")).toBe("1");
    expect(vars.get("list.0.name")).toBe("a");
    expect(vars.get("call.nothing.deeper")).toBeUndefined();
    vars.set("count", 2);
    vars.set("customer.address.city", "Shanghai");
    expect(vars.snapshot()).toEqual({ call: { caller: "1", language: "zh-CN" }, list: [{ name: "a" }], count: 2, customer: { address: { city: "Shanghai" } } });
  });

  it("copies objects on a nested write, so earlier snapshots and callers' objects stay unchanged", () => {
    const call = { caller: "1", language: "zh-CN" };
    const vars = new FlowVariables({ call });
    const before = vars.snapshot();
    vars.set("call.language", "en-US");
    expect(call.language).toBe("zh-CN");
    expect(before.call).toEqual({ caller: "1", language: "zh-CN" });
    expect(vars.get("call.language")).toBe("en-US");
  });

  it("refuses __proto__, constructor and prototype anywhere in a path", () => {
    const vars = new FlowVariables({ obj: {} });
    for (const path of ["__proto__", "__proto__.polluted", "obj.__proto__.polluted", "obj.constructor.prototype", "prototype", "a..b", ""]) {
      expect(() => vars.set(path, 1)).toThrow();
      expect(() => vars.get(path)).toThrow();
    }
    expect("polluted" in {}).toBe(false);
  });

  it("ignores dangerous names in initial values and reads own data only", () => {
    const vars = new FlowVariables(JSON.parse('{"__proto__": {"polluted": true}, "ok": {"toString": 1}}'));
    expect(vars.snapshot()).toEqual({ ok: { toString: 1 } });
    expect(vars.get("ok.toString")).toBe(1);
    expect(vars.get("ok.hasOwnProperty")).toBeUndefined();
    expect(vars.get("missing")).toBeUndefined();
    expect(vars.get("toString")).toBeUndefined();
  });

  it("refuses to set a field inside a value that is not an object", () => {
    const vars = new FlowVariables({ text: "abc", list: [1] });
    expect(() => vars.set("text.length", 1)).toThrow('cannot set a field inside "text": it is not an object');
    expect(() => vars.set("list.0", 2)).toThrow();
  });
});

describe("varsDiff", () => {
  it("lists changed top-level variables and call fields, with null for missing values", () => {
    expect(
      varsDiff(
        { call: { language: "zh-CN", caller: "1" }, a: 1, same: { x: [1] }, gone: 3 },
        { call: { language: "en-US", caller: "1" }, a: 2, same: { x: [1] }, added: "x" },
      ),
    ).toEqual({
      "call.language": { before: "zh-CN", after: "en-US" },
      a: { before: 1, after: 2 },
      gone: { before: 3, after: null },
      added: { before: null, after: "x" },
    });
    expect(varsDiff({ a: [1, 2] }, { a: [1, 2] })).toEqual({});
    expect(varsDiff({ a: [1, 2] }, { a: { 0: 1, 1: 2 } })).toEqual({ a: { before: [1, 2], after: { 0: 1, 1: 2 } } });
  });
});
