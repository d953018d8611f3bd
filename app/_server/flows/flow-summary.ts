import { flowKindSchema, type FlowKind } from "@/flows-runtime/graph/schema";
import type { Prisma } from "@/prisma/generated/client";
import type { UserRef } from "./user-names";

/** Everything the flow list shows; never the graph, which can be megabytes. */
export const flowSummarySelect = {
  id: true,
  name: true,
  kind: true,
  draftRevision: true,
  createdAt: true,
  updatedAt: true,
  deletedAt: true,
  createdById: true,
  updatedById: true,
  liveVersion: { select: { id: true, number: true, createdAt: true, publishedAt: true } },
  entryPoints: { select: { id: true, kind: true, value: true }, orderBy: [{ kind: "asc" }, { value: "asc" }] },
} satisfies Prisma.FlowSelect;

export type FlowSummaryRow = Prisma.FlowGetPayload<{ select: typeof flowSummarySelect }>;

export interface FlowSummary {
  id: string;
  name: string;
  kind: FlowKind;
  draftRevision: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  updatedBy: UserRef | null;
  live: { versionId: string; number: number; publishedAt: string } | null;
  entryPoints: { id: string; kind: string; value: string }[];
}

export function toFlowSummary(row: FlowSummaryRow, users: Map<string, UserRef>): FlowSummary {
  return {
    id: row.id,
    name: row.name,
    kind: flowKindSchema.parse(row.kind),
    draftRevision: row.draftRevision,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
    updatedBy: (row.updatedById && users.get(row.updatedById)) || null,
    live: row.liveVersion
      ? { versionId: row.liveVersion.id, number: row.liveVersion.number, publishedAt: (row.liveVersion.publishedAt ?? row.liveVersion.createdAt).toISOString() }
      : null,
    entryPoints: row.entryPoints,
  };
}
