import type { FitViewOptions } from "@xyflow/react";
import { nodeBox } from "../model/node-geometry";
import type { CanvasNode } from "../model/canvas-types";

/** Below this zoom a node's 12 px text is too small to read. */
export const READABLE_ZOOM = 0.7;
/** The canvas' width on a 1440 px wide screen (between the palette and the settings panel), before it is measured. */
const USUAL_CANVAS_WIDTH = 860;

/**
 * Fit to the whole flow while it stays readable; a wider flow is fitted from its left edge (where
 * the start is) at a readable zoom instead of being shrunk until nothing can be read.
 */
export function readableFitOptions(nodes: readonly CanvasNode[], canvasWidth = USUAL_CANVAS_WIDTH): FitViewOptions<CanvasNode> {
  const span = (canvasWidth * 0.95) / READABLE_ZOOM;
  const base = { padding: 0.15, maxZoom: 1.2, minZoom: READABLE_ZOOM };
  if (nodes.length === 0) return base;
  const boxes = nodes.map(nodeBox);
  const left = Math.min(...boxes.map((box) => box.x));
  const right = Math.max(...boxes.map((box) => box.x + box.width));
  if (right - left <= span) return base;
  const shown = nodes.filter((_, index) => (boxes[index]?.x ?? 0) + (boxes[index]?.width ?? 0) <= left + span);
  return { ...base, nodes: shown.map((node) => ({ id: node.id })) };
}
