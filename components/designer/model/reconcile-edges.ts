import type { PortSpec } from "@/flows-runtime/nodes/node-definition";
import type { CanvasEdge } from "./canvas-types";

/**
 * After a node's ports changed: a port replaced in place (menu key 1 changed to 3) keeps its
 * connection under the new id; connections of ports that no longer exist are removed.
 */
export function reconcileEdges(nodeId: string, before: readonly PortSpec[], after: readonly PortSpec[], edges: CanvasEdge[]): CanvasEdge[] {
  const afterIds = new Set(after.map((port) => port.id));
  const beforeIds = new Set(before.map((port) => port.id));
  const renamed = new Map<string, string>();
  if (before.length === after.length) {
    before.forEach((port, index) => {
      const next = after[index];
      if (next !== undefined && next.id !== port.id && !afterIds.has(port.id) && !beforeIds.has(next.id)) renamed.set(port.id, next.id);
    });
  }
  let changed = false;
  const result: CanvasEdge[] = [];
  for (const edge of edges) {
    const handle = edge.sourceHandle ?? "";
    if (edge.source !== nodeId || afterIds.has(handle)) {
      result.push(edge);
      continue;
    }
    changed = true;
    const target = renamed.get(handle);
    if (target !== undefined) result.push({ ...edge, sourceHandle: target });
  }
  return changed ? result : edges;
}
