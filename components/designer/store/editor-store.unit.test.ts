import { describe, expect, it } from "vitest";
import { graphSchema, type Graph } from "@/flows-runtime/graph/schema";
import fixture from "@/flows-runtime/fixtures/after-sales-ivr.json";
import { toCanvas } from "../model/to-canvas";
import { fromCanvas } from "../model/from-canvas";
import { graphMetaOf } from "../model/graph-meta";
import { createEditorStore } from "./editor-store";

const afterSales = (): Graph => graphSchema.parse(fixture);
const emptyFlow = (): Graph => graphSchema.parse({ schemaVersion: 1, kind: "ivr", nodes: [], edges: [] });

describe("toCanvas / fromCanvas", () => {
  it("round-trips a graph without losing anything", () => {
    const graph = afterSales();
    const { nodes, edges } = toCanvas(graph);
    expect(fromCanvas(nodes, edges, graphMetaOf(graph))).toEqual(graph);
  });

  it("keeps node settings as plain data and ports as handles", () => {
    const { nodes, edges } = toCanvas(afterSales());
    expect(JSON.parse(JSON.stringify(nodes[0]?.data))).toEqual(nodes[0]?.data);
    expect(edges.every((edge) => typeof edge.sourceHandle === "string" && edge.targetHandle === "in")).toBe(true);
  });
});

