import { nodeTypeInfo, type NodeTypeInfo } from "@/flows-runtime/diff/node-type-info";
import type { AppLocale } from "@/app/_i18n/locales";
import type { FlowDiff } from "./diff-flow";

export interface DiffLabels {
  /** Node type → its name in the user's language ("Menu"). */
  types: Record<string, string>;
  /** Node id → port id → the exit's name ("Option 1", "Timeout"). */
  ports: Record<string, Record<string, string>>;
}

/** Names the canvas and the node panel show, from the node registry (computed on the server). */
export function diffLabels(flowDiff: FlowDiff, locale: AppLocale): DiffLabels {
  const infos = new Map<string, NodeTypeInfo>();
  const info = (type: string): NodeTypeInfo => {
    const known = infos.get(type) ?? nodeTypeInfo(type, locale);
    infos.set(type, known);
    return known;
  };
  for (const node of [...flowDiff.before.nodes, ...flowDiff.after.nodes]) info(node.type);
  const ports = new Map<string, Map<string, string>>();
  const graphs = [flowDiff.before, flowDiff.after];
  for (const graph of graphs) {
    const byId = new Map(graph.nodes.map((node) => [node.id, node]));
    for (const edge of graph.edges) {
      const source = byId.get(edge.source);
      if (source === undefined) continue;
      const known = ports.get(edge.source) ?? new Map<string, string>();
      if (!known.has(edge.sourcePort)) known.set(edge.sourcePort, info(source.type).port(source.data, edge.sourcePort).label);
      ports.set(edge.source, known);
    }
  }
  return { types: Object.fromEntries([...infos].map(([type, known]) => [type, known.label])), ports: Object.fromEntries([...ports].map(([id, map]) => [id, Object.fromEntries(map)])) };
}
