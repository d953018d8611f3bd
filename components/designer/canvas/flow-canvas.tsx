"use client";

import { Background, BackgroundVariant, Controls, MarkerType, MiniMap, ReactFlow, useReactFlow, type EdgeTypes, type NodeTypes } from "@xyflow/react";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useMemo, useRef, useState, type DragEvent } from "react";
import { pick, type Locale } from "@/flows-runtime/i18n/locales";
import { getNodeDefinition } from "@/flows-runtime/nodes/registry.definitions";
import { FLOW_NODE, type CanvasEdge, type CanvasNode } from "../model/canvas-types";
import { LARGE_FLOW } from "../model/node-geometry";
import { portsOf } from "../model/node-ports";
import { useEditor, useEditorStoreApi } from "../store/editor-context";
import { portKey } from "../store/designer-ui-store";
import { useDesignerUi } from "../store/designer-ui-context";
import { EdgeLabelCullingContext } from "./edge-label-culling";
import { EdgeObstaclesContext } from "./edge-obstacles";
import { FLOW_EDGE, FlowEdge, type FlowEdgeType } from "./flow-edge";
import { FlowNode } from "./flow-node";
import { readableFitOptions } from "./readable-fit";
import { useObstacles } from "./use-obstacles";
import { OverviewMap } from "./overview-map";
import { useAriaLabels, useNodeRoleDescription } from "./use-aria-labels";
import { DRAGGING_NODE_CLASS, NODE_TYPE_MIME } from "./palette";

const nodeTypes: NodeTypes = { [FLOW_NODE]: FlowNode };
const edgeTypes: EdgeTypes = { [FLOW_EDGE]: FlowEdge };
const proOptions = { hideAttribution: true };
// Module constants: React Flow copies these props into its store when they change identity, and a new
// defaultEdgeOptions object re-renders every drawn edge (about 1,000 in a large flow) on each canvas render.
const EDGE_COLOUR = "#667085";
const TAKEN_COLOUR = "#12b76a";
const defaultEdgeOptions = { type: FLOW_EDGE, markerEnd: { type: MarkerType.ArrowClosed, color: EDGE_COLOUR, width: 18, height: 18 } };
const takenMarker = { type: MarkerType.ArrowClosed, color: TAKEN_COLOUR, width: 18, height: 18 };

interface ExitNames {
  labels: ReadonlyMap<string, string>;
  lanes: ReadonlyMap<string, number>;
  /** A node with several exits (a menu's keys, open/closed) names them on the canvas at all times. */
  several: boolean;
}

/** Each node's exit names, recomputed only when some node's settings changed (not while dragging). */
function useExitNames(nodes: readonly CanvasNode[], locale: Locale): ReadonlyMap<string, ExitNames> {
  const previous = useRef<{ data: CanvasNode["data"][]; locale: string; names: Map<string, ExitNames> } | null>(null);
  const last = previous.current;
  if (last !== null && last.locale === locale && last.data.length === nodes.length && nodes.every((node, index) => node.data === last.data[index])) return last.names;
  const names = new Map<string, ExitNames>();
  for (const node of nodes) {
    const definition = getNodeDefinition(node.data.nodeType);
    const ports = definition ? portsOf(definition, node.data.config) : [];
    names.set(node.id, {
      labels: new Map(ports.map((port) => [port.id, pick(port.label, locale)])),
      lanes: new Map(ports.map((port, index) => [port.id, index])),
      several: ports.length > 1,
    });
  }
  previous.current = { data: nodes.map((node) => node.data), locale, names };
  return names;
}


const minimapColor = (node: CanvasNode): string => (node.selected ? "#1f5fbf" : "#c3cad5");

