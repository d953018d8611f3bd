import type { GraphNode } from "../graph/schema";
import { compareStrings } from "./compare";
import type { PendingEdges } from "./pending-edges";
import type { Side, SummaryContext } from "./summary-context";

/** Lines for the edge changes of one source node not already told with a settings change. */
export function edgeLines(sourceId: string, edges: PendingEdges, context: SummaryContext): string[] {
  const { messages } = context;
  const subject = context.subjectById(sourceId);
  const port = (portId: string, side: Side): string | undefined => {
    const node: GraphNode | undefined = context.nodes[side].get(sourceId);
    if (node === undefined) return portId;
    const spec = context.info(node.type).port(node.data, portId);
    return spec.only ? undefined : spec.label;
  };
  const lines: { port: string; line: string }[] = [];
  for (const edge of edges.removed) {
    const target = context.referenceById(edge.target, "before");
    lines.push({ port: edge.sourcePort, line: messages.edgeRemoved({ subject, port: port(edge.sourcePort, "before"), target }) });
  }
  for (const edge of edges.retargeted) {
    const line = messages.edgeRetargeted({
      subject,
      port: port(edge.sourcePort, "after"),
      before: context.referenceById(edge.before.target, "before"),
      after: context.referenceById(edge.after.target, "after"),
    });
    lines.push({ port: edge.sourcePort, line });
  }
  for (const edge of edges.added) {
    const target = context.referenceById(edge.target, "after");
    lines.push({ port: edge.sourcePort, line: messages.edgeAdded({ subject, port: port(edge.sourcePort, "after"), target }) });
  }
  // Stable sort: per port, a removal before an addition, as they were pushed.
  return lines.sort((a, b) => compareStrings(a.port, b.port)).map((entry) => entry.line);
}
