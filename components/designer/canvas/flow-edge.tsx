"use client";

import "./flow-edge.css";
import { BaseEdge, EdgeLabelRenderer, useStore, type Edge, type EdgeProps, type ReactFlowState } from "@xyflow/react";
import { memo, useCallback, useContext, useMemo } from "react";
import { EdgeLabelCullingContext, onScreen } from "./edge-label-culling";
import { EdgeObstaclesContext } from "./edge-obstacles";
import { routeEdge } from "./edge-route";

export interface FlowEdgeData extends Record<string, unknown> {
  /** The exit's name in the UI's language ("按键 1：查询订单", "超时"). */
  label: string;
  /** Drawn always (exits of a node with several, like a menu's keys); else shown on hover and selection. */
  alwaysLabelled: boolean;
  /** The exit's place among its node's exits: parallel detours keep apart by it. */
  lane: number;
}

export const FLOW_EDGE = "flow";
export type FlowEdgeType = Edge<FlowEdgeData, typeof FLOW_EDGE>;

/** A connection with an arrowhead and its exit's name, going around nodes instead of behind them. */
export const FlowEdge = memo(function FlowEdge({ id, source, target, sourceX, sourceY, targetX, targetY, markerEnd, style, data, selected, interactionWidth }: EdgeProps<FlowEdgeType>) {
  const obstacles = useContext(EdgeObstaclesContext);
  const route = useMemo(
    () => routeEdge({ x: sourceX, y: sourceY }, { x: targetX, y: targetY }, source, target, obstacles, data?.lane ?? 0),
    [sourceX, sourceY, targetX, targetY, source, target, obstacles, data?.lane],
  );
  const label = data?.label ?? "";
  const cull = useContext(EdgeLabelCullingContext);
  // A boolean, so panning re-renders only the edges whose name comes into view or leaves it.
  const labelShown = useStore(useCallback((state: ReactFlowState) => label !== "" && (!cull || onScreen(state, route.labelX, route.labelY)), [label, cull, route.labelX, route.labelY]));
  return (
    <>
      <BaseEdge id={id} path={route.path} markerEnd={markerEnd} style={style} interactionWidth={interactionWidth} />
      {labelShown && (
        <EdgeLabelRenderer>
          <div
            className={`flow-edge-label${data?.alwaysLabelled === true ? " is-always" : ""}${selected === true ? " is-selected" : ""}`}
            data-testid="edge-label"
            data-edge-id={id}
            data-route={route.kind}
            style={{ transform: `translate(-50%, -50%) translate(${route.labelX}px, ${route.labelY}px)` }}
          >
            {label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
