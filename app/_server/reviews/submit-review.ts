import { z } from "zod";
import { canonicalJson } from "@/flows-runtime/compiler/canonical-json";
import { prisma, type PrismaClient } from "@/prisma/client";
import type { AppLocale } from "@/app/_i18n/locales";
import type { Session } from "@/app/_server/auth/session";
import { writeAudit } from "@/app/_server/audit/write-audit";
import { compileForPublish } from "@/app/_server/flows/compile-for-publish";
import { createVersion } from "@/app/_server/flows/create-version";
import { invalidGraph, toIssueViews, type IssueView } from "@/app/_server/flows/graph-issues";
import { liveEntryPoints } from "@/app/_server/flows/change-entry-point-draft";
import { parseEntryPointSet, sameEntryPoints } from "@/app/_server/flows/entry-point-set";
import { loadFlow } from "@/app/_server/flows/load-flow";
import { AppError } from "@/app/_server/http/app-error";
import { runReviewCases } from "@/app/_server/test-cases/run-review-cases";
import { loadReview } from "./load-review";
import type { ReviewSummary } from "./review-summary";

export const submitReviewInputSchema = z.object({
  /** What changed and why, for the reviewer. */
  note: z.string().trim().min(1, "describe the change for the reviewer").max(1000, "must be at most 1000 characters"),
  /** The revision the author looked at; when given, a newer draft is not submitted behind their back. */
  baseRevision: z.number().int().min(1).optional(),
});
export type SubmitReviewInput = z.infer<typeof submitReviewInputSchema>;

export interface SubmittedReview {
  review: ReviewSummary;
  warnings: IssueView[];
}

/**
 * Compiles the draft (refused with every validation problem if invalid) and freezes it with its plan
 * as the flow's next numbered version, pending review. A newer submission supersedes (voids) the
 * flow's earlier pending or approved-but-unpublished ones: only the latest candidate can go live.
 * Everyone who edited the draft since the previous submission, the last editor and the submitter
 * become the review's authors (none of them may approve it), and the next edit cycle starts empty.
 * The version also freezes the entry points it will answer (proposed ones, else the live ones): a
 * change of numbers alone is a change to review. The flow's saved test cases then run on the
 * candidate; their results are stored with the review.
 */
export async function submitReview(actor: Session, flowId: string, input: SubmitReviewInput, locale: AppLocale, db: PrismaClient = prisma()): Promise<SubmittedReview> {
  await loadFlow(db, actor, flowId, "flow.submitReview");
  const draft = await db.flow.findUniqueOrThrow({
    where: { id: flowId },
    select: { draftGraph: true, draftRevision: true, updatedById: true, draftEditorIds: true, entryPointDraft: true, liveVersion: { select: { id: true, graph: true } } },
  });
  if (input.baseRevision !== undefined && input.baseRevision !== draft.draftRevision) {
    throw new AppError(409, "draft_conflict", "The draft changed since you opened it; reload before submitting.", { currentRevision: draft.draftRevision });
  }
  const compiled = await compileForPublish(db, draft.draftGraph);
  if (!compiled.ok) throw invalidGraph(compiled.issues, locale, "The draft cannot be submitted for review until its problems are fixed.");
  const live = await liveEntryPoints(db, flowId);
  // The candidate carries the numbers it will answer: proposed ones, else the ones live now.
  const entryPoints = parseEntryPointSet(draft.entryPointDraft) ?? live;
  const numbersChange = !sameEntryPoints(entryPoints, live);
  if (draft.liveVersion && !numbersChange && canonicalJson(draft.liveVersion.graph) === canonicalJson(draft.draftGraph)) {
    throw new AppError(409, "no_changes", "The draft is the same as the live version: there is nothing to review.");
  }

  const authorIds = [...new Set([...draft.draftEditorIds, draft.updatedById, actor.userId].filter((id): id is string => id !== null))];

  const { reviewId, versionId } = await db.$transaction(async (tx) => {
    const version = await createVersion(tx, { flowId, graph: draft.draftGraph, plan: compiled.plan, note: input.note, userId: actor.userId, entryPoints });
    const open = await tx.flowReview.findMany({ where: { flowId, status: { in: ["pending", "approved"] } }, select: { id: true } });
    const superseded = open.map((review) => review.id);
    await tx.flowReview.updateMany({ where: { id: { in: superseded }, status: { in: ["pending", "approved"] } }, data: { status: "void", voidedAt: new Date() } });
    const review = await tx.flowReview.create({
      data: {
        flowId,
        versionId: version.id,
        baseVersionId: draft.liveVersion?.id ?? null,
        note: input.note,
        submittedById: actor.userId,
        lastEditorId: draft.updatedById,
        authorIds,
        draftRevision: draft.draftRevision,
      },
      select: { id: true },
    });
    // The editors stay on the flow until a candidate is approved: a change that was sent back or
    // superseded is still in the draft, so its author must not approve the next candidate either.
    await writeAudit(tx, actor, {
      action: "review.submit",
      targetType: "review",
      targetId: review.id,
      flowId,
      details: { versionId: version.id, number: version.number, note: input.note, baseVersionId: draft.liveVersion?.id ?? null, draftRevision: draft.draftRevision, authorIds, superseded },
    });
    return { reviewId: review.id, versionId: version.id };
  });
  await runReviewCases(db, actor, { flowId, reviewId, versionId });
  return { review: await loadReview(db, flowId, reviewId), warnings: toIssueViews(compiled.warnings, locale) };
}
