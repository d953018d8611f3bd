"use client";

import { createContext } from "react";
import type { ReactFlowState } from "@xyflow/react";

/**
 * Large flows draw an edge's name only while it is on screen. React Flow draws every edge whose
 * ends' box crosses the screen: opening the 2,002-node flow drew about 1,000 edges for 8 nodes, and
 * their names (one HTML element each) made the first style and layout pass take seconds.
 */
export const EdgeLabelCullingContext = createContext(false);

/** Screen pixels around the canvas where names are drawn already, so a short pan shows them at once. */
const MARGIN = 200;

/** Whether a point in flow coordinates is on the canvas (or within the margin). */
export function onScreen(state: Pick<ReactFlowState, "transform" | "width" | "height">, x: number, y: number): boolean {
  const [tx, ty, zoom] = state.transform;
  const sx = x * zoom + tx;
  const sy = y * zoom + ty;
  return sx >= -MARGIN && sy >= -MARGIN && sx <= state.width + MARGIN && sy <= state.height + MARGIN;
}
