"use client";

import "@xyflow/react/dist/style.css";
import { Background, Controls, Handle, MarkerType, Position, ReactFlow, type Edge, type EdgeTypes, type Node, type NodeChange, type NodeProps } from "@xyflow/react";
import { useTranslations } from "next-intl";
import { useCallback, useMemo, useRef, useState } from "react";
import { EdgeObstaclesContext } from "@/components/designer/canvas/edge-obstacles";
import { obstacleIndex } from "@/components/designer/canvas/edge-route";
import { FLOW_EDGE, FlowEdge, type FlowEdgeData } from "@/components/designer/canvas/flow-edge";
import { useAriaLabels, useNodeRoleDescription } from "@/components/designer/canvas/use-aria-labels";
import { nodeName, type NodeDiffStatus } from "@/flows-runtime/diff";
import type { DiffViewData } from "./diff-types";

type DiffNodeData = {
  nodeId: string;
  label: string;
  typeLabel: string;
  status: NodeDiffStatus | "ghost";
  selected: boolean;
  comments: number;
  /** With a call path drawn: whether the call went through this node. */
  onPath: "visited" | "skipped" | null;
};
type DiffNodeType = Node<DiffNodeData, "diff">;

const ghostPrefix = "\u0000old-position:";

export const statusColours: Record<NodeDiffStatus, string> = {
  added: "#067647",
  removed: "#b42318",
  changed: "#b54708",
  moved: "#1f5fbf",
  unchanged: "#98a2b3",
};

