import { GRAPH_SCHEMA_VERSION, type Graph } from "../graph/schema";
import type { HttpPolicy } from "../nodes/http-request/http-policy";
import { makeIssue, type Issue } from "./issue";
import { checkConnections, type Wiring } from "./checks/connections";
import { checkExpressions } from "./checks/expressions";
import { checkFlowPaths } from "./checks/flow-paths";
import { checkSettings, type NodeInfo, type ValidNode } from "./checks/settings";
import { salvageNames } from "./checks/salvage-names";
import { parseStructure } from "./checks/structure";
import { checkVariables } from "./checks/variables";

export interface ValidateOptions {
  /** Published flow ids a subflow node may call; omitted: not checked. */
  knownFlowIds?: readonly string[];
  /** The HTTP allow-list and secret bindings HTTP request nodes must respect; omitted: not checked. */
  httpPolicy?: HttpPolicy;
  /** Queue names transfer nodes may target; omitted: not checked. */
  knownQueues?: readonly string[];
}

export interface GraphAnalysis {
  issues: Issue[];
  /** Set when there are no errors. */
  graph: Graph | null;
  infos: NodeInfo[];
  wiring: Wiring | null;
  reachable: Set<string>;
}

const hasErrors = (issues: readonly Issue[]): boolean => issues.some((issue) => issue.severity === "error");

function analyze(input: unknown, options: ValidateOptions, issues: Issue[]): GraphAnalysis {
  const empty: GraphAnalysis = { issues, graph: null, infos: [], wiring: null, reachable: new Set() };
  const structure = parseStructure(input, issues);
  if (structure === null) return empty;
  const infos = checkSettings(structure.nodes, structure.kind, { knownFlowIds: options.knownFlowIds ?? null, httpPolicy: options.httpPolicy ?? null, knownQueues: options.knownQueues ?? null }, issues);
  const valid = infos.flatMap((info): ValidNode[] => (info.valid === null ? [] : [info.valid]));
  const scope = checkVariables(structure.variables, valid, salvageNames(infos), issues);
  for (const node of valid) checkExpressions(node, scope, issues);
  for (const { salvaged } of infos) if (salvaged !== null) checkExpressions(salvaged, scope, issues, salvaged.reverted);
  if (!structure.listsReadable) return { ...empty, infos };
  const wiring = checkConnections(infos, structure.edges, structure.brokenNodeIds, issues);
  const reachable = checkFlowPaths(infos, wiring, issues);
  const graph: Graph | null =
    structure.kind === null || hasErrors(issues)
      ? null
      : {
          schemaVersion: GRAPH_SCHEMA_VERSION,
          kind: structure.kind,
          name: structure.name,
          variables: structure.variables,
          nodes: structure.nodes,
          edges: structure.edges,
        };
  return { issues, graph, infos, wiring, reachable };
}

/** Every check over a graph, shared by validateGraph and compileGraph. Never throws. */
export function analyzeGraph(input: unknown, options: ValidateOptions = {}): GraphAnalysis {
  const issues: Issue[] = [];
  try {
    return analyze(input, options, issues);
  } catch (error) {
    // A bug in a check must not take the designer or the publish endpoint down with it.
    const detail = error instanceof Error ? error.message : String(error);
    issues.push(makeIssue({ code: "internal-error", params: { detail: detail.slice(0, 300) } }));
    return { issues, graph: null, infos: [], wiring: null, reachable: new Set() };
  }
}
