import { portKey, type TestCallHighlight } from "../store/designer-ui-store";
import type { TestCallView } from "./test-call-schema";

export interface HighlightNode {
  id: string;
  data: { nodeType: string; config: Record<string, unknown> };
}

export interface HighlightEdge {
  source: string;
  sourceHandle?: string | null;
  target: string;
}

type View = Pick<TestCallView, "state" | "activeNodeId" | "visitedNodeIds" | "takenPorts" | "steps">;

/** The flow a subflow step ran in: its node id is "<flowId>:<nodeId>". */
export const subflowPrefix = (nodeId: string): string | null => {
  const colon = nodeId.indexOf(":");
  return colon > 0 ? nodeId.slice(0, colon) : null;
};

/**
 * Maps the steps of a test call onto this flow's canvas: for each step, the canvas node it belongs to.
 * A step of this flow is its own node; a step run inside a subflow ("<flowId>:<nodeId>") belongs to
 * the subflow node that runs that flow (the one the call went to when several run it). Steps of a
 * nested subflow belong to the subflow node the call is in.
 */
export function stepOwners(steps: View["steps"], nodes: readonly HighlightNode[], edges: readonly HighlightEdge[]): (string | null)[] {
  const ids = new Set(nodes.map((node) => node.id));
  const runners = (flowId: string) =>
    nodes.filter((node) => node.data.nodeType === "subflow" && node.data.config.flowId === flowId).map((node) => node.id);
  const ordered = [...steps].sort((a, b) => a.seq - b.seq);
  let lastOwn: { nodeId: string; port: string | null } | null = null;
  let inside: string | null = null;
  const owners = new Map<number, string | null>();
  for (const step of ordered) {
    if (ids.has(step.nodeId)) {
      owners.set(step.seq, step.nodeId);
      lastOwn = { nodeId: step.nodeId, port: step.port };
      inside = null;
      continue;
    }
    const flowId = subflowPrefix(step.nodeId);
    const expected = lastOwn === null ? null : (edges.find((edge) => edge.source === lastOwn?.nodeId && edge.sourceHandle === lastOwn.port)?.target ?? null);
    const candidates = flowId === null ? [] : runners(flowId);
    let owner: string | null;
    if (inside !== null && (candidates.length === 0 || candidates.includes(inside))) owner = inside;
    else if (expected !== null && candidates.includes(expected)) owner = expected;
    else owner = candidates[0] ?? (expected !== null && nodes.some((node) => node.id === expected && node.data.nodeType === "subflow") ? expected : null);
    owners.set(step.seq, owner);
    inside = owner;
  }
  return steps.map((step) => owners.get(step.seq) ?? null);
}

/**
 * What the canvas highlights for a test call. While the call runs inside a subflow, the subflow
 * node is the active one, and every node that ran (a subflow node for its steps) is visited.
 */
export function canvasHighlight(view: View, nodes: readonly HighlightNode[], edges: readonly HighlightEdge[]): TestCallHighlight {
  const ids = new Set(nodes.map((node) => node.id));
  const owners = stepOwners(view.steps, nodes, edges);
  const visited = new Set(view.visitedNodeIds.filter((nodeId) => ids.has(nodeId)));
  for (const owner of owners) if (owner !== null) visited.add(owner);

  let activeNodeId = view.activeNodeId !== null && ids.has(view.activeNodeId) ? view.activeNodeId : null;
  if (activeNodeId === null && view.state !== "ended") {
    // The latest step ran inside a subflow: the call is still in the subflow node.
    let latest = -1;
    view.steps.forEach((step, index) => {
      if (latest === -1 || step.seq > (view.steps[latest]?.seq ?? -1)) latest = index;
    });
    const step = view.steps[latest];
    if (step !== undefined && !ids.has(step.nodeId)) activeNodeId = owners[latest] ?? null;
  }
  if (activeNodeId !== null) visited.add(activeNodeId);

  const takenPorts = new Set(view.takenPorts.filter((taken) => ids.has(taken.nodeId)).map((taken) => portKey(taken.nodeId, taken.port)));
  return { activeNodeId, visitedNodeIds: visited, takenPorts };
}
