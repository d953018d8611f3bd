import { Position, type NodeHandle } from "@xyflow/react";
import { getNodeDefinition } from "@/flows-runtime/nodes/registry.definitions";
import { INPUT_HANDLE, type CanvasNode } from "./canvas-types";
import { portsOf } from "./node-ports";
import { nodeSummary } from "./node-summary";

/** Beyond this many nodes a flow opens on its entry node, and nodes off screen are not drawn to be measured. */
export const LARGE_FLOW = 300;

// FlowNode's box in designer.css (flow units): 240 wide, 1px border; header 34; body padding 6+6,
// label 19.5, summary lines of 18 (at most 2); ports: 1px rule, 2px padding, 22 per port.
const WIDTH = 240;
const BORDER = 1;
const HEADER = 34;
const BODY_PADDING = 12;
const LABEL = 19.5;
const SUMMARY_LINE = 18;
const PORTS_RULE_AND_PADDING = 3;
const PORT = 22;
const HANDLE = 10;
const SUMMARY_WIDTH = 224;

/** Rough rendered width of a line of 12px text: CJK is about a full em, the rest about half. */
function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) >= 0x2e80 ? 12 : 6.6;
  return width;
}

/**
 * Where @xyflow/react would measure a node that has not been drawn yet: its size and its handles.
 * With these, onlyRenderVisibleElements draws only the nodes on screen when a large flow opens, instead
 * of drawing (and measuring) every node once. A node's first real measurement replaces them.
 */
export function estimateGeometry(node: CanvasNode): Pick<CanvasNode, "initialWidth" | "initialHeight" | "handles"> {
  const definition = getNodeDefinition(node.data.nodeType);
  const ports = definition ? portsOf(definition, node.data.config) : [];
  const summary = definition ? nodeSummary(definition, node.data.config) : "";
  const hasLabel = node.data.label !== "";
  const body = hasLabel || summary !== "" ? BODY_PADDING + (hasLabel ? LABEL : 0) + (summary === "" ? 0 : textWidth(summary) > SUMMARY_WIDTH ? 2 * SUMMARY_LINE : SUMMARY_LINE) : 0;
  const portsTop = BORDER + HEADER + body + PORTS_RULE_AND_PADDING;
  const height = BORDER + HEADER + body + (ports.length > 0 ? PORTS_RULE_AND_PADDING + ports.length * PORT + 2 : 0) + BORDER;
  const handles: NodeHandle[] = ports.map((port, index) => ({
    id: port.id,
    type: "source",
    position: Position.Right,
    x: WIDTH,
    y: portsTop + index * PORT + (PORT - HANDLE) / 2,
    width: HANDLE,
    height: HANDLE,
  }));
  if (definition?.entry !== true) handles.push({ id: INPUT_HANDLE, type: "target", position: Position.Left, x: -4, y: (height - HANDLE) / 2, width: HANDLE, height: HANDLE });
  return { initialWidth: WIDTH, initialHeight: height, handles };
}

/** For large flows: every node with an estimated geometry (see estimateGeometry). */
export function withEstimatedGeometry(nodes: CanvasNode[]): CanvasNode[] {
  return nodes.length > LARGE_FLOW ? nodes.map((node) => ({ ...node, ...estimateGeometry(node) })) : nodes;
}

/** Once a node has been measured, its estimate must go: @xyflow/react prefers a node's `handles` over measured ones. */
export function withoutEstimate(node: CanvasNode): CanvasNode {
  if (node.handles === undefined && node.initialWidth === undefined && node.initialHeight === undefined) return node;
  const { handles: _handles, initialWidth: _width, initialHeight: _height, ...rest } = node;
  return rest;
}

/** A node's box on the canvas in flow units: measured when drawn, else estimated from its settings. */
export function nodeBox(node: CanvasNode): { x: number; y: number; width: number; height: number } {
  const width = node.measured?.width ?? node.initialWidth;
  const height = node.measured?.height ?? node.initialHeight;
  if (width !== undefined && height !== undefined) return { x: node.position.x, y: node.position.y, width, height };
  const estimate = estimateGeometry(node);
  return { x: node.position.x, y: node.position.y, width: width ?? estimate.initialWidth ?? WIDTH, height: height ?? estimate.initialHeight ?? HEADER };
}
