import type { Graph } from "../graph/schema";
import { diffEdges } from "./diff-edges";
import { diffNodes } from "./diff-nodes";
import { diffVariables } from "./diff-variables";
import type { GraphDiff } from "./types";

/** Minimal shape read from a graph, so drafts that skipped schema defaults can be compared too. */
export type DiffableGraph = Pick<Graph, "nodes" | "edges"> & { variables?: Graph["variables"] };

/**
 * What changed between two versions of a flow, in a stable order (node ids, outlets, paths) that
 * does not depend on the order of nodes, edges or variables in the inputs.
 */
export function diffGraphs(before: DiffableGraph, after: DiffableGraph): GraphDiff {
  return {
    nodes: diffNodes(before.nodes, after.nodes),
    edges: diffEdges(before.edges, after.edges),
    variables: diffVariables(before.variables ?? [], after.variables ?? []),
  };
}
