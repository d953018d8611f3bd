import type { FlowKind, GraphNode } from "../../graph/schema";
import { isIssueCode } from "../../i18n/en";
import type { LintContext, NodeDefinition, PortSpec } from "../../nodes/node-definition";
import { getNodeDefinition } from "../../nodes/registry.definitions";
import { nodeIssue, type Issue } from "../issue";
import { issuePath, settingIssue } from "./zod-issues";

export interface ValidNode {
  node: GraphNode;
  definition: NodeDefinition;
  /** Output of definition.schema: defaults filled in. */
  config: unknown;
  ports: PortSpec[];
}

export interface NodeInfo {
  node: GraphNode;
  /** Null for an unknown type. */
  definition: NodeDefinition | null;
  /** Null when the settings did not pass the schema. */
  valid: ValidNode | null;
}

/** Checks each node's type and settings; valid nodes get their parsed config and ports. */
export function checkSettings(nodes: readonly GraphNode[], kind: FlowKind | null, context: LintContext, issues: Issue[]): NodeInfo[] {
  return nodes.map((node): NodeInfo => {
    const definition = getNodeDefinition(node.type) ?? null;
    if (definition === null) {
      issues.push(nodeIssue(node, "unknown-node-type", [], { type: node.type }));
      return { node, definition, valid: null };
    }
    if (kind !== null && !definition.kinds.includes(kind)) issues.push(nodeIssue(node, "node-kind-mismatch", [], { kind }));
    const parsed = definition.schema.safeParse(node.data);
    if (!parsed.success) {
      for (const zodIssue of parsed.error.issues) {
        const { code, params } = settingIssue(zodIssue, node.data);
        issues.push(nodeIssue(node, code, issuePath(zodIssue), params));
      }
      return { node, definition, valid: null };
    }
    const config = parsed.data;
    for (const lint of definition.lint?.(config, context) ?? []) {
      const code = isIssueCode(lint.code) ? lint.code : "setting-invalid";
      issues.push(nodeIssue(node, code, lint.path, isIssueCode(lint.code) ? lint.params : { detail: lint.code }, lint.severity));
    }
    return { node, definition, valid: { node, definition, config, ports: definition.ports(config) } };
  });
}
