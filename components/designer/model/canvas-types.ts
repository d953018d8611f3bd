import type { Edge, Node } from "@xyflow/react";
import { z } from "zod";

/** What a canvas node carries: plain JSON (copyable, undoable), never callbacks. */
export const flowNodeDataSchema = z.object({
  nodeType: z.string(),
  label: z.string(),
  config: z.record(z.string(), z.unknown()),
});
export type FlowNodeData = z.infer<typeof flowNodeDataSchema>;

export const FLOW_NODE = "flow";
/** Every node has one input; its outputs are the node type's ports. */
export const INPUT_HANDLE = "in";

export type CanvasNode = Node<FlowNodeData, typeof FLOW_NODE>;
export type CanvasEdge = Edge;
