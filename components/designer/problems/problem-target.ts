import type { LiveIssue } from "../validation/validation-messages";

export interface ProblemTarget {
  /** The node to select and centre. */
  nodeId: string;
  /** The setting to focus in its form ([] for the form's first field). */
  path: (string | number)[];
}

interface EdgeRef {
  id: string;
  source: string;
  target: string;
}

const edgeOf = (issue: Pick<LiveIssue, "edgeId" | "path">, edges: readonly EdgeRef[]): EdgeRef | undefined => {
  if (issue.edgeId !== null) {
    const byId = edges.find((edge) => edge.id === issue.edgeId);
    if (byId !== undefined) return byId;
  }
  // Graph-level issues about an unreadable connection point at it by position: ["edges", 3, ...].
  const [root, index] = issue.path;
  return root === "edges" && typeof index === "number" ? edges[index] : undefined;
};

/**
 * Where clicking a problem leads: its node (a missing required port is reported on the node that
 * owns the port), else for a connection its source node, or its target when the source is gone.
 * Null when the problem concerns nothing on the canvas.
 */
export function problemTarget(
  issue: Pick<LiveIssue, "nodeId" | "edgeId" | "path">,
  nodeIds: ReadonlySet<string>,
  edges: readonly EdgeRef[],
): ProblemTarget | null {
  if (issue.nodeId !== null && nodeIds.has(issue.nodeId)) return { nodeId: issue.nodeId, path: issue.path };
  const edge = edgeOf(issue, edges);
  if (edge === undefined) return null;
  if (nodeIds.has(edge.source)) return { nodeId: edge.source, path: [] };
  if (nodeIds.has(edge.target)) return { nodeId: edge.target, path: [] };
  return null;
}
