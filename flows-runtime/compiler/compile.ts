import { GRAPH_SCHEMA_VERSION } from "../graph/schema";
import { getCompilableNode } from "../nodes/registry.compiler";
import { PLAN_FORMAT, type Plan, type PlanStep } from "../plan/schema";
import { analyzeGraph, type ValidateOptions } from "./analyze-graph";
import { makeIssue, type Issue } from "./issue";

export type CompileOptions = ValidateOptions;

export type CompileResult = { ok: true; plan: Plan; warnings: Issue[] } | { ok: false; issues: Issue[] };

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Validates, then turns the graph into the immutable plan the workflow runs. Steps are keyed and
 * ordered by node id and only reachable nodes are kept, so the same graph gives the same plan
 * whatever the order of its nodes and edges. Never throws; never compiles an invalid graph.
 */
export function compileGraph(input: unknown, options: CompileOptions = {}): CompileResult {
  const analysis = analyzeGraph(input, options);
  const { graph, wiring } = analysis;
  if (graph === null || wiring === null) return { ok: false, issues: analysis.issues };
  try {
    // Maps keyed by ids, turned into records only at the end: a key never reaches a prototype.
    const steps = new Map<string, PlanStep>();
    const reachableNodes = analysis.infos.filter((info) => analysis.reachable.has(info.node.id)).sort((a, b) => byId(a.node, b.node));
    for (const { node, valid } of reachableNodes) {
      const compilable = getCompilableNode(node.type);
      if (valid === null || compilable === undefined) throw new Error(`node "${node.id}" has no valid settings or compiler`);
      const targets = wiring.targets.get(node.id);
      const next = new Map<string, string | null>();
      for (const port of valid.ports) next.set(port.id, targets?.get(port.id) ?? null);
      const label = node.label?.trim() ?? "";
      steps.set(node.id, {
        id: node.id,
        type: node.type,
        label: label === "" ? valid.definition.label.en : label,
        config: compilable.compile(valid.config),
        next: Object.fromEntries(next),
      });
    }
    const entry = wiring.starts[0];
    if (entry === undefined) throw new Error("no entry step after validation");
    const plan: Plan = {
      planFormat: PLAN_FORMAT,
      kind: graph.kind,
      graphSchemaVersion: GRAPH_SCHEMA_VERSION,
      entry,
      variables: graph.variables,
      steps: Object.fromEntries(steps),
    };
    return { ok: true, plan, warnings: analysis.issues };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [...analysis.issues, makeIssue({ code: "internal-error", params: { detail: detail.slice(0, 300) } })] };
  }
}