function DiffNode({ data }: NodeProps<DiffNodeType>) {
  const t = useTranslations("diff");
  const ghost = data.status === "ghost";
  return (
    <div
      className={`diff-node ${data.status}${data.selected ? " selected" : ""}${data.onPath === null ? "" : ` path-${data.onPath}`}`}
      data-testid={ghost ? "diff-ghost" : "diff-node"}
      data-node-id={data.nodeId}
      data-status={data.status}
      data-path={data.onPath ?? undefined}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="diff-node-type">{ghost ? t("legendOldPosition") : data.typeLabel}</div>
      <div className="diff-node-label">{data.label}</div>
      {data.comments > 0 && (
        <div className="diff-node-badges">
          <span className="badge" data-testid="diff-node-comments">
            {t("commentCount", { count: data.comments })}
          </span>
        </div>
      )}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

const nodeTypes = { diff: DiffNode };
// The designer's connections: arrowheads, the exit's name, and around the nodes in the way.
const edgeTypes: EdgeTypes = { [FLOW_EDGE]: FlowEdge };

/** Every exit is named on the read-only canvases; parallel detours keep apart by the exit's place. */
function flowEdgeData(ports: Readonly<Record<string, string>> | undefined, port: string): FlowEdgeData {
  const lane = Object.keys(ports ?? {}).indexOf(port);
  return { label: ports?.[port] ?? port, alwaysLabelled: true, lane: Math.max(lane, 0) };
}

function edgeStyle(colour: string, dashed: boolean, faded: boolean): Pick<Edge, "style" | "markerEnd"> {
  return {
    style: { stroke: colour, strokeWidth: 2, strokeDasharray: dashed ? "6 4" : undefined, opacity: faded ? 0.55 : 1 },
    markerEnd: { type: MarkerType.ArrowClosed, color: colour },
  };
}

/** A call's way through the graph (the call log): nodes it visited, and "<nodeId> <port>" keys of the exits it took. */
export interface CanvasPath {
  visitedNodeIds: ReadonlySet<string>;
  takenPorts: ReadonlySet<string>;
}

const pathColour = "#1f5fbf";

/**
 * Both versions on one read-only canvas: the new version's nodes where they are now, removed nodes
 * where they were, and for moved-only nodes a dotted outline at the old position. New-side edges are
 * solid; removed edges and the old target of a re-routed exit are dashed. With `path` (one version
 * against itself, as the call log draws it), the call's nodes and exits stand out and the rest fades.
 */
// As on the designer's canvas: React Flow's attribution link is hidden.
const proOptions = { hideAttribution: true };

export function DiffCanvas({
  data,
  selectedId,
  onSelect,
  commentCounts,
  path,
}: {
  data: DiffViewData;
  selectedId: string | null;
  onSelect: (nodeId: string | null) => void;
  commentCounts: Record<string, number>;
  path?: CanvasPath;
}) {
  const { flowDiff, labels } = data;
  const { before, after, status, diff } = flowDiff;

  const nodes = useMemo((): DiffNodeType[] => {
    const afterIds = new Set(after.nodes.map((node) => node.id));
    const drawn = [...after.nodes, ...before.nodes.filter((node) => !afterIds.has(node.id))];
    const real: DiffNodeType[] = drawn.map((node) => ({
      id: node.id,
      type: "diff",
      position: node.position,
      draggable: false,
      connectable: false,
      data: {
        nodeId: node.id,
        label: nodeName(node),
        typeLabel: labels.types[node.type] ?? node.type,
        status: status.nodes[node.id] ?? "unchanged",
        selected: node.id === selectedId,
        comments: commentCounts[node.id] ?? 0,
        onPath: path === undefined ? null : path.visitedNodeIds.has(node.id) ? "visited" : "skipped",
      },
    }));
    const ghosts: DiffNodeType[] = diff.nodes.moved.map((move) => {
      const node = before.nodes.find((candidate) => candidate.id === move.id);
      return {
        id: `${ghostPrefix}${move.id}`,
        type: "diff",
        position: move.before,
        draggable: false,
        connectable: false,
        selectable: false,
        zIndex: -1,
        data: { nodeId: move.id, label: node === undefined ? move.id : nodeName(node), typeLabel: "", status: "ghost", selected: false, comments: 0, onPath: null },
      };
    });
    return [...ghosts, ...real];
  }, [before, after, status, diff, labels, selectedId, commentCounts, path]);

  const edges = useMemo((): Edge[] => {
    const exit = (source: string, port: string) => ({ type: FLOW_EDGE, data: flowEdgeData(labels.ports[source], port) });
    const newSide: Edge[] = after.edges.map((edge) => {
      const edgeStatus = status.edges.after[edge.id] ?? "unchanged";
      if (path !== undefined) {
        const taken = path.takenPorts.has(`${edge.source} ${edge.sourcePort}`);
        return {
          id: `after:${edge.id}`,
          source: edge.source,
          target: edge.target,
          ...exit(edge.source, edge.sourcePort),
          className: taken ? "diff-edge path-taken" : "diff-edge path-untaken",
          style: { stroke: taken ? pathColour : "#c1c7d0", strokeWidth: taken ? 3.5 : 1.5, opacity: taken ? 1 : 0.6 },
          markerEnd: { type: MarkerType.ArrowClosed, color: taken ? pathColour : "#c1c7d0" },
          zIndex: taken ? 1 : 0,
        };
      }
      return {
        id: `after:${edge.id}`,
        source: edge.source,
        target: edge.target,
        ...exit(edge.source, edge.sourcePort),
        className: `diff-edge diff-edge-${edgeStatus}`,
        ...edgeStyle(statusColours[edgeStatus], false, false),
      };
    });
    const oldSide: Edge[] = before.edges.flatMap((edge) => {
      const edgeStatus = status.edges.before[edge.id];
      if (edgeStatus !== "removed" && edgeStatus !== "changed") return [];
      return [
        {
          id: `before:${edge.id}`,
          source: edge.source,
          target: edge.target,
          ...exit(edge.source, edge.sourcePort),
          className: `diff-edge diff-edge-old-${edgeStatus}`,
          ...edgeStyle(statusColours[edgeStatus], true, edgeStatus === "changed"),
        },
      ];
    });
    return [...oldSide, ...newSide];
  }, [before, after, status, labels, path]);

  // React Flow measures the nodes; their boxes are what edges go around (old-position outlines are not in the way).
  const [sizes, setSizes] = useState<ReadonlyMap<string, { width: number; height: number }>>(new Map());
  const onNodesChange = useCallback((changes: NodeChange<DiffNodeType>[]) => {
    const measured: [string, { width: number; height: number }][] = changes.flatMap((change) =>
      change.type === "dimensions" && change.dimensions !== undefined ? [[change.id, change.dimensions]] : [],
    );
    if (measured.length > 0) setSizes((previous) => new Map([...previous, ...measured]));
  }, []);
  const obstacles = useMemo(
    () =>
      obstacleIndex(
        nodes.flatMap((node) => {
          const size = sizes.get(node.id);
          return node.data.status === "ghost" || size === undefined ? [] : [{ id: node.id, x: node.position.x, y: node.position.y, ...size }];
        }),
      ),
    [nodes, sizes],
  );

  const t = useTranslations("diff");
  const tAria = useTranslations("designer.canvas.aria");
  const ariaLabelConfig = useAriaLabels();
  const container = useRef<HTMLDivElement>(null);
  useNodeRoleDescription(container, tAria("node"));
  const edgeWord = tAria("edge");
  const namedEdges = useMemo(
    () => edges.map((edge) => ({ ...edge, ariaLabel: tAria("edgeLabel", { source: edge.source, target: edge.target }), domAttributes: { "aria-roledescription": edgeWord } })),
    [edges, tAria, edgeWord],
  );
  return (
    <div ref={container} className="card diff-canvas" data-testid="diff-canvas" aria-label={t("canvasLabel")}>
      <EdgeObstaclesContext.Provider value={obstacles}>
      <ReactFlow
        ariaLabelConfig={ariaLabelConfig}
        proOptions={proOptions}
        nodes={nodes}
        edges={namedEdges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        fitView
        minZoom={0.1}
        onNodeClick={(_event, node) => {
          if (!node.id.startsWith(ghostPrefix)) onSelect(node.id);
        }}
        onPaneClick={() => onSelect(null)}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
      </EdgeObstaclesContext.Provider>
    </div>
  );
}
