import { describe, expect, it } from "vitest";
import { diffValues } from "./diff-values";

const paths = (before: unknown, after: unknown) => diffValues(before, after).map((change) => `${change.kind} ${change.jsonPath}`);

describe("diffValues", () => {
  it("finds nothing between equal values, whatever the key order", () => {
    expect(diffValues({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toEqual([]);
  });

  it("treats a key holding undefined as a missing key", () => {
    expect(diffValues({ voice: undefined, text: "Hi" }, { text: "Hi" })).toEqual([]);
  });

  it("reports added, removed and changed fields with paths and values", () => {
    expect(diffValues({ a: 1, gone: "x", same: true }, { a: 2, same: true, fresh: null })).toEqual([
      { kind: "changed", path: ["a"], jsonPath: "$.a", before: 1, after: 2 },
      { kind: "added", path: ["fresh"], jsonPath: "$.fresh", after: null },
      { kind: "removed", path: ["gone"], jsonPath: "$.gone", before: "x" },
    ]);
  });

  it("goes deep into nested objects and reports the deepest field", () => {
    expect(diffValues({ target: { kind: "queue", priority: 5 } }, { target: { kind: "queue", priority: 8 } })).toEqual([
      { kind: "changed", path: ["target", "priority"], jsonPath: "$.target.priority", before: 5, after: 8 },
    ]);
  });

  it("reports a value whose JSON type changed as one change", () => {
    expect(diffValues({ body: null }, { body: "{}" })).toEqual([
      { kind: "changed", path: ["body"], jsonPath: "$.body", before: null, after: "{}" },
    ]);
    expect(paths({ x: [1] }, { x: { 0: 1 } })).toEqual(["changed $.x"]);
  });

  it("matches menu options by key, so an insertion does not shift the others", () => {
    const before = { options: [{ key: "1", label: "Sales" }, { key: "2", label: "Support" }] };
    const after = { options: [{ key: "1", label: "Sales" }, { key: "3", label: "After-sales" }, { key: "2", label: "Help" }] };
    expect(diffValues(before, after)).toEqual([
      {
        kind: "changed",
        path: ["options", { by: "key", value: "2" }, "label"],
        jsonPath: "$.options[?@.key=='2'].label",
        before: "Support",
        after: "Help",
      },
      { kind: "added", path: ["options", { by: "key", value: "3" }], jsonPath: "$.options[?@.key=='3']", after: { key: "3", label: "After-sales" } },
    ]);
  });

  it("reports a removed option by its key", () => {
    expect(diffValues({ options: [{ key: "1" }, { key: "2" }] }, { options: [{ key: "1" }] })).toEqual([
      { kind: "removed", path: ["options", { by: "key", value: "2" }], jsonPath: "$.options[?@.key=='2']", before: { key: "2" } },
    ]);
  });

  it("reports an option that only got a new key as a key change", () => {
    const before = { options: [{ key: "1", label: "Sales" }, { key: "2", label: "Support" }] };
    const after = { options: [{ key: "1", label: "Sales" }, { key: "9", label: "Support" }] };
    expect(diffValues(before, after)).toEqual([
      { kind: "changed", path: ["options", { by: "key", value: "2" }, "key"], jsonPath: "$.options[?@.key=='2'].key", before: "2", after: "9" },
    ]);
  });

  it("does not pair a new key with an option whose other fields changed too", () => {
    expect(paths({ options: [{ key: "2", label: "Support" }] }, { options: [{ key: "9", label: "Help" }] })).toEqual([
      "removed $.options[?@.key=='2']",
      "added $.options[?@.key=='9']",
    ]);
  });

  it("reports a new order of keyed items once, with the identities in both orders", () => {
    const before = { assignments: [{ name: "a", value: "1" }, { name: "b", value: "2" }, { name: "c", value: "3" }] };
    const after = { assignments: [{ name: "c", value: "3" }, { name: "a", value: "1" }, { name: "b", value: "2" }] };
    expect(diffValues(before, after)).toEqual([
      { kind: "reordered", path: ["assignments"], jsonPath: "$.assignments", before: ["a", "b", "c"], after: ["c", "a", "b"] },
    ]);
  });

  it("prefers id over key over name to identify items", () => {
    const before = { list: [{ id: 7, key: "a", name: "x", v: 1 }] };
    const after = { list: [{ id: 7, key: "b", name: "y", v: 1 }] };
    expect(paths(before, after)).toEqual(["changed $.list[?@.id==7].key", "changed $.list[?@.id==7].name"]);
  });

  it("matches by position when an identity is missing or duplicated", () => {
    expect(paths({ media: [{ kind: "tts", text: "A" }, { kind: "sound", name: "beep" }] }, { media: [{ kind: "tts", text: "B" }] })).toEqual([
      "changed $.media[0].text",
      "removed $.media[1]",
    ]);
    const duplicated = { headers: [{ name: "X", value: "1" }, { name: "X", value: "2" }] };
    expect(paths(duplicated, { headers: [{ name: "X", value: "1" }, { name: "X", value: "3" }] })).toEqual(["changed $.headers[1].value"]);
  });

  it("diffs lists inside list items (business hours inside a list of days)", () => {
    const before = { rules: [{ id: "r1", ranges: [{ open: "09:00", close: "18:00" }] }] };
    const after = { rules: [{ id: "r1", ranges: [{ open: "09:00", close: "17:00" }, { open: "19:00", close: "20:00" }] }] };
    expect(paths(before, after)).toEqual(["changed $.rules[?@.id=='r1'].ranges[0].close", "added $.rules[?@.id=='r1'].ranges[1]"]);
  });

  it("keeps the number 3 and the string \"3\" apart as identities", () => {
    expect(paths({ list: [{ id: 3 }] }, { list: [{ id: "3" }] })).toEqual(["changed $.list[?@.id==3].id"]);
  });

  it("sorts changes by path, numeric keys by value", () => {
    const before = { b: 1, options: [{ key: "10" }, { key: "9" }], a: 1 };
    const after = { b: 2, options: [{ key: "10", label: "x" }, { key: "9", label: "y" }], a: 2 };
    expect(paths(before, after)).toEqual([
      "changed $.a",
      "changed $.b",
      "added $.options[?@.key=='9'].label",
      "added $.options[?@.key=='10'].label",
    ]);
  });

  it("handles keys that name Object.prototype members as ordinary keys", () => {
    expect(paths({ constructor: 1 }, { constructor: 2, ["__proto__"]: 3 })).toEqual(["added $.__proto__", "changed $.constructor"]);
    expect(diffValues(JSON.parse('{"__proto__": {"a": 1}}'), JSON.parse('{"__proto__": {"a": 2}}'))).toEqual([
      { kind: "changed", path: ["__proto__", "a"], jsonPath: "$.__proto__.a", before: 1, after: 2 },
    ]);
  });

  it("quotes JSONPath names that are not identifiers", () => {
    expect(paths({ "odd key": 1, "it's": 1 }, { "odd key": 2, "it's": 2 })).toEqual(["changed $['it\\'s']", "changed $['odd key']"]);
  });
});
