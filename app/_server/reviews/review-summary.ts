import type { Prisma } from "@/prisma/generated/client";
import type { ReviewStatus } from "@/prisma/generated/enums";
import type { UserRef } from "@/app/_server/flows/user-names";

export const reviewSummarySelect = {
  id: true,
  flowId: true,
  status: true,
  note: true,
  baseVersionId: true,
  submittedById: true,
  lastEditorId: true,
  authorIds: true,
  submittedAt: true,
  decidedById: true,
  decidedAt: true,
  decisionNote: true,
  draftRevision: true,
  version: { select: { id: true, number: true } },
  flow: { select: { name: true, kind: true } },
  _count: { select: { comments: true } },
} satisfies Prisma.FlowReviewSelect;

export type ReviewSummaryRow = Prisma.FlowReviewGetPayload<{ select: typeof reviewSummarySelect }>;

export interface ReviewSummary {
  id: string;
  flowId: string;
  flowName: string;
  flowKind: string;
  status: ReviewStatus;
  note: string;
  versionId: string;
  versionNumber: number;
  /** The live version when submitted (what the candidate is compared with); null: nothing was live. */
  baseVersionId: string | null;
  draftRevision: number;
  submittedBy: UserRef | null;
  submittedAt: string;
  decidedBy: UserRef | null;
  decidedAt: string | null;
  decisionNote: string | null;
  commentCount: number;
  /** Who may not approve it (four eyes): the submitter and everyone who edited the draft since the previous submission. */
  authorIds: string[];
}

export function reviewUserIds(row: ReviewSummaryRow): (string | null)[] {
  return [row.submittedById, row.decidedById];
}

export function toReviewSummary(row: ReviewSummaryRow, users: Map<string, UserRef>): ReviewSummary {
  const user = (id: string | null) => (id !== null && users.get(id)) || null;
  return {
    id: row.id,
    flowId: row.flowId,
    flowName: row.flow.name,
    flowKind: row.flow.kind,
    status: row.status,
    note: row.note,
    versionId: row.version.id,
    versionNumber: row.version.number,
    baseVersionId: row.baseVersionId,
    draftRevision: row.draftRevision,
    submittedBy: user(row.submittedById),
    submittedAt: row.submittedAt.toISOString(),
    decidedBy: user(row.decidedById),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionNote: row.decisionNote,
    commentCount: row._count.comments,
    // lastEditorId still counts: reviews submitted before authorIds existed have only it.
    authorIds: [...new Set([row.submittedById, row.lastEditorId, ...row.authorIds].filter((id): id is string => id !== null))],
  };
}