describe("editor store", () => {
  it("adds a node with its definition's defaults and undoes it", () => {
    const store = createEditorStore(emptyFlow());
    const id = store.getState().actions.addNode("menu", { x: 10, y: 20 });
    expect(id).toMatch(/^menu_/);
    const node = store.getState().nodes[0];
    expect(node?.data.config).toMatchObject({ options: [{ key: "1", label: "" }], timeoutSeconds: 5 });
    store.getState().actions.undo();
    expect(store.getState().nodes).toHaveLength(0);
    store.getState().actions.redo();
    expect(store.getState().nodes).toHaveLength(1);
  });

  it("refuses a second Start node and unknown types", () => {
    const store = createEditorStore(afterSales());
    expect(store.getState().actions.addNode("start", { x: 0, y: 0 })).toBeNull();
    expect(store.getState().actions.addNode("no-such-node", { x: 0, y: 0 })).toBeNull();
  });

  it("connects only existing ports, one connection per port", () => {
    const store = createEditorStore(emptyFlow());
    const { actions } = store.getState();
    const menu = actions.addNode("menu", { x: 0, y: 0 }) ?? "";
    const a = actions.addNode("hangup", { x: 300, y: 0 }) ?? "";
    const b = actions.addNode("hangup", { x: 300, y: 200 }) ?? "";
    actions.connect({ source: menu, sourceHandle: "option:7", target: a, targetHandle: "in" });
    expect(store.getState().edges).toHaveLength(0);
    actions.connect({ source: menu, sourceHandle: "option:1", target: a, targetHandle: "in" });
    actions.connect({ source: menu, sourceHandle: "option:1", target: b, targetHandle: "in" });
    expect(store.getState().edges.map((edge) => [edge.sourceHandle, edge.target])).toEqual([["option:1", b]]);
  });

  it("keeps a connection when a menu key is changed and drops it when the option is removed", () => {
    const store = createEditorStore(emptyFlow());
    const { actions } = store.getState();
    const menu = actions.addNode("menu", { x: 0, y: 0 }) ?? "";
    const end = actions.addNode("hangup", { x: 300, y: 0 }) ?? "";
    actions.connect({ source: menu, sourceHandle: "option:1", target: end, targetHandle: "in" });
    const config = store.getState().nodes[0]?.data.config ?? {};
    actions.updateNodeData(menu, { config: { ...config, options: [{ key: "3", label: "" }] } });
    expect(store.getState().edges[0]?.sourceHandle).toBe("option:3");
    actions.updateNodeData(menu, { config: { ...config, options: [{ key: "4", label: "" }, { key: "5", label: "" }] } });
    expect(store.getState().edges).toHaveLength(0);
  });

  it("coalesces typing in one field into one undo step", () => {
    const store = createEditorStore(afterSales());
    const { actions } = store.getState();
    actions.updateNodeData("main_menu", { label: "M" }, "label");
    actions.updateNodeData("main_menu", { label: "Ma" }, "label");
    actions.updateNodeData("main_menu", { label: "Main" }, "label");
    actions.undo();
    expect(store.getState().nodes.find((node) => node.id === "main_menu")?.data.label).toBe("主菜单");
  });

  it("deletes selected nodes with their connections in one step", () => {
    const store = createEditorStore(afterSales());
    const { actions } = store.getState();
    const before = store.getState().edges.length;
    actions.selectOnly("main_menu");
    actions.deleteSelection();
    const state = store.getState();
    expect(state.nodes.some((node) => node.id === "main_menu")).toBe(false);
    expect(state.edges.some((edge) => edge.source === "main_menu" || edge.target === "main_menu")).toBe(false);
    expect(state.edges.length).toBeLessThan(before);
    actions.undo();
    expect(store.getState().edges).toHaveLength(before);
  });

  it("pastes copied nodes with fresh ids, also into another flow", () => {
    const source = createEditorStore(afterSales());
    source.getState().actions.selectAll();
    const text = source.getState().actions.copySelection() ?? "";
    source.getState().actions.paste(text);
    const doubled = source.getState();
    const ids = doubled.nodes.map((node) => node.id);
    expect(new Set(ids).size).toBe(ids.length);
    // The Start node is not pasted a second time.
    expect(doubled.nodes.filter((node) => node.data.nodeType === "start")).toHaveLength(1);
    const originalCount = afterSales().nodes.length;
    expect(doubled.nodes).toHaveLength(originalCount * 2 - 1);

    const other = createEditorStore(emptyFlow());
    expect(other.getState().actions.paste(text, { x: 0, y: 0 })).toBe(true);
    const pasted = other.getState();
    expect(pasted.nodes).toHaveLength(originalCount);
    const pastedIds = new Set(pasted.nodes.map((node) => node.id));
    expect(pasted.edges.length).toBe(afterSales().edges.length);
    expect(pasted.edges.every((edge) => pastedIds.has(edge.source) && pastedIds.has(edge.target))).toBe(true);
    expect(pasted.nodes.some((node) => node.id === "main_menu")).toBe(false);
  });

  it("ignores clipboard text that is not copied nodes", () => {
    const store = createEditorStore(emptyFlow());
    expect(store.getState().actions.paste("hello")).toBe(false);
    expect(store.getState().actions.paste(JSON.stringify({ format: "other" }))).toBe(false);
  });

  it("lays the flow out left to right", () => {
    const store = createEditorStore(afterSales());
    store.getState().actions.autoLayout();
    const byId = new Map(store.getState().nodes.map((node) => [node.id, node.position]));
    expect(byId.get("start")?.x ?? 0).toBeLessThan(byId.get("hours")?.x ?? 0);
    expect(byId.get("hours")?.x ?? 0).toBeLessThan(byId.get("main_menu")?.x ?? 0);
  });

  it("counts moves as saved changes but not as content changes", () => {
    const store = createEditorStore(afterSales());
    const before = store.getState();
    store.getState().actions.moveNodes({ start: { x: 500, y: 500 } });
    expect(store.getState().graphVersion).toBe(before.graphVersion + 1);
    expect(store.getState().contentVersion).toBe(before.contentVersion);
  });

  it("makes no edits when read-only", () => {
    const store = createEditorStore(afterSales(), { readOnly: true });
    store.getState().actions.selectAll();
    store.getState().actions.deleteSelection();
    expect(store.getState().nodes).toHaveLength(afterSales().nodes.length);
  });
});
