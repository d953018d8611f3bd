import type { GraphNode } from "../graph/schema";
import { nodeContent } from "./node-content";

/** A node's name on the review canvas: its label, else what it says (prompt text, queue, keys), else its id. */
export function nodeName(node: GraphNode): string {
  if (node.label !== undefined && node.label !== "") return node.label;
  const content = nodeContent(node);
  return content?.text ?? content?.menuKeys?.join(" ") ?? node.id;
}
