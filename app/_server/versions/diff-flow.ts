import { z } from "zod";
import { diffGraphs, diffStatusByEdge, diffStatusByNode, summarizeDiff, type EdgeStatusBySide, type GraphDiff, type NodeDiffStatus } from "@/flows-runtime/diff";
import type { Graph } from "@/flows-runtime/graph/schema";
import { prisma, type PrismaClient } from "@/prisma/client";
import type { AppLocale } from "@/app/_i18n/locales";
import type { Session } from "@/app/_server/auth/session";
import { loadFlow } from "@/app/_server/flows/load-flow";
import { graphRefSchema, resolveGraph, type DiffSide } from "./graph-ref";

export const diffQuerySchema = z.object({
  /** The older side: "live" (default), "draft" or a version id. */
  from: graphRefSchema.default("live"),
  /** The newer side: "draft" (default), "live" or a version id. */
  to: graphRefSchema.default("draft"),
});
export type DiffQuery = z.infer<typeof diffQuerySchema>;

export interface FlowDiff {
  from: DiffSide;
  to: DiffSide;
  diff: GraphDiff;
  /** One plain-language sentence per change, in the request's language. */
  summary: string[];
  status: { nodes: Record<string, NodeDiffStatus>; edges: EdgeStatusBySide };
  /** The two graphs compared, for drawing them. */
  before: Graph;
  after: Graph;
}

/** Compares two versions of a flow (or the draft with the live version) with flows-runtime/diff. */
export async function diffFlow(actor: Session, flowId: string, query: DiffQuery, locale: AppLocale, db: PrismaClient = prisma()): Promise<FlowDiff> {
  await loadFlow(db, actor, flowId, "flow.view", { allowDeleted: true });
  const before = await resolveGraph(db, flowId, query.from);
  const after = await resolveGraph(db, flowId, query.to);
  const diff = diffGraphs(before.graph, after.graph);
  return {
    from: before.side,
    to: after.side,
    diff,
    summary: summarizeDiff(diff, before.graph, after.graph, locale),
    status: { nodes: diffStatusByNode(diff), edges: diffStatusByEdge(diff) },
    before: before.graph,
    after: after.graph,
  };
}