/** The drawing surface. Graph state lives in the editor store; this only wires events to its actions. */
export function FlowCanvas() {
  const nodes = useEditor((state) => state.nodes);
  const edges = useEditor((state) => state.edges);
  const readOnly = useEditor((state) => state.readOnly);
  const actions = useEditor((state) => state.actions);
  const editor = useEditorStoreApi();
  const takenPorts = useDesignerUi((state) => state.highlight.takenPorts);
  const { screenToFlowPosition, setCenter, getZoom } = useReactFlow();
  const t = useTranslations("designer.canvas");
  const locale = useLocale();
  const [large] = useState(() => nodes.length > LARGE_FLOW);
  const exitNames = useExitNames(nodes, locale);
  const obstacles = useObstacles(nodes);
  const [hoveredEdge, setHoveredEdge] = useState<string | null>(null);
  // Read once, for the first fit; the F key and auto-layout ask for their own.
  // Before the canvas is measured: the window less the palette and the settings panel.
  const [fitViewOptions] = useState(() => readableFitOptions(nodes, typeof window === "undefined" ? undefined : window.innerWidth - 580));
  const ariaLabelConfig = useAriaLabels();
  const container = useRef<HTMLDivElement>(null);
  useNodeRoleDescription(container, t("aria.node"));
  // Fitting 2,000 nodes into view would render all of them: large flows open at their entry instead.
  const [initialView] = useState(() => {
    if (!large) return null;
    const entry = nodes.find((node) => getNodeDefinition(node.data.nodeType)?.entry === true) ?? nodes[0];
    const zoom = 0.8;
    return { x: 80 - (entry?.position.x ?? 0) * zoom, y: 200 - (entry?.position.y ?? 0) * zoom, zoom };
  });

  // Screen-reader names for connections (React Flow's default is English); during a test call the
  // connections the call followed are drawn animated. Named edges are kept per edge object, so an edge
  // the store did not change keeps its identity and is not re-rendered.
  const edgeWord = t("aria.edge");
  const named = useMemo(() => new WeakMap<CanvasEdge, FlowEdgeType>(), [t, edgeWord]);
  const shownEdges = useMemo(
    () =>
      edges.map((edge): FlowEdgeType => {
        const exits = exitNames.get(edge.source);
        const label = exits?.labels.get(edge.sourceHandle ?? "") ?? "";
        const alwaysLabelled = exits?.several === true;
        const lane = exits?.lanes.get(edge.sourceHandle ?? "") ?? 0;
        const cached = named.get(edge);
        const fresh = (): FlowEdgeType => {
          // data-source…: which exit leads where, for the browser tests (React Flow's edge element names neither).
          const domAttributes = { "aria-roledescription": edgeWord, "data-source": edge.source, "data-source-port": edge.sourceHandle ?? "", "data-target": edge.target };
          return { ...edge, type: FLOW_EDGE, data: { label, alwaysLabelled, lane }, ariaLabel: t("aria.edgeLabel", { source: edge.source, target: edge.target }), domAttributes };
        };
        const labelled = cached !== undefined && cached.data?.label === label && cached.data.alwaysLabelled === alwaysLabelled && cached.data.lane === lane ? cached : fresh();
        named.set(edge, labelled);
        const shown = edge.id === hoveredEdge ? { ...labelled, data: { label, alwaysLabelled: true, lane } } : labelled;
        return takenPorts.has(portKey(edge.source, edge.sourceHandle ?? "")) ? { ...shown, animated: true, className: "is-taken", markerEnd: takenMarker, zIndex: 1 } : shown;
      }),
    [edges, takenPorts, t, edgeWord, named, exitNames, hoveredEdge],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(NODE_TYPE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const nodeType = event.dataTransfer.getData(NODE_TYPE_MIME);
      if (nodeType === "") return;
      event.preventDefault();
      document.body.classList.remove(DRAGGING_NODE_CLASS);
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const id = actions.addNode(nodeType, { x: Math.round(point.x - 110), y: Math.round(point.y - 30) });
      // Dropped where the minimap or the zoom buttons sit: bring the new node out from under them.
      const covered = [...(container.current?.querySelectorAll(".react-flow__minimap, .react-flow__controls, .overview-map") ?? [])].some((element) => {
        const box = element.getBoundingClientRect();
        return event.clientX >= box.left - 20 && event.clientX <= box.right + 20 && event.clientY >= box.top - 20 && event.clientY <= box.bottom + 20;
      });
      const added = id === null ? undefined : editor.getState().nodes.find((node) => node.id === id);
      if (covered && added !== undefined) void setCenter(added.position.x + 120, added.position.y + 40, { zoom: getZoom(), duration: 200 });
    },
    [actions, screenToFlowPosition, setCenter, getZoom, editor],
  );

  return (
    <div ref={container} className="flow-canvas" data-testid="flow-canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <EdgeObstaclesContext.Provider value={obstacles}>
      <EdgeLabelCullingContext.Provider value={large}>
      <ReactFlow<CanvasNode, FlowEdgeType>
        nodes={nodes}
        edges={shownEdges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onEdgeMouseEnter={(_event, edge) => setHoveredEdge(edge.id)}
        onEdgeMouseLeave={() => setHoveredEdge(null)}
        onNodesChange={actions.onNodesChange}
        onEdgesChange={actions.onEdgesChange}
        onConnect={actions.connect}
        onNodeDragStart={actions.beginMove}
        onSelectionDragStart={actions.beginMove}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        // Deleting, copying and undo go through the designer's own shortcuts (one undo step each).
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={["Control", "Meta"]}
        onlyRenderVisibleElements
        fitView={initialView === null}
        fitViewOptions={fitViewOptions}
        defaultViewport={initialView ?? undefined}
        minZoom={0.05}
        maxZoom={2}
        proOptions={proOptions}
        defaultEdgeOptions={defaultEdgeOptions}
        ariaLabelConfig={ariaLabelConfig}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1} color="#c9ced8" />
        {large ? <OverviewMap label={t("minimap")} /> : <MiniMap<CanvasNode> pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={0} ariaLabel={t("minimap")} />}
        <Controls showInteractive={false} />
      </ReactFlow>
      </EdgeLabelCullingContext.Provider>
      </EdgeObstaclesContext.Provider>
    </div>
  );
}
