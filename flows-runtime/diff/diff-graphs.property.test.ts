import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Graph } from "../graph/schema";
import { diffGraphs } from "./diff-graphs";
import { diffStatusByEdge } from "./diff-status-by-edge";
import { diffStatusByNode, type NodeDiffStatus } from "./diff-status-by-node";
import { isEmptyDiff } from "./is-empty-diff";
import { summarizeDiff } from "./summarize-diff";
import type { GraphDiff } from "./types";

// Small pools, so that two random graphs share ids, types, ports and settings keys often enough
// to produce every kind of change; "__proto__" and "constructor" test that ids are plain keys.
const ID = fc.constantFrom("a", "b", "c", "d", "e", "f", "__proto__", "constructor");
const TYPE = fc.constantFrom("play", "menu", "transfer", "hangup", "unknown-type");
const PORT = fc.constantFrom("next", "timeout", "option:1", "option:2", "failed");
const SMALL_VALUE = fc.oneof(fc.constantFrom(0, 1, "x", "y", true, null), fc.jsonValue({ maxDepth: 2 }));
const DATA = fc.dictionary(fc.constantFrom("text", "options", "media", "target", "bargeIn", "__proto__"), fc.oneof(
  SMALL_VALUE,
  fc.array(fc.record({ key: fc.constantFrom("1", "2", "3"), label: fc.constantFrom("A", "B") }), { maxLength: 3 }),
  fc.array(fc.record({ kind: fc.constant("tts"), text: fc.constantFrom("Hi", "Bye") }), { maxLength: 3 }),
), { maxKeys: 3 });

const NODE = fc.record(
  {
    id: ID,
    type: TYPE,
    label: fc.constantFrom("Welcome", "Main menu", ""),
    position: fc.record({ x: fc.constantFrom(0, 10), y: fc.constantFrom(0, 10) }),
    data: DATA,
  },
  { requiredKeys: ["id", "type", "position", "data"] },
);
const EDGE = fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), source: ID, sourcePort: PORT, target: ID });
const VARIABLE = fc.record(
  { name: fc.constantFrom("x", "y", "z"), type: fc.constantFrom("string", "number", "any"), initial: SMALL_VALUE },
  { requiredKeys: ["name", "type"] },
);

const GRAPH: fc.Arbitrary<Graph> = fc.record({
  schemaVersion: fc.constant(1),
  kind: fc.constant("ivr"),
  variables: fc.uniqueArray(VARIABLE, { selector: (variable) => variable.name, maxLength: 3 }),
  nodes: fc.uniqueArray(NODE, { selector: (node) => node.id, maxLength: 6 }),
  // One edge per outlet, as the validator demands; duplicates are covered by an example test.
  edges: fc.uniqueArray(EDGE, { selector: (edge) => `${edge.source}/${edge.sourcePort}`, maxLength: 8 }),
});

type NodeEdit = "keep" | "move" | "relabel" | "patch" | "reverse-lists" | "rekey" | "retype" | "drop";
type EdgeEdit = "keep" | "new-id" | "retarget" | "drop";

function editNode(node: Graph["nodes"][number], edit: NodeEdit, patch: Record<string, unknown>): Graph["nodes"][number][] {
  const data = structuredClone(node.data);
  switch (edit) {
    case "keep":
      return [node];
    case "move":
      return [{ ...node, position: { x: node.position.x + 5, y: node.position.y } }];
    case "relabel":
      return [{ ...node, label: `${node.label ?? ""}!` }];
    case "patch":
      return [{ ...node, data: { ...data, ...patch } }];
    case "reverse-lists":
      return [{ ...node, data: Object.fromEntries(Object.entries(data).map(([key, value]) => [key, Array.isArray(value) ? [...value].reverse() : value])) }];
    case "rekey": {
      const options = data.options;
      if (Array.isArray(options) && typeof options[0] === "object" && options[0] !== null) options[0] = { ...options[0], key: "9" };
      return [{ ...node, data }];
    }
    case "retype":
      return [{ ...node, type: node.type === "play" ? "menu" : "play" }];
    case "drop":
      return [];
  }
}

