import { reachableFrom, reverse, stronglyConnectedComponents } from "../graph-algorithms";
import { nodeDisplayLabel, nodeIssue, type Issue } from "../issue";
import type { Wiring } from "./connections";
import type { NodeInfo } from "./settings";

/**
 * The node may end the call: it says so, has no exits, leaves an exit open (ends "completed"),
 * or is too broken to know (bad settings, or an exit into a malformed node).
 */
function mayEnd(info: NodeInfo, wiring: Wiring, known: ReadonlyMap<string, number>): boolean {
  if (info.valid === null) return true;
  if (info.definition?.endsCall === true || info.valid.ports.length === 0) return true;
  const connected = wiring.targets.get(info.node.id);
  if ([...(connected?.values() ?? [])].some((target) => !known.has(target))) return true;
  return info.valid.ports.some((port) => !connected?.has(port.id));
}

/** Reached only when the caller pressed something (a menu option, collected digits). */
function isCallerDriven(info: NodeInfo, port: string): boolean {
  if (info.valid === null) return true;
  if (info.definition?.category !== "input") return false;
  const spec = info.valid.ports.find((candidate) => candidate.id === port);
  return spec !== undefined && spec.silent !== true;
}

const MAX_LISTED = 5;

/**
 * Reachability from Start, paths that can never end, and loops that can spin without caller
 * input. Returns the ids reachable from Start (every node when there is no Start).
 */
export function checkFlowPaths(infos: readonly NodeInfo[], wiring: Wiring, issues: Issue[]): Set<string> {
  const indexOf = new Map(infos.map((info, index) => [info.node.id, index]));
  const adjacency: number[][] = infos.map(() => []);
  const silentAdjacency: number[][] = infos.map(() => []);
  infos.forEach((info, index) => {
    for (const [port, target] of wiring.targets.get(info.node.id) ?? []) {
      const targetIndex = indexOf.get(target);
      if (targetIndex === undefined) continue;
      adjacency[index]?.push(targetIndex);
      if (!isCallerDriven(info, port)) silentAdjacency[index]?.push(targetIndex);
    }
  });

  const starts = wiring.starts.flatMap((id) => indexOf.get(id) ?? []);
  const reachable = starts.length > 0 ? reachableFrom(adjacency, starts) : infos.map(() => true);
  if (starts.length > 0) {
    infos.forEach((info, index) => {
      if (!reachable[index]) issues.push(nodeIssue(info.node, "unreachable-node", [], {}, "warning"));
    });
  }

  const endings = infos.flatMap((info, index) => (mayEnd(info, wiring, indexOf) ? [index] : []));
  const canEnd = reachableFrom(reverse(adjacency), endings);
  infos.forEach((info, index) => {
    if (reachable[index] && !canEnd[index]) issues.push(nodeIssue(info.node, "no-ending"));
  });

  const loopGraph = silentAdjacency.map((targets, index) => (reachable[index] ? targets.filter((target) => reachable[target]) : []));
  const { component, count } = stronglyConnectedComponents(loopGraph);
  const members: number[][] = Array.from({ length: count }, () => []);
  component.forEach((id, index) => members[id]?.push(index));
  for (const group of members) {
    const first = group[0];
    if (first === undefined) continue;
    const isLoop = group.length > 1 || (loopGraph[first] ?? []).includes(first);
    if (!isLoop) continue;
    const inGroup = new Set(group);
    const canLeave = group.some((index) => {
      const info = infos[index];
      if (info?.definition?.canExitLoop !== true || info.valid === null) return false;
      const connected = wiring.targets.get(info.node.id);
      return info.valid.ports.some((port) => {
        const target = connected?.get(port.id);
        const targetIndex = target === undefined ? undefined : indexOf.get(target);
        return targetIndex === undefined || !inGroup.has(targetIndex);
      });
    });
    if (canLeave) continue;
    const loopInfos = group.flatMap((index) => infos[index] ?? []).sort((a, b) => (a.node.id < b.node.id ? -1 : a.node.id > b.node.id ? 1 : 0));
    const names = loopInfos.slice(0, MAX_LISTED).map((info) => nodeDisplayLabel(info.node));
    const listed = loopInfos.length > MAX_LISTED ? `${names.join(", ")}, …` : names.join(", ");
    const anchor = loopInfos[0];
    if (anchor !== undefined) issues.push(nodeIssue(anchor.node, "unbounded-loop", [], { nodes: listed }));
  }

  return new Set(infos.flatMap((info, index) => (reachable[index] ? [info.node.id] : [])));
}
