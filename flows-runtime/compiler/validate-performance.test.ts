import { describe, expect, it } from "vitest";
import type { GraphInput } from "../graph/schema";
import { GraphBuilder } from "../testing/graph-builder";
import { compileGraph } from "./compile";
import { validateGraph, validateGraphForEditor } from "./validate";

/** 400 segments of menu -> prompt -> collect -> branch -> counter, chained: 2,002 nodes. */
function largeGraph(segments = 400): GraphInput {
  const builder = new GraphBuilder().variable("visits", "number", 0).node("start", "start").node("bye", "hangup", {}, "Goodbye");
  builder.edge("start", "next", "menu_0");
  for (let i = 0; i < segments; i += 1) {
    const next = i + 1 < segments ? `menu_${i + 1}` : "bye";
    builder
      .node(`menu_${i}`, "menu", { prompt: [{ kind: "tts", text: `Menu ${i}: press 1 to continue, 2 to skip` }], options: [{ key: "1" }, { key: "2" }] }, `Menu ${i}`)
      .node(`play_${i}`, "play", { media: [{ kind: "tts", text: "Visit {{visits}} from {{call.caller}}" }] }, `Prompt ${i}`)
      .node(`ask_${i}`, "collect", { variable: `answer_${i}`, maxLength: 4, pattern: "\\d{1,4}" }, `Ask ${i}`)
      .node(`check_${i}`, "branch", { conditions: [{ expression: `answer_${i} == "1" && visits < 10` }] }, `Check ${i}`)
      .node(`count_${i}`, "set-variables", { assignments: [{ name: "visits", value: "visits + 1" }] }, `Count ${i}`)
      .edge(`menu_${i}`, "option:1", `play_${i}`)
      .edge(`menu_${i}`, "option:2", next)
      .edge(`menu_${i}`, "timeout", "bye")
      .edge(`menu_${i}`, "invalid", "bye")
      .edge(`play_${i}`, "next", `ask_${i}`)
      .edge(`ask_${i}`, "next", `check_${i}`)
      .edge(`ask_${i}`, "timeout", "bye")
      .edge(`ask_${i}`, "invalid", "bye")
      .edge(`check_${i}`, "condition:0", `count_${i}`)
      .edge(`check_${i}`, "else", next)
      .edge(`count_${i}`, "next", next);
  }
  return builder.build();
}

describe("validation of a large graph", () => {
  it("validates and compiles 2,000 nodes", () => {
    const input = largeGraph();
    expect(input.nodes).toHaveLength(2002);
    // Warm-up: first-call costs (module init, JIT) are not what the designer pays on each edit.
    for (let i = 0; i < 10; i += 1) validateGraph(input);
    const runs = 10;
    const started = performance.now();
    for (let i = 0; i < runs; i += 1) expect(validateGraph(input).ok).toBe(true);
    const perRun = (performance.now() - started) / runs;
    const editorStarted = performance.now();
    expect(validateGraphForEditor(input).publishable).toBe(true);
    const editor = performance.now() - editorStarted;
    const compileStarted = performance.now();
    const compiled = compileGraph(input);
    const compile = performance.now() - compileStarted;
    expect(compiled.ok && Object.keys(compiled.plan.steps)).toHaveLength(2002);
    console.log(`2,002-node graph: validateGraph ${perRun.toFixed(1)} ms, validateGraphForEditor ${editor.toFixed(1)} ms, compileGraph ${compile.toFixed(1)} ms`);
  });

  it("still finds a single problem in a large graph", () => {
    const input = largeGraph();
    input.edges = input.edges.filter((edge) => edge.id !== "menu_200.timeout->bye");
    const result = validateGraph(input);
    expect(result.ok ? [] : result.issues.map((issue) => [issue.code, issue.nodeId])).toEqual([["required-port-unconnected", "menu_200"]]);
  });
});
