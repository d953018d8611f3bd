import type { Graph } from "../graph/schema";
import { analyzeGraph, type ValidateOptions } from "./analyze-graph";
import type { Issue } from "./issue";

export type { ValidateOptions } from "./analyze-graph";

export type ValidationResult = { ok: true; graph: Graph; warnings: Issue[] } | { ok: false; issues: Issue[] };

/**
 * Checks a graph (object, or JSON text) completely and reports every problem at once, errors and
 * warnings, each located by node, edge and field path. Never throws.
 */
export function validateGraph(input: unknown, options: ValidateOptions = {}): ValidationResult {
  const { graph, issues } = analyzeGraph(input, options);
  if (graph === null) return { ok: false, issues };
  return { ok: true, graph, warnings: issues };
}

export interface EditorValidation {
  /** Errors and warnings. */
  issues: Issue[];
  /** Issues per node id, for badges on the canvas. */
  byNode: Record<string, Issue[]>;
  /** Issues not tied to a node (no Start, malformed connections). */
  general: Issue[];
  publishable: boolean;
}

/** For the designer, run on every edit: the same checks, grouped for display. */
export function validateGraphForEditor(input: unknown, options: ValidateOptions = {}): EditorValidation {
  const { graph, issues } = analyzeGraph(input, options);
  const byNode = new Map<string, Issue[]>();
  const general: Issue[] = [];
  for (const issue of issues) {
    if (issue.nodeId === null) general.push(issue);
    else byNode.set(issue.nodeId, [...(byNode.get(issue.nodeId) ?? []), issue]);
  }
  // fromEntries defines own properties, so an id like "constructor" cannot hit Object.prototype.
  return { issues, byNode: Object.fromEntries(byNode), general, publishable: graph !== null };
}
