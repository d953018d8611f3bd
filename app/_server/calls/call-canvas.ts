import { diffGraphs, diffStatusByEdge, diffStatusByNode } from "@/flows-runtime/diff";
import type { Graph } from "@/flows-runtime/graph/schema";
import type { AppLocale } from "@/app/_i18n/locales";
import type { FlowDiff } from "@/app/_server/versions/diff-flow";
import { diffLabels, type DiffLabels } from "@/app/_server/versions/diff-labels";
import type { DiffSide } from "@/app/_server/versions/graph-ref";

/**
 * The version a call ran, in the shape the review/compare canvas draws: the version against itself
 * (nothing changed), with the registry's type and exit names in the user's language.
 */
export function callCanvas(graph: Graph, version: { id: string | null; number: number | null }, locale: AppLocale): { flowDiff: FlowDiff; labels: DiffLabels } {
  const diff = diffGraphs(graph, graph);
  const side: DiffSide = { ref: "version", versionId: version.id, number: version.number, live: false };
  const flowDiff: FlowDiff = { from: side, to: side, diff, summary: [], status: { nodes: diffStatusByNode(diff), edges: diffStatusByEdge(diff) }, before: graph, after: graph };
  return { flowDiff, labels: diffLabels(flowDiff, locale) };
}
