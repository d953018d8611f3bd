import { describe, expect, it } from "vitest";
import type { Graph } from "../graph/schema";
import { diffGraphs } from "./diff-graphs";
import { loadFixture, type FixtureName } from "./fixtures/load-fixture";
import { isEmptyDiff } from "./is-empty-diff";

const diffOf = (name: FixtureName) => {
  const { before, after } = loadFixture(name);
  return diffGraphs(before, after);
};

const NO_EDGES = { added: [], removed: [], retargeted: [] };

describe("diffGraphs on saved version pairs", () => {
  it("gives an empty diff for identical graphs", () => {
    const diff = diffOf("identical");
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diff.nodes.unchanged).toEqual(["agents", "bye", "closed_msg", "hours", "main_menu", "sales", "start", "welcome"]);
    expect(diff.edges.unchanged).toHaveLength(11);
  });

  it("gives the same (empty) diff when nodes, edges and variables are shuffled and edge ids regenerated", () => {
    const shuffled = diffOf("shuffled");
    expect(isEmptyDiff(shuffled)).toBe(true);
    expect(shuffled.nodes).toEqual(diffOf("identical").nodes);
    expect(shuffled.edges.unchanged.find((edge) => edge.source === "start")).toEqual({
      source: "start",
      sourcePort: "next",
      target: "welcome",
      beforeId: "e1",
      afterId: "edge-100",
    });
  });

  it("reports an added node and its new edge", () => {
    const diff = diffOf("node-added");
    expect(diff.nodes.added).toEqual([{ id: "bye_msg", type: "play", label: "Goodbye message" }]);
    expect(diff.nodes.removed).toEqual([]);
    expect(diff.edges).toMatchObject({ ...NO_EDGES, added: [{ id: "e12", source: "bye_msg", sourcePort: "next", target: "bye" }] });
  });

  it("reports a removed node, its removed edge, and the edge that now skips it as retargeted", () => {
    const diff = diffOf("node-removed");
    expect(diff.nodes.removed).toEqual([{ id: "old_prompt", type: "play", label: "Old prompt" }]);
    expect(diff.nodes.added).toEqual([]);
    expect(diff.edges.removed).toEqual([{ id: "e12", source: "old_prompt", sourcePort: "next", target: "hours" }]);
    expect(diff.edges.retargeted).toEqual([
      { source: "welcome", sourcePort: "next", before: { id: "e2", target: "old_prompt" }, after: { id: "e2", target: "hours" } },
    ]);
  });

  it("tells a node that only moved apart from a changed one", () => {
    const diff = diffOf("node-moved");
    expect(diff.nodes.moved).toEqual([{ id: "hours", type: "business-hours", before: { x: 0, y: 240 }, after: { x: 40, y: 260 } }]);
    expect(diff.nodes.changed).toEqual([]);
    expect(diff.nodes.renamed).toEqual([]);
    expect(diff.nodes.unchanged).not.toContain("hours");
  });

  it("reports a node that was renamed and changed in both lists, and a renamed+moved node only as renamed", () => {
    const diff = diffOf("node-renamed");
    expect(diff.nodes.renamed).toEqual([
      { id: "agents", type: "transfer", before: "Agents", after: "Support agents" },
      { id: "closed_msg", type: "play", before: "Closed", after: "Closed notice" },
    ]);
    expect(diff.nodes.changed).toEqual([
      {
        id: "agents",
        type: "transfer",
        label: "Support agents",
        changes: [{ kind: "changed", path: ["target", "priority"], jsonPath: "$.target.priority", before: 5, after: 8 }],
      },
    ]);
    expect(diff.nodes.moved).toEqual([]);
  });

  it("reports a changed TTS text by its path in the media list", () => {
    expect(diffOf("tts-text-changed").nodes.changed).toEqual([
      {
        id: "welcome",
        type: "play",
        label: "Welcome",
        changes: [
          { kind: "changed", path: ["bargeIn"], jsonPath: "$.bargeIn", before: false, after: true },
          { kind: "changed", path: ["media", 0, "text"], jsonPath: "$.media[0].text", before: "Welcome", after: "Welcome to ACME" },
        ],
      },
    ]);
  });

  it("reports a menu option added with its edge", () => {
    const diff = diffOf("menu-option-added");
    expect(diff.nodes.changed).toEqual([
      {
        id: "main_menu",
        type: "menu",
        label: "Main menu",
        changes: [
          {
            kind: "added",
            path: ["options", { by: "key", value: "3" }],
            jsonPath: "$.options[?@.key=='3']",
            after: { key: "3", label: "After-sales" },
          },
        ],
      },
    ]);
    expect(diff.nodes.added.map((node) => node.id)).toEqual(["after_sales"]);
    expect(diff.edges.added.map((edge) => `${edge.source}/${edge.sourcePort}->${edge.target}`)).toEqual([
      "after_sales/failed->bye",
      "main_menu/option:3->after_sales",
    ]);
  });

  it("reports a menu option removed with its edge", () => {
    const diff = diffOf("menu-option-removed");
    expect(diff.nodes.changed[0]?.changes).toEqual([
      { kind: "removed", path: ["options", { by: "key", value: "2" }], jsonPath: "$.options[?@.key=='2']", before: { key: "2", label: "Support" } },
    ]);
    expect(diff.edges.removed).toEqual([{ id: "e7", source: "main_menu", sourcePort: "option:2", target: "agents" }]);
  });

  it("reports a menu option whose key changed, and its edge under the new port", () => {
    const diff = diffOf("menu-option-rekeyed");
    expect(diff.nodes.changed[0]?.changes).toEqual([
      { kind: "changed", path: ["options", { by: "key", value: "2" }, "key"], jsonPath: "$.options[?@.key=='2'].key", before: "2", after: "9" },
    ]);
    expect(diff.edges.removed.map((edge) => edge.sourcePort)).toEqual(["option:2"]);
    expect(diff.edges.added.map((edge) => edge.sourcePort)).toEqual(["option:9"]);
  });

  it("reports changes in nested lists: by position without an identity, by name with one", () => {
    const diff = diffOf("nested-arrays");
    expect(diff.nodes.changed.map((node) => [node.id, node.changes.map((change) => `${change.kind} ${change.jsonPath}`)])).toEqual([
      ["agents", ["added $.target.skills[1]"]],
      ["hours", ["added $.holidays[?@.name=='National Day']", "changed $.weekly[4].close", "added $.weekly[5]"]],
    ]);
  });

  it("reports edges added, removed and retargeted, matched by source and port", () => {
    const diff = diffOf("edges-changed");
    expect(diff.edges.added).toEqual([{ id: "e20", source: "sales", sourcePort: "failed", target: "agents" }]);
    expect(diff.edges.removed).toEqual([{ id: "e9", source: "main_menu", sourcePort: "invalid", target: "bye" }]);
    expect(diff.edges.retargeted).toEqual([
      { source: "main_menu", sourcePort: "timeout", before: { id: "e8", target: "bye" }, after: { id: "e8", target: "closed_msg" } },
    ]);
    expect(diff.nodes.changed).toEqual([]);
  });

  it("treats a node whose type changed as removed and added under the same id", () => {
    const diff = diffOf("type-changed");
    expect(diff.nodes.removed).toEqual([{ id: "closed_msg", type: "play", label: "Closed" }]);
    expect(diff.nodes.added).toEqual([{ id: "closed_msg", type: "record", label: "Voicemail" }]);
    expect(diff.nodes.changed).toEqual([]);
    expect(diff.nodes.renamed).toEqual([]);
  });

  it("reports variables added, removed and changed", () => {
    expect(diffOf("variables-changed").variables).toEqual({
      added: [{ name: "order_id", type: "string" }],
      removed: [{ name: "attempts", type: "number", initial: 0, description: "Menu attempts" }],
      changed: [
        {
          name: "customer_tier",
          changes: [
            { kind: "added", path: ["description"], jsonPath: "$.description", after: "From CRM" },
            { kind: "changed", path: ["initial"], jsonPath: "$.initial", before: "standard", after: "gold" },
          ],
        },
      ],
    });
  });
});