/** A graph and an edited copy: nodes moved, renamed, retyped, edges retargeted, as between two real versions. */
const EDITED_PAIR: fc.Arbitrary<[Graph, Graph]> = GRAPH.chain((before) =>
  fc
    .record({
      nodeEdits: fc.array(fc.constantFrom<NodeEdit>("keep", "move", "relabel", "patch", "reverse-lists", "rekey", "retype", "drop"), {
        minLength: before.nodes.length,
        maxLength: before.nodes.length,
      }),
      edgeEdits: fc.array(fc.constantFrom<EdgeEdit>("keep", "new-id", "retarget", "drop"), { minLength: before.edges.length, maxLength: before.edges.length }),
      patch: DATA,
      target: ID,
      extra: GRAPH,
    })
    .map(({ nodeEdits, edgeEdits, patch, target, extra }): [Graph, Graph] => {
      const nodes = before.nodes.flatMap((node, index) => editNode(node, nodeEdits[index] ?? "keep", patch));
      const taken = new Set(nodes.map((node) => node.id));
      const edges = before.edges.flatMap((edge, index) => {
        const edit = edgeEdits[index] ?? "keep";
        if (edit === "drop") return [];
        if (edit === "new-id") return [{ ...edge, id: `${edge.id}'` }];
        return [edit === "retarget" ? { ...edge, target } : edge];
      });
      const outlets = new Set(edges.map((edge) => `${edge.source}/${edge.sourcePort}`));
      const after: Graph = {
        ...before,
        variables: extra.variables,
        nodes: [...nodes, ...extra.nodes.filter((node) => !taken.has(node.id))],
        edges: [...edges, ...extra.edges.filter((edge) => !outlets.has(`${edge.source}/${edge.sourcePort}`))],
      };
      return [before, after];
    }),
);

const PAIR = fc.oneof(fc.tuple(GRAPH, GRAPH), EDITED_PAIR);

const shuffle = <T>(items: readonly T[], seed: number): T[] =>
  items.map((item, index) => ({ item, order: (index * 7919 + seed) % 104729 })).sort((a, b) => a.order - b.order).map((entry) => entry.item);

const mirrored = (diff: GraphDiff) => ({
  nodesAdded: diff.nodes.removed,
  nodesRemoved: diff.nodes.added,
  changedIds: diff.nodes.changed.map((node) => node.id),
  renamed: diff.nodes.renamed.map(({ id, type, before, after }) => ({ id, type, before: after, after: before })),
  moved: diff.nodes.moved.map(({ id, before, after }) => ({ id, before: after, after: before })),
  edgesAdded: diff.edges.removed,
  edgesRemoved: diff.edges.added,
  retargeted: diff.edges.retargeted.map(({ source, sourcePort, before, after }) => ({ source, sourcePort, before: after, after: before })),
  variablesAdded: diff.variables.removed,
  variablesRemoved: diff.variables.added,
});

const forward = (diff: GraphDiff) => ({
  nodesAdded: diff.nodes.added,
  nodesRemoved: diff.nodes.removed,
  changedIds: diff.nodes.changed.map((node) => node.id),
  renamed: diff.nodes.renamed.map(({ id, type, before, after }) => ({ id, type, before, after })),
  moved: diff.nodes.moved.map(({ id, before, after }) => ({ id, before, after })),
  edgesAdded: diff.edges.added,
  edgesRemoved: diff.edges.removed,
  retargeted: diff.edges.retargeted,
  variablesAdded: diff.variables.added,
  variablesRemoved: diff.variables.removed,
});

