import type { GraphEdge } from "../../graph/schema";
import { makeIssue, nodeIssue, type Issue } from "../issue";
import type { NodeInfo } from "./settings";

export interface Wiring {
  /** nodeId -> port -> target nodeId, for edges from existing nodes (targets may be malformed nodes). */
  targets: Map<string, Map<string, string>>;
  /** Ids of entry (Start) nodes, in input order. */
  starts: string[];
}

export function checkConnections(infos: readonly NodeInfo[], edges: readonly GraphEdge[], brokenNodeIds: ReadonlySet<string>, issues: Issue[]): Wiring {
  const byId = new Map(infos.map((info) => [info.node.id, info]));
  const targets = new Map<string, Map<string, string>>();
  for (const edge of edges) {
    const source = byId.get(edge.source);
    if (source === undefined) {
      if (!brokenNodeIds.has(edge.source)) {
        issues.push(makeIssue({ code: "edge-unknown-source", edgeId: edge.id, params: { source: edge.source } }));
      }
      continue;
    }
    // A connection to a malformed node still counts as connected; the node itself is reported.
    if (!byId.has(edge.target) && !brokenNodeIds.has(edge.target)) {
      issues.push({ ...nodeIssue(source.node, "edge-unknown-target", [], { port: edge.sourcePort, target: edge.target }), edgeId: edge.id });
      continue;
    }
    // Ports depend on valid settings; edges of a node with broken settings are kept as drawn.
    if (source.valid !== null && !source.valid.ports.some((port) => port.id === edge.sourcePort)) {
      issues.push({ ...nodeIssue(source.node, "edge-unknown-port", [], { port: edge.sourcePort }), edgeId: edge.id });
      continue;
    }
    const ports = targets.get(edge.source) ?? new Map<string, string>();
    if (ports.has(edge.sourcePort)) {
      issues.push({ ...nodeIssue(source.node, "duplicate-edge", [], { port: edge.sourcePort }), edgeId: edge.id });
      continue;
    }
    ports.set(edge.sourcePort, edge.target);
    targets.set(edge.source, ports);
  }

  for (const info of infos) {
    for (const port of info.valid?.ports ?? info.draftPorts) {
      if (port.required && !targets.get(info.node.id)?.has(port.id)) {
        issues.push(nodeIssue(info.node, "required-port-unconnected", [], { port: port.id }));
      }
    }
  }

  const starts = infos.filter((info) => info.definition?.entry === true).map((info) => info.node.id);
  if (starts.length === 0) issues.push(makeIssue({ code: "no-start" }));
  for (const extra of starts.slice(1)) {
    const info = byId.get(extra);
    if (info !== undefined) issues.push(nodeIssue(info.node, "multiple-starts"));
  }
  return { targets, starts };
}
