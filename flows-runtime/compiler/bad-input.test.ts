import { describe, expect, it } from "vitest";
import { graph, say } from "../testing/graph-builder";
import { compileGraph } from "./compile";
import type { Issue } from "./issue";
import { validateGraph, validateGraphForEditor } from "./validate";

const FIVE_MB = 5 * 1024 * 1024;

function issuesOf(input: unknown): Issue[] {
  const result = validateGraph(input);
  return result.ok ? result.warnings : result.issues;
}

function nested(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i += 1) value = [value];
  return value;
}

const start = { id: "start", type: "start", position: { x: 0, y: 0 } };

describe("bad input", () => {
  it("rejects 5 MB of garbage text quickly and clearly", () => {
    const garbage = "x".repeat(FIVE_MB);
    const started = performance.now();
    expect(issuesOf(garbage).map((issue) => issue.code)).toEqual(["graph-not-json"]);
    expect(compileGraph(garbage).ok).toBe(false);
    console.log(`5 MB of garbage rejected in ${(performance.now() - started).toFixed(1)} ms`);
  });

  it("rejects a 5 MB label and prompt text with the field they are in", () => {
    const huge = "字".repeat(FIVE_MB / 2);
    const input = graph().node("start", "start").node("p", "play", say(huge), "Prompt").edge("start", "next", "p").build();
    expect(issuesOf(input).map((issue) => [issue.code, issue.nodeId, issue.path])).toEqual([["setting-too-long", "p", ["media", 0, "text"]]]);
    const labelled = { ...input, nodes: [start, { ...input.nodes[1], label: huge }] };
    expect(issuesOf(labelled).map((issue) => [issue.code, issue.nodeId, issue.path])).toEqual([["node-invalid", "p", ["nodes", 1, "label"]]]);
  });

  it("survives deeply nested arrays anywhere", () => {
    const deep = nested(100_000);
    expect(issuesOf(deep).map((issue) => issue.code)).toEqual(["graph-not-object"]);
    expect(issuesOf("[".repeat(100_000) + "]".repeat(100_000)).map((issue) => issue.code)).toEqual(["graph-not-object"]);
    const inData = {
      schemaVersion: 1,
      kind: "ivr",
      variables: [{ name: "v", initial: deep }],
      nodes: [start, { id: "p", type: "play", position: { x: 0, y: 0 }, data: { media: deep, bargeIn: deep } }],
      edges: [{ id: "e", source: "start", sourcePort: "next", target: "p" }],
    };
    expect(issuesOf(inData).map((issue) => [issue.code, issue.nodeId, issue.path])).toEqual([
      ["setting-wrong-type", "p", ["media", 0]],
      ["setting-wrong-type", "p", ["bargeIn"]],
      ["variable-initial-invalid", null, ["variables", 0, "initial"]],
    ]);
    expect(() => compileGraph(inData)).not.toThrow();
  });

  it("survives cycles, throwing getters and proxies", () => {
    const node: Record<string, unknown> = { id: "p", type: "play", position: { x: 0, y: 0 } };
    node.data = { media: [{ kind: "tts", text: "hi" }], self: node };
    const cyclic = { schemaVersion: 1, kind: "ivr", nodes: [start, node], edges: [{ id: "e", source: "start", sourcePort: "next", target: "p" }] };
    const compiled = compileGraph(cyclic);
    expect(compiled.ok).toBe(true);
    const initial: Record<string, unknown> = {};
    initial.self = initial;
    expect(issuesOf({ ...cyclic, variables: [{ name: "loop", initial }] }).map((issue) => issue.code)).toEqual(["variable-initial-invalid"]);

    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error("no reading");
        },
        ownKeys: () => {
          throw new Error("no listing");
        },
      },
    );
    expect(issuesOf(hostile).map((issue) => issue.code)).toEqual(["internal-error"]);
    const getter = { schemaVersion: 1, kind: "ivr", edges: [], get nodes(): unknown[] { throw new Error("getter"); } };
    expect(issuesOf(getter).map((issue) => [issue.code, issue.message])).toEqual([["internal-error", "Internal error while checking the flow: getter"]]);
  });

  it("refuses __proto__ keys instead of letting them become hidden settings", () => {
    const text = JSON.stringify({
      schemaVersion: 1,
      kind: "ivr",
      nodes: [{ id: "start", type: "start", position: { x: 0, y: 0 }, data: { "@proto": { defaultLanguage: "en-US" } } }],
      edges: [],
    }).replace('"@proto"', '"__proto__"');
    expect(issuesOf(text).map((issue) => [issue.code, issue.nodeId, issue.path])).toEqual([
      ["node-invalid", "start", ["nodes", 0, "data", "__proto__"]],
      ["no-start", null, []],
    ]);
    expect(issuesOf('{"__proto__": {"schemaVersion": 1}, "kind": "ivr", "nodes": [], "edges": []}').map((issue) => issue.code)).toContain("graph-version-invalid");
    expect("defaultLanguage" in {}).toBe(false);
  });

  it("refuses a node or connection id like __proto__ with a message naming it, instead of dropping the node from the plan", () => {
    const built = graph().node("start", "start").node("__proto__", "hangup", {}, "Bye").edge("start", "next", "__proto__", "e1").build();
    const issues = issuesOf(built);
    expect(issues.map((issue) => [issue.code, issue.nodeId, issue.path])).toContainEqual(["unsafe-node-id", "__proto__", ["nodes", 1, "id"]]);
    expect(issues.find((issue) => issue.code === "unsafe-node-id")?.message).toContain('"__proto__"');
    expect(compileGraph(built).ok).toBe(false);
    const badEdge = graph().node("start", "start").node("bye", "hangup").edge("start", "next", "bye", "__proto__").build();
    expect(issuesOf(badEdge).map((issue) => [issue.code, issue.edgeId, issue.path])).toContainEqual(["unsafe-edge-id", "__proto__", ["edges", 0, "id"]]);
    for (const id of ["constructor", "toString", "hasOwnProperty"]) {
      const named = graph().node("start", "start").node(id, "hangup").edge("start", "next", id).build();
      const compiled = compileGraph(named);
      if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
      expect(Object.hasOwn(compiled.plan.steps, id), id).toBe(true);
      expect(compiled.plan.steps.start?.next.next).toBe(id);
      const editor = validateGraphForEditor({ ...named, nodes: [...named.nodes, { id: "x", type: "mystery", position: { x: 0, y: 0 } }] });
      expect(Object.hasOwn(editor.byNode, "x")).toBe(true);
    }
    const editor = validateGraphForEditor(graph().node("start", "start").node("constructor", "mystery").edge("start", "next", "constructor").build());
    const own = Object.entries(editor.byNode).find(([id]) => id === "constructor")?.[1];
    expect(own?.map((issue) => issue.code)).toEqual(["unknown-node-type"]);
  });

  it("gives clear issues for expressions reaching for process, constructor or __proto__", () => {
    const branch = (expression: string) =>
      graph()
        .node("start", "start")
        .node("b", "branch", { conditions: [{ expression }] }, "Check")
        .node("bye", "hangup")
        .edge("start", "next", "b")
        .edge("b", "condition:0", "bye")
        .edge("b", "else", "bye")
        .build();
    const cases: [string, string][] = [
      ["process.exit(1)", "expression-syntax"],
      ["process", "unknown-variable"],
      ["globalThis", "unknown-variable"],
      ["call.constructor.constructor", "expression-syntax"],
      ["call.__proto__", "expression-syntax"],
      ['call["constructor"]', "expression-syntax"],
      ["constructor", "unknown-variable"],
      ["__proto__", "unknown-variable"],
      ["this", "unknown-variable"],
    ];
    for (const [expression, code] of cases) {
      const issues = issuesOf(branch(expression));
      expect(issues.map((issue) => [issue.code, issue.nodeId, issue.path]), expression).toEqual([[code, "b", ["conditions", 0, "expression"]]]);
      expect(issues[0]?.message.length).toBeGreaterThan(20);
    }
    const template = graph().node("start", "start").node("p", "play", say("{{ constructor.name }} {{ call.__proto__ }}"), "P").edge("start", "next", "p").build();
    expect(issuesOf(template).map((issue) => issue.code)).toEqual(["expression-syntax"]);
  });

  it("handles many broken nodes and connections at once", () => {
    const input = {
      schemaVersion: 1,
      kind: "ivr",
      nodes: Array.from({ length: 5000 }, (_, i) => ({ id: `n${i}`, type: i % 2 === 0 ? "menu" : "mystery", position: { x: i, y: 0 }, data: { options: "none" } })),
      edges: Array.from({ length: 20000 }, (_, i) => ({ id: `e${i}`, source: `n${i % 5000}`, sourcePort: `p${i}`, target: `n${(i * 7) % 5001}` })),
    };
    const issues = issuesOf(input);
    expect(issues.length).toBeGreaterThan(5000);
    expect(issues.every((issue) => issue.message.length > 0 && Array.isArray(issue.path))).toBe(true);
  });
});
