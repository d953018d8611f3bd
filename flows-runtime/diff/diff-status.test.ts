import { describe, expect, it } from "vitest";
import { diffGraphs } from "./diff-graphs";
import { diffStatusByEdge } from "./diff-status-by-edge";
import { diffStatusByNode } from "./diff-status-by-node";
import { loadFixture, type FixtureName } from "./fixtures/load-fixture";

const diffOf = (name: FixtureName) => {
  const { before, after } = loadFixture(name);
  return diffGraphs(before, after);
};

const UNCHANGED_BASE = {
  agents: "unchanged",
  bye: "unchanged",
  closed_msg: "unchanged",
  hours: "unchanged",
  main_menu: "unchanged",
  sales: "unchanged",
  start: "unchanged",
  welcome: "unchanged",
};

describe("diffStatusByNode", () => {
  it("marks every node unchanged for identical graphs", () => {
    expect(diffStatusByNode(diffOf("identical"))).toEqual(UNCHANGED_BASE);
  });

  it("covers the union of both graphs: added, removed, changed, moved", () => {
    expect(diffStatusByNode(diffOf("node-added"))).toEqual({ ...UNCHANGED_BASE, bye_msg: "added" });
    expect(diffStatusByNode(diffOf("node-removed"))).toEqual({ ...UNCHANGED_BASE, old_prompt: "removed" });
    expect(diffStatusByNode(diffOf("node-moved"))).toEqual({ ...UNCHANGED_BASE, hours: "moved" });
    expect(diffStatusByNode(diffOf("tts-text-changed"))).toEqual({ ...UNCHANGED_BASE, welcome: "changed" });
  });

  it("colours a renamed node changed, even when it also moved", () => {
    expect(diffStatusByNode(diffOf("node-renamed"))).toEqual({ ...UNCHANGED_BASE, agents: "changed", closed_msg: "changed" });
  });

  it("colours a node whose type changed as changed: it is one box on the canvas", () => {
    expect(diffStatusByNode(diffOf("type-changed"))).toEqual({ ...UNCHANGED_BASE, closed_msg: "changed" });
  });

  it("keeps an id like __proto__ as an ordinary key", () => {
    const graph = (x: number) => ({ nodes: [{ id: "__proto__", type: "hangup", position: { x, y: 0 }, data: {} }], edges: [] });
    const status = diffStatusByNode(diffGraphs(graph(0), graph(1)));
    expect(Object.keys(status)).toEqual(["__proto__"]);
    expect(Object.getOwnPropertyDescriptor(status, "__proto__")?.value).toBe("moved");
  });
});

describe("diffStatusByEdge", () => {
  it("colours each side's edges by their own ids", () => {
    const status = diffStatusByEdge(diffOf("edges-changed"));
    expect(status.before).toMatchObject({ e8: "changed", e9: "removed", e1: "unchanged" });
    expect(status.after).toMatchObject({ e8: "changed", e20: "added", e1: "unchanged" });
    expect(Object.keys(status.before)).toHaveLength(10);
    expect(Object.keys(status.after)).toHaveLength(10);
    expect(Object.values(status.before)).not.toContain("added");
    expect(Object.values(status.after)).not.toContain("removed");
  });

  it("keeps regenerated ids apart: the same id may name different edges on the two sides", () => {
    const before = { nodes: [], edges: [{ id: "e1", source: "a", sourcePort: "next", target: "b" }] };
    const after = { nodes: [], edges: [{ id: "e1", source: "c", sourcePort: "next", target: "d" }] };
    expect(diffStatusByEdge(diffGraphs(before, after))).toEqual({ before: { e1: "removed" }, after: { e1: "added" } });
  });

  it("maps shuffled edges with new ids to unchanged on both sides", () => {
    const status = diffStatusByEdge(diffOf("shuffled"));
    expect(new Set(Object.values(status.before))).toEqual(new Set(["unchanged"]));
    expect(status.after["edge-100"]).toBe("unchanged");
  });
});
