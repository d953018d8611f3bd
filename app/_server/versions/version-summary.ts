import type { Prisma } from "@/prisma/generated/client";
import type { UserRef } from "@/app/_server/flows/user-names";
import { versionStatus, type VersionStatus } from "./version-status";

/** Everything the history lists; never the graph or plan. */
export const versionSummarySelect = {
  id: true,
  number: true,
  note: true,
  planHash: true,
  createdAt: true,
  createdById: true,
  publishedAt: true,
  publishedById: true,
  review: { select: { id: true, status: true, decidedById: true, decidedAt: true } },
} satisfies Prisma.FlowVersionSelect;

export type VersionSummaryRow = Prisma.FlowVersionGetPayload<{ select: typeof versionSummarySelect }>;

export interface VersionSummary {
  id: string;
  number: number;
  note: string | null;
  planHash: string;
  createdAt: string;
  createdBy: UserRef | null;
  status: VersionStatus;
  /** Callers starting a call now get this version. */
  live: boolean;
  /** Has been live at some time: a rollback may return to it without a new review. */
  publishedAt: string | null;
  publishedBy: UserRef | null;
  reviewId: string | null;
  approvedBy: UserRef | null;
}

export function userIdsOf(row: VersionSummaryRow): (string | null)[] {
  return [row.createdById, row.publishedById, row.review?.decidedById ?? null];
}

export function toVersionSummary(row: VersionSummaryRow, liveVersionId: string | null, users: Map<string, UserRef>): VersionSummary {
  const user = (id: string | null) => (id !== null && users.get(id)) || null;
  return {
    id: row.id,
    number: row.number,
    note: row.note,
    planHash: row.planHash,
    createdAt: row.createdAt.toISOString(),
    createdBy: user(row.createdById),
    status: versionStatus(row.review),
    live: row.id === liveVersionId,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    publishedBy: user(row.publishedById),
    reviewId: row.review?.id ?? null,
    approvedBy: row.review?.status === "approved" || row.review?.status === "published" ? user(row.review.decidedById) : null,
  };
}
