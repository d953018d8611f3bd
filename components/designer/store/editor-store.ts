import { applyEdgeChanges, applyNodeChanges, type Connection, type EdgeChange, type NodeChange } from "@xyflow/react";
import { createStore, type StoreApi } from "zustand/vanilla";
import type { Graph, VariableDeclaration } from "@/flows-runtime/graph/schema";
import { getNodeDefinition } from "@/flows-runtime/nodes/registry.definitions";
import { autoLayout } from "../layout/auto-layout";
import { freeSpot } from "../layout/free-spot";
import { FLOW_NODE, INPUT_HANDLE, type CanvasEdge, type CanvasNode } from "../model/canvas-types";
import { copyPayload, parseClipboard, remapPayload } from "../model/clipboard";
import { fromCanvas, fromCanvasEdge, fromCanvasNode } from "../model/from-canvas";
import { graphMetaOf, type GraphMeta } from "../model/graph-meta";
import { nodeBox, withEstimatedGeometry, withoutEstimate } from "../model/node-geometry";
import { portsOf } from "../model/node-ports";
import { reconcileEdges } from "../model/reconcile-edges";
import { toCanvas, toCanvasEdge, toCanvasNode } from "../model/to-canvas";
import { uniqueId } from "../model/unique-id";
import { emptyHistory, record, redoStep, undoStep, type History, type Snapshot } from "./history";

const PASTE_OFFSET = 40;

export interface NodePatch {
  label?: string;
  config?: Record<string, unknown>;
}

export interface EditorActions {
  /** @xyflow/react's change events: selection, dragging, measuring. Not undo steps by themselves. */
  onNodesChange(changes: NodeChange<CanvasNode>[]): void;
  onEdgesChange(changes: EdgeChange<CanvasEdge>[]): void;
  /** The node goes to `position` (its top-left corner) or, when that is taken, the nearest free space. */
  addNode(nodeType: string, position: { x: number; y: number }): string | null;
  connect(connection: Connection): void;
  /** Called when a drag starts: the positions before it become one undo step. */
  beginMove(): void;
  moveNodes(positions: Record<string, { x: number; y: number }>): void;
  deleteSelection(): void;
  /** `historyKey`: edits with the same key in quick succession (typing) undo together. */
  updateNodeData(nodeId: string, patch: NodePatch, historyKey?: string): void;
  setVariables(variables: VariableDeclaration[], historyKey?: string): void;
  selectAll(): void;
  selectOnly(nodeId: string): void;
  copySelection(): string | null;
  paste(text: string, at?: { x: number; y: number }): boolean;
  undo(): void;
  redo(): void;
  autoLayout(): void;
  /** Replaces everything, as one undo step (import). */
  replaceGraph(graph: Graph): void;
  /** Starts over from a saved graph, forgetting the undo history (reload after a conflict). */
  loadGraph(graph: Graph): void;
  graph(): Graph;
}

export interface EditorState {
  meta: GraphMeta;
  nodes: CanvasNode[];
  edges: CanvasEdge[];
  history: History;
  /** Bumped by every change that must be saved, positions included. */
  graphVersion: number;
  /** Bumped by changes the validator cares about (not by moving nodes). */
  contentVersion: number;
  readOnly: boolean;
  actions: EditorActions;
}

export type EditorStore = StoreApi<EditorState>;

const snapshotOf = (state: EditorState): Snapshot => ({ nodes: state.nodes, edges: state.edges, variables: state.meta.variables });

function hasEntry(nodes: readonly CanvasNode[]): boolean {
  return nodes.some((node) => getNodeDefinition(node.data.nodeType)?.entry === true);
}

