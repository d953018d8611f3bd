"use client";

import { Background, BackgroundVariant, Controls, MiniMap, ReactFlow, useReactFlow, type NodeTypes } from "@xyflow/react";
import { useTranslations } from "next-intl";
import { useCallback, useMemo, useRef, useState, type DragEvent } from "react";
import { getNodeDefinition } from "@/flows-runtime/nodes/registry.definitions";
import { FLOW_NODE, type CanvasNode } from "../model/canvas-types";
import { LARGE_FLOW } from "../model/node-geometry";
import { useEditor } from "../store/editor-context";
import { portKey } from "../store/designer-ui-store";
import { useDesignerUi } from "../store/designer-ui-context";
import { FlowNode } from "./flow-node";
import { OverviewMap } from "./overview-map";
import { useAriaLabels, useNodeRoleDescription } from "./use-aria-labels";
import { NODE_TYPE_MIME } from "./palette";

const nodeTypes: NodeTypes = { [FLOW_NODE]: FlowNode };
const fitViewOptions = { padding: 0.15, maxZoom: 1.2 };
const proOptions = { hideAttribution: true };
// Module constants: React Flow copies these props into its store when they change identity, and a new
// defaultEdgeOptions object re-renders every drawn edge (about 1,000 in a large flow) on each canvas render.
const defaultEdgeOptions = { type: "smoothstep" };


const minimapColor = (node: CanvasNode): string => (node.selected ? "#1f5fbf" : "#c3cad5");

/** The drawing surface. Graph state lives in the editor store; this only wires events to its actions. */
export function FlowCanvas() {
  const nodes = useEditor((state) => state.nodes);
  const edges = useEditor((state) => state.edges);
  const readOnly = useEditor((state) => state.readOnly);
  const actions = useEditor((state) => state.actions);
  const takenPorts = useDesignerUi((state) => state.highlight.takenPorts);
  const { screenToFlowPosition } = useReactFlow();
  const t = useTranslations("designer.canvas");
  const ariaLabelConfig = useAriaLabels();
  const container = useRef<HTMLDivElement>(null);
  useNodeRoleDescription(container, t("aria.node"));
  const [large] = useState(() => nodes.length > LARGE_FLOW);
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
  const named = useMemo(() => new WeakMap<(typeof edges)[number], (typeof edges)[number]>(), [t, edgeWord]);
  const shownEdges = useMemo(
    () =>
      edges.map((edge) => {
        const labelled = named.get(edge) ?? { ...edge, ariaLabel: t("aria.edgeLabel", { source: edge.source, target: edge.target }), domAttributes: { "aria-roledescription": edgeWord } };
        named.set(edge, labelled);
        return takenPorts.has(portKey(edge.source, edge.sourceHandle ?? "")) ? { ...labelled, animated: true, className: "is-taken" } : labelled;
      }),
    [edges, takenPorts, t, edgeWord, named],
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
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      actions.addNode(nodeType, { x: Math.round(point.x - 110), y: Math.round(point.y - 30) });
    },
    [actions, screenToFlowPosition],
  );

  return (
    <div ref={container} className="flow-canvas" data-testid="flow-canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow<CanvasNode>
        nodes={nodes}
        edges={shownEdges}
        nodeTypes={nodeTypes}
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
    </div>
  );
}