describe("diffGraphs properties", () => {
  it("diff(g, g) is empty, and summarises to nothing", () => {
    fc.assert(
      fc.property(GRAPH, (graph) => {
        const diff = diffGraphs(graph, structuredClone(graph));
        expect(isEmptyDiff(diff)).toBe(true);
        expect(summarizeDiff(diff, graph, graph, "en")).toEqual([]);
      }),
    );
  });

  it("does not depend on the order of nodes, edges and variables", () => {
    fc.assert(
      fc.property(PAIR, fc.nat(), ([before, after], seed) => {
        const reordered = { ...after, nodes: shuffle(after.nodes, seed), edges: shuffle(after.edges, seed + 1), variables: shuffle(after.variables, seed + 2) };
        expect(diffGraphs(before, reordered)).toEqual(diffGraphs(before, after));
        expect(summarizeDiff(diffGraphs(before, reordered), before, reordered, "zh-CN")).toEqual(summarizeDiff(diffGraphs(before, after), before, after, "zh-CN"));
      }),
    );
  });

  it("diff(a, b) mirrors diff(b, a): added <-> removed, before <-> after", () => {
    fc.assert(
      fc.property(PAIR, ([a, b]) => {
        expect(mirrored(diffGraphs(b, a))).toEqual(forward(diffGraphs(a, b)));
      }),
    );
  });

  it("is empty exactly when the summary is empty", () => {
    fc.assert(
      fc.property(PAIR, ([a, b]) => {
        const diff = diffGraphs(a, b);
        expect(summarizeDiff(diff, a, b, "en").length === 0).toBe(isEmptyDiff(diff));
        expect(summarizeDiff(diff, a, b, "zh-CN").length === 0).toBe(isEmptyDiff(diff));
      }),
    );
  });

  it("gives every node and edge of both sides exactly one status", () => {
    fc.assert(
      fc.property(PAIR, ([a, b]) => {
        const diff = diffGraphs(a, b);
        const nodes = diffStatusByNode(diff);
        expect(Object.keys(nodes).sort()).toEqual([...new Set([...a.nodes, ...b.nodes].map((node) => node.id))].sort());
        const edges = diffStatusByEdge(diff);
        expect(Object.keys(edges.before).sort()).toEqual([...new Set(a.edges.map((edge) => edge.id))].sort());
        expect(Object.keys(edges.after).sort()).toEqual([...new Set(b.edges.map((edge) => edge.id))].sort());
        const statuses = [...Object.values(nodes), ...Object.values(edges.before), ...Object.values(edges.after)];
        const variablesSame = diff.variables.added.length + diff.variables.removed.length + diff.variables.changed.length === 0;
        expect(statuses.every((status) => status === "unchanged") && variablesSame).toBe(isEmptyDiff(diff));
      }),
    );
  });

  it("reports each kind of node edit under its own status", () => {
    const EDITS = fc.constantFrom<NodeEdit>("keep", "move", "relabel", "retype", "drop");
    fc.assert(
      fc.property(GRAPH, fc.array(EDITS, { minLength: 6, maxLength: 6 }), (before, edits) => {
        const editOf = (index: number): NodeEdit => edits[index] ?? "keep";
        const after = { ...before, nodes: before.nodes.flatMap((node, index) => editNode(node, editOf(index), {})) };
        const diff = diffGraphs(before, after);
        const status = diffStatusByNode(diff);
        const expected: Partial<Record<NodeEdit, NodeDiffStatus>> = { keep: "unchanged", move: "moved", relabel: "changed", retype: "changed", drop: "removed" };
        before.nodes.forEach((node, index) => {
          const edit = editOf(index);
          expect(Object.getOwnPropertyDescriptor(status, node.id)?.value).toBe(expected[edit]);
          expect(diff.nodes.renamed.some((rename) => rename.id === node.id)).toBe(edit === "relabel");
          expect(diff.nodes.added.some((added) => added.id === node.id)).toBe(edit === "retype");
        });
      }),
    );
  });
});
