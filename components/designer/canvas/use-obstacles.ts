"use client";

import { useRef } from "react";
import { LARGE_FLOW, nodeBox } from "../model/node-geometry";
import type { CanvasNode } from "../model/canvas-types";
import { EMPTY_OBSTACLES, obstacleIndex, type ObstacleIndex } from "./edge-route";

/**
 * The nodes' boxes for edge routing. Rebuilt only when a node's place or size changed and nothing
 * is being dragged: every drawn edge re-renders when it changes, which must not happen on each
 * frame of a drag (the dragged node's own edges follow it anyway).
 */
export function useObstacles(nodes: readonly CanvasNode[]): ObstacleIndex {
  const last = useRef<{ key: string; index: ObstacleIndex } | null>(null);
  // Routing around nodes costs about a millisecond an edge in a dense flow: large flows keep plain curves.
  if (nodes.length > LARGE_FLOW) return EMPTY_OBSTACLES;
  const dragging = nodes.some((node) => node.dragging === true);
  if (dragging && last.current !== null) return last.current.index;
  const boxes = nodes.map((node) => ({ ...nodeBox(node), id: node.id }));
  const key = boxes.map((box) => `${box.id}:${box.x}:${box.y}:${box.width}:${box.height}`).join("|");
  if (last.current !== null && last.current.key === key) return last.current.index;
  const index = obstacleIndex(boxes);
  last.current = { key, index };
  return index;
}
