import { describe, expect, it } from "vitest";
import afterSales from "../fixtures/after-sales-ivr.json";
import bank from "../fixtures/bank-ivr.json";
import menuRetries from "../fixtures/menu-retries-transfer.json";
import { planSchema } from "../plan/schema";
import { graph, say } from "../testing/graph-builder";
import { canonicalJson } from "./canonical-json";
import { compileGraph } from "./compile";

/** Deterministic shuffle (no Math.random in tests that must be able to fail the same way twice). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i -= 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    const a = copy[i];
    const b = copy[j];
    if (a !== undefined && b !== undefined) {
      copy[i] = b;
      copy[j] = a;
    }
  }
  return copy;
}

const simple = () =>
  graph()
    .variable("greeting", "string", "hi")
    .node("start", "start", { defaultLanguage: "en-US" }, "Entry")
    .node("hello", "play", say("{{greeting}}"), "")
    .node("menu", "menu", { prompt: [{ kind: "tts", text: "Press 1" }], options: [{ key: "1" }] }, "Main menu")
    .node("bye", "hangup", {}, "Bye")
    .edge("start", "next", "hello")
    .edge("hello", "next", "menu")
    .edge("menu", "option:1", "bye")
    .edge("menu", "timeout", "bye")
    .edge("menu", "invalid", "bye")
    .build();

describe("compileGraph", () => {
  it("produces a plan with entry, variables and steps sorted by id", () => {
    const result = compileGraph(simple());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { plan } = result;
    expect(planSchema.parse(plan)).toEqual(plan);
    expect(plan).toMatchObject({ planFormat: 1, kind: "ivr", graphSchemaVersion: 1, entry: "start", variables: [{ name: "greeting", type: "string", initial: "hi" }] });
    expect(Object.keys(plan.steps)).toEqual(["bye", "hello", "menu", "start"]);
    expect(plan.steps.hello).toEqual({
      id: "hello",
      type: "play",
      label: "Play prompt",
      config: { bargeIn: false, media: [{ kind: "tts", language: null, voice: null, text: expect.objectContaining({ parts: [expect.objectContaining({ kind: "expr" })] }) }] },
      next: { next: "menu" },
    });
    expect(plan.steps.menu?.next).toEqual({ "option:1": "bye", timeout: "bye", invalid: "bye" });
    expect(plan.steps.menu?.label).toBe("Main menu");
    expect(plan.steps.bye).toEqual({ id: "bye", type: "hangup", label: "Bye", config: {}, next: {} });
  });

  it("maps an unconnected optional exit to null (the call ends there)", () => {
    const input = graph().node("start", "start").node("hello", "play", say("Hi")).edge("start", "next", "hello").build();
    const result = compileGraph(input);
    expect(result.ok && result.plan.steps.hello?.next).toEqual({ next: null });
  });

  it("never compiles an invalid graph", () => {
    const input = simple();
    input.edges = input.edges.filter((edge) => edge.sourcePort !== "timeout");
    const result = compileGraph(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map((issue) => issue.code)).toEqual(["required-port-unconnected"]);
  });

  it("leaves unreachable nodes out of the plan and keeps the warning", () => {
    const input = simple();
    input.nodes.push({ id: "lost", type: "play", position: { x: 0, y: 0 }, data: say("lost") });
    const result = compileGraph(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.plan.steps)).not.toContain("lost");
    expect(result.warnings.map((issue) => [issue.code, issue.nodeId])).toEqual([["unreachable-node", "lost"]]);
  });

  it("survives a JSON round trip unchanged (what the workflow receives)", () => {
    const result = compileGraph(bank);
    if (!result.ok) throw new Error("bank fixture must compile");
    expect(canonicalJson(JSON.parse(JSON.stringify(result.plan)))).toBe(canonicalJson(result.plan));
  });

  it.each([
    ["simple", simple()],
    ["bank", bank],
    ["after-sales", afterSales],
    ["menu-retries", menuRetries],
  ])("gives byte-identical plans whatever the order of nodes and edges (%s)", (_name: string, input: { nodes: unknown[]; edges: unknown[] }) => {
    const reference = compileGraph(input);
    if (!reference.ok) throw new Error("fixture must compile");
    const expected = canonicalJson(reference.plan);
    for (let seed = 1; seed <= 5; seed += 1) {
      const reordered = { ...input, nodes: shuffled(input.nodes, seed), edges: shuffled(input.edges, seed * 7) };
      const result = compileGraph(reordered);
      expect(result.ok && canonicalJson(result.plan)).toBe(expected);
    }
  });
});
