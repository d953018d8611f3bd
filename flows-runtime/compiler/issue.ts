import type { GraphNode } from "../graph/schema";
import { formatIssue } from "../i18n/format-issue";
import type { IssueCode } from "../i18n/en";

export type IssueSeverity = "error" | "warning";

export interface Issue {
  severity: IssueSeverity;
  code: IssueCode;
  /** English text; other languages via formatIssue(issue, locale). */
  message: string;
  params: Record<string, string | number>;
  nodeId: string | null;
  edgeId: string | null;
  /** Field path inside the node's data (["options", 2, "key"]); for graph-level issues (params.scope "graph"), from the graph's root. */
  path: (string | number)[];
}

export interface IssueInit {
  code: IssueCode;
  severity?: IssueSeverity;
  params?: Record<string, string | number>;
  nodeId?: string | null;
  edgeId?: string | null;
  path?: (string | number)[];
}

export function makeIssue(init: IssueInit): Issue {
  const issue = {
    severity: init.severity ?? "error",
    code: init.code,
    params: init.params ?? {},
    nodeId: init.nodeId ?? null,
    edgeId: init.edgeId ?? null,
    path: init.path ?? [],
  };
  return { ...issue, message: formatIssue(issue, "en") };
}

/** Display name used in messages: the admin's label, else the node id. */
export const nodeDisplayLabel = (node: Pick<GraphNode, "id" | "label">): string => {
  const label = node.label?.trim() ?? "";
  return label === "" ? node.id : label;
};

/** An issue about one node; {node} in its message names the node. */
export function nodeIssue(
  node: Pick<GraphNode, "id" | "type" | "label">,
  code: IssueCode,
  path: (string | number)[] = [],
  params: Record<string, string | number> = {},
  severity: IssueSeverity = "error",
): Issue {
  return makeIssue({
    code,
    severity,
    nodeId: node.id,
    path,
    params: { ...params, nodeType: node.type, nodeLabel: nodeDisplayLabel(node) },
  });
}