describe("diffGraphs edge cases", () => {
  const graph = (nodes: Graph["nodes"], edges: Graph["edges"] = []): Graph => ({ schemaVersion: 1, kind: "ivr", variables: [], nodes, edges });
  const node = (id: string, data: Record<string, unknown> = {}, label?: string): Graph["nodes"][number] => ({
    id,
    type: "play",
    position: { x: 0, y: 0 },
    data,
    ...(label === undefined ? {} : { label }),
  });

  it("ignores edge ids: an edge recreated under a new id is unchanged", () => {
    const before = graph([node("a"), node("b")], [{ id: "x", source: "a", sourcePort: "next", target: "b" }]);
    const after = graph([node("a"), node("b")], [{ id: "y", source: "a", sourcePort: "next", target: "b" }]);
    const diff = diffGraphs(before, after);
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diff.edges.unchanged).toEqual([{ source: "a", sourcePort: "next", target: "b", beforeId: "x", afterId: "y" }]);
  });

  it("matches duplicated outlets (a draft) by target first, the rest pairwise", () => {
    const before = graph([], [
      { id: "1", source: "a", sourcePort: "next", target: "b" },
      { id: "2", source: "a", sourcePort: "next", target: "c" },
    ]);
    const after = graph([], [
      { id: "3", source: "a", sourcePort: "next", target: "c" },
      { id: "4", source: "a", sourcePort: "next", target: "d" },
      { id: "5", source: "a", sourcePort: "next", target: "e" },
    ]);
    const diff = diffGraphs(before, after);
    expect(diff.edges.unchanged.map((edge) => edge.target)).toEqual(["c"]);
    expect(diff.edges.retargeted).toEqual([{ source: "a", sourcePort: "next", before: { id: "1", target: "b" }, after: { id: "4", target: "d" } }]);
    expect(diff.edges.added.map((edge) => edge.id)).toEqual(["5"]);
  });

  it("treats an empty label like no label", () => {
    expect(isEmptyDiff(diffGraphs(graph([node("a", {}, "")]), graph([node("a")])))).toBe(true);
  });

  it("compares graphs without a variables list", () => {
    const diff = diffGraphs({ nodes: [], edges: [] }, { nodes: [], edges: [], variables: [{ name: "x", type: "any" }] });
    expect(diff.variables.added).toEqual([{ name: "x", type: "any" }]);
  });

  it("keeps the first node when an id is duplicated", () => {
    const diff = diffGraphs(graph([node("a", { v: 1 }), node("a", { v: 2 })]), graph([node("a", { v: 1 })]));
    expect(isEmptyDiff(diff)).toBe(true);
  });
});