export function createEditorStore(graph: Graph, options: { readOnly?: boolean } = {}): EditorStore {
  return createStore<EditorState>()((set, get) => {
    /** Applies an edit that is one undo step and must be saved and re-validated. */
    const commit = (next: Partial<Pick<EditorState, "nodes" | "edges" | "meta">>, key: string | null = null, content = true) => {
      const state = get();
      if (state.readOnly) return;
      set({
        ...next,
        history: record(state.history, snapshotOf(state), key, Date.now()),
        graphVersion: state.graphVersion + 1,
        contentVersion: content ? state.contentVersion + 1 : state.contentVersion,
      });
    };

    const restore = (snapshot: Snapshot, history: History) => {
      const state = get();
      set({
        nodes: snapshot.nodes,
        edges: snapshot.edges,
        meta: { ...state.meta, variables: snapshot.variables },
        history,
        graphVersion: state.graphVersion + 1,
        contentVersion: state.contentVersion + 1,
      });
    };

    const actions: EditorActions = {
      onNodesChange(changes) {
        const state = get();
        const allowed = state.readOnly ? changes.filter((change) => change.type === "select" || change.type === "dimensions") : changes;
        // Deleting goes through deleteSelection (one undo step, connections included).
        const applicable = allowed.filter((change) => change.type !== "remove" && change.type !== "add" && change.type !== "replace");
        if (applicable.length === 0) return;
        const dragEnded = applicable.some((change) => change.type === "position" && change.dragging === false);
        let nodes = applyNodeChanges(applicable, state.nodes);
        const measured = new Set(applicable.flatMap((change) => (change.type === "dimensions" ? [change.id] : [])));
        if (measured.size > 0) nodes = nodes.map((node) => (measured.has(node.id) ? withoutEstimate(node) : node));
        set({ nodes, ...(dragEnded ? { graphVersion: state.graphVersion + 1 } : {}) });
      },

      onEdgesChange(changes) {
        const applicable = changes.filter((change) => change.type === "select");
        if (applicable.length > 0) set({ edges: applyEdgeChanges(applicable, get().edges) });
      },

      addNode(nodeType, position) {
        const state = get();
        const definition = getNodeDefinition(nodeType);
        if (state.readOnly || definition === undefined) return null;
        if (definition.entry === true && hasEntry(state.nodes)) return null;
        const id = uniqueId(nodeType, new Set(state.nodes.map((node) => node.id)));
        const defaults = definition.defaults();
        const config = typeof defaults === "object" && defaults !== null ? { ...defaults } : {};
        const draft: CanvasNode = { id, type: FLOW_NODE, position, selected: true, data: { nodeType, label: "", config } };
        const node: CanvasNode = { ...draft, position: freeSpot(position, nodeBox(draft), state.nodes.map(nodeBox)) };
        commit({ nodes: [...state.nodes.map((other) => (other.selected ? { ...other, selected: false } : other)), node] });
        return id;
      },

      connect(connection) {
        const state = get();
        const { source, target, sourceHandle } = connection;
        if (sourceHandle === null || sourceHandle === "") return;
        const sourceNode = state.nodes.find((node) => node.id === source);
        const targetNode = state.nodes.find((node) => node.id === target);
        const definition = sourceNode && getNodeDefinition(sourceNode.data.nodeType);
        if (!sourceNode || !targetNode || !definition) return;
        if (!portsOf(definition, sourceNode.data.config).some((port) => port.id === sourceHandle)) return;
        if (getNodeDefinition(targetNode.data.nodeType)?.entry === true) return;
        // An exit leads to one node: connecting it again moves the connection.
        const kept = state.edges.filter((edge) => !(edge.source === source && edge.sourceHandle === sourceHandle));
        const id = uniqueId("e", new Set(state.edges.map((edge) => edge.id)));
        commit({ edges: [...kept, { id, source, sourceHandle, target, targetHandle: INPUT_HANDLE }] });
      },

      beginMove() {
        const state = get();
        if (state.readOnly) return;
        set({ history: record(state.history, snapshotOf(state), null, Date.now()) });
      },

      moveNodes(positions) {
        const state = get();
        commit({ nodes: state.nodes.map((node) => (positions[node.id] ? { ...node, position: positions[node.id] ?? node.position } : node)) }, null, false);
      },

      deleteSelection() {
        const state = get();
        const removed = new Set(state.nodes.filter((node) => node.selected).map((node) => node.id));
        const edges = state.edges.filter((edge) => !edge.selected && !removed.has(edge.source) && !removed.has(edge.target));
        if (removed.size === 0 && edges.length === state.edges.length) return;
        commit({ nodes: state.nodes.filter((node) => !removed.has(node.id)), edges });
      },

      updateNodeData(nodeId, patch, historyKey) {
        const state = get();
        const node = state.nodes.find((candidate) => candidate.id === nodeId);
        const definition = node && getNodeDefinition(node.data.nodeType);
        if (!node || !definition) return;
        const data = { ...node.data, ...(patch.label === undefined ? {} : { label: patch.label }), ...(patch.config ? { config: patch.config } : {}) };
        const edges = patch.config
          ? reconcileEdges(nodeId, portsOf(definition, node.data.config), portsOf(definition, patch.config), state.edges)
          : state.edges;
        commit(
          { nodes: state.nodes.map((candidate) => (candidate.id === nodeId ? { ...candidate, data } : candidate)), edges },
          historyKey === undefined ? null : `${nodeId}:${historyKey}`,
        );
      },

      setVariables(variables, historyKey) {
        commit({ meta: { ...get().meta, variables } }, historyKey === undefined ? null : `variables:${historyKey}`);
      },

      selectAll() {
        const state = get();
        set({ nodes: state.nodes.map((node) => ({ ...node, selected: true })), edges: state.edges.map((edge) => ({ ...edge, selected: true })) });
      },

      selectOnly(nodeId) {
        const state = get();
        set({
          nodes: state.nodes.map((node) => (Boolean(node.selected) === (node.id === nodeId) ? node : { ...node, selected: node.id === nodeId })),
          edges: state.edges.map((edge) => (edge.selected ? { ...edge, selected: false } : edge)),
        });
      },

      copySelection() {
        const state = get();
        const selected = state.nodes.filter((node) => node.selected);
        if (selected.length === 0) return null;
        const edges = state.edges.flatMap((edge) => {
          const converted = fromCanvasEdge(edge);
          return converted === null ? [] : [converted];
        });
        return JSON.stringify(copyPayload(selected.map(fromCanvasNode), edges));
      },

      paste(text, at) {
        const state = get();
        const payload = parseClipboard(text);
        if (state.readOnly || payload === null || payload.nodes.length === 0) return false;
        const first = payload.nodes.reduce((min, node) => ({ x: Math.min(min.x, node.position.x), y: Math.min(min.y, node.position.y) }), {
          x: Infinity,
          y: Infinity,
        });
        const skipTypes = new Set(hasEntry(state.nodes) ? payload.nodes.map((node) => node.type).filter((type) => getNodeDefinition(type)?.entry === true) : []);
        const pasted = remapPayload(payload, {
          takenNodeIds: new Set(state.nodes.map((node) => node.id)),
          takenEdgeIds: new Set(state.edges.map((edge) => edge.id)),
          at: at ?? { x: first.x + PASTE_OFFSET, y: first.y + PASTE_OFFSET },
          skipTypes,
        });
        if (pasted.nodes.length === 0) return false;
        // The pasted group moves as one to the nearest space where it covers no node.
        const boxes = pasted.nodes.map((node) => nodeBox(toCanvasNode(node)));
        const group = {
          x: Math.min(...boxes.map((box) => box.x)),
          y: Math.min(...boxes.map((box) => box.y)),
          width: Math.max(...boxes.map((box) => box.x + box.width)) - Math.min(...boxes.map((box) => box.x)),
          height: Math.max(...boxes.map((box) => box.y + box.height)) - Math.min(...boxes.map((box) => box.y)),
        };
        const spot = freeSpot(group, group, state.nodes.map(nodeBox));
        const shift = { x: spot.x - group.x, y: spot.y - group.y };
        const placed = pasted.nodes.map((node) => ({ ...node, position: { x: node.position.x + shift.x, y: node.position.y + shift.y } }));
        commit({
          nodes: [
            ...state.nodes.map((node) => (node.selected ? { ...node, selected: false } : node)),
            ...placed.map((node) => ({ ...toCanvasNode(node), selected: true })),
          ],
          edges: [...state.edges.map((edge) => (edge.selected ? { ...edge, selected: false } : edge)), ...pasted.edges.map(toCanvasEdge)],
        });
        return true;
      },

      undo() {
        const state = get();
        const step = state.readOnly ? null : undoStep(state.history, snapshotOf(state));
        if (step) restore(step.snapshot, step.history);
      },

      redo() {
        const state = get();
        const step = state.readOnly ? null : redoStep(state.history, snapshotOf(state));
        if (step) restore(step.snapshot, step.history);
      },

      autoLayout() {
        const state = get();
        const portOrder = new Map<string, string[]>();
        for (const node of state.nodes) {
          const definition = getNodeDefinition(node.data.nodeType);
          portOrder.set(node.id, definition ? portsOf(definition, node.data.config).map((port) => port.id) : []);
        }
        const links = state.edges.map((edge) => {
          const order = portOrder.get(edge.source)?.indexOf(edge.sourceHandle ?? "") ?? -1;
          return { source: edge.source, target: edge.target, order: order < 0 ? Number.MAX_SAFE_INTEGER : order };
        });
        const entries = new Set(state.nodes.filter((node) => getNodeDefinition(node.data.nodeType)?.entry === true).map((node) => node.id));
        const positions = autoLayout(state.nodes.map((node) => ({ ...nodeBox(node), id: node.id })), links, entries);
        commit({ nodes: state.nodes.map((node) => ({ ...node, position: positions.get(node.id) ?? node.position })) }, null, false);
      },

      replaceGraph(next) {
        const canvas = toCanvas(next);
        commit({ nodes: canvas.nodes, edges: canvas.edges, meta: graphMetaOf(next) });
      },

      loadGraph(next) {
        const state = get();
        const canvas = toCanvas(next);
        set({
          nodes: withEstimatedGeometry(canvas.nodes),
          edges: canvas.edges,
          meta: graphMetaOf(next),
          history: emptyHistory(),
          graphVersion: state.graphVersion + 1,
          contentVersion: state.contentVersion + 1,
        });
      },

      graph() {
        const state = get();
        return fromCanvas(state.nodes, state.edges, state.meta);
      },
    };

    const canvas = toCanvas(graph);
    return {
      meta: graphMetaOf(graph),
      nodes: withEstimatedGeometry(canvas.nodes),
      edges: canvas.edges,
      history: emptyHistory(),
      graphVersion: 0,
      contentVersion: 0,
      readOnly: options.readOnly ?? false,
      actions,
    };
  });
}
