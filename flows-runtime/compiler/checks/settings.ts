import type { FlowKind, GraphNode } from "../../graph/schema";
import { isIssueCode } from "../../i18n/en";
import type { LintContext, NodeDefinition, PortSpec } from "../../nodes/node-definition";
import { portsOfFailedSettings } from "../../nodes/draft-ports";
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

/**
 * Settings that failed the schema, with each failing top-level field put back to its default:
 * enough to check the node's other expressions and learn what it writes.
 */
export interface SalvagedNode {
  node: GraphNode;
  definition: NodeDefinition;
  config: unknown;
  /** Top-level fields that were replaced; their own problems are already reported. */
  reverted: ReadonlySet<string>;
}

export interface NodeInfo {
  node: GraphNode;
  /** Null for an unknown type. */
  definition: NodeDefinition | null;
  /** Null when the settings did not pass the schema. */
  valid: ValidNode | null;
  salvaged: SalvagedNode | null;
  /** Exits of a known type with settings that did not pass: their required ones are still reported unconnected. */
  draftPorts: PortSpec[];
}

function salvage(node: GraphNode, definition: NodeDefinition, failingFields: ReadonlySet<string>): SalvagedNode | null {
  const defaults: unknown = definition.defaults();
  if (failingFields.size === 0 || typeof defaults !== "object" || defaults === null) return null;
  const patched: Record<string, unknown> = { ...node.data };
  for (const field of failingFields) {
    if (Object.hasOwn(defaults, field)) patched[field] = Reflect.get(defaults, field);
    else delete patched[field];
  }
  const parsed = definition.schema.safeParse(patched);
  return parsed.success ? { node, definition, config: parsed.data, reverted: failingFields } : null;
}

/** Checks each node's type and settings; valid nodes get their parsed config and ports. */
export function checkSettings(nodes: readonly GraphNode[], kind: FlowKind | null, context: LintContext, issues: Issue[]): NodeInfo[] {
  return nodes.map((node): NodeInfo => {
    const definition = getNodeDefinition(node.type) ?? null;
    if (definition === null) {
      issues.push(nodeIssue(node, "unknown-node-type", [], { type: node.type }));
      return { node, definition, valid: null, salvaged: null, draftPorts: [] };
    }
    if (kind !== null && !definition.kinds.includes(kind)) issues.push(nodeIssue(node, "node-kind-mismatch", [], { kind, kinds: definition.kinds.join(",") }));
    const parsed = definition.schema.safeParse(node.data);
    if (!parsed.success) {
      const failingFields = new Set<string>();
      for (const zodIssue of parsed.error.issues) {
        const { code, params } = settingIssue(zodIssue, node.data);
        const path = issuePath(zodIssue);
        issues.push(nodeIssue(node, code, path, params));
        if (typeof path[0] === "string") failingFields.add(path[0]);
      }
      const rootProblem = parsed.error.issues.some((zodIssue) => zodIssue.path.length === 0);
      return { node, definition, valid: null, salvaged: rootProblem ? null : salvage(node, definition, failingFields), draftPorts: portsOfFailedSettings(definition, node.data) };
    }
    const config = parsed.data;
    for (const lint of definition.lint?.(config, context) ?? []) {
      const code = isIssueCode(lint.code) ? lint.code : "setting-invalid";
      issues.push(nodeIssue(node, code, lint.path, isIssueCode(lint.code) ? lint.params : { detail: lint.code }, lint.severity));
    }
    return { node, definition, valid: { node, definition, config, ports: definition.ports(config) }, salvaged: null, draftPorts: [] };
  });
}
