import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { can } from "@/app/_server/auth/permissions";
import { requirePageSession } from "@/app/_server/auth/require-page-session";
import { pageResult } from "@/app/_server/http/page-result";
import { getReview } from "@/app/_server/reviews/list-reviews";
import { listReviewComments } from "@/app/_server/reviews/review-comments";
import { reviewEntryPoints } from "@/app/_server/reviews/review-entry-points";
import { diffFlow } from "@/app/_server/versions/diff-flow";
import { diffLabels } from "@/app/_server/versions/diff-labels";
import { flowKindSchema } from "@/flows-runtime/graph/schema";
import { AppShell } from "@/components/app-shell";
import { DiffView } from "@/components/versions/diff-view";
import { EntryPointChanges } from "@/components/versions/entry-point-changes";
import { ReviewDecision } from "@/components/versions/review-decision";
import { ReviewPublish } from "@/components/versions/review-publish";
import { ReviewTestCases } from "@/components/test-cases/review-test-cases";
import { dateTimeFormat } from "@/components/date-format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reviews");
  return { title: t("metaTitle") };
}

export default async function ReviewPage({ params }: { params: Promise<{ flowId: string; reviewId: string }> }) {
  const { flowId, reviewId } = await params;
  const session = await requirePageSession("flow.view", `/history/${encodeURIComponent(flowId)}/reviews/${encodeURIComponent(reviewId)}`);
  const locale = await getLocale();
  const review = await pageResult(getReview(session, flowId, reviewId));
  // What publishing it would change: the candidate against what is live now.
  const flowDiff = await pageResult(diffFlow(session, flowId, { from: "live", to: review.versionId }, locale));
  const { comments } = await listReviewComments(session, flowId, reviewId);
  const entryPoints = await reviewEntryPoints(session, flowId, review.versionId);
  const t = await getTranslations("reviews");
  const tStatus = await getTranslations("versionStatus");
  const tReadable = await getTranslations("readableReview");
  const format = await getFormatter();
  const kind = flowKindSchema.parse(review.flowKind);
  const reviewer = can(session.role, "flow.review", kind);
  const pending = review.status === "pending";
  const ownChange = review.authorIds.includes(session.userId);
  const publisher = can(session.role, "flow.publish", kind);
  const time = (iso: string) => format.dateTime(new Date(iso), dateTimeFormat);

  return (
    <AppShell session={session}>
      <div className="stack" data-testid="review-page" data-status={review.status}>
        <Link href={`/history/${encodeURIComponent(flowId)}`}>← {t("history")}</Link>
        <div className="row">
          <h1>{t("reviewTitle", { name: review.flowName, number: review.versionNumber })}</h1>
          <span className={`badge status-${review.status}`} data-testid="review-status">
            {tStatus(review.status)}
          </span>
        </div>
        <div className="card stack" style={{ padding: 16 }}>
          <div className="muted small">{t("submittedLine", { user: review.submittedBy?.name ?? "?", time: time(review.submittedAt) })}</div>
          <div style={{ whiteSpace: "pre-wrap" }}>{review.note}</div>
          {review.decidedAt && (
            <div className="muted small">
              {t("decidedLine", { status: tStatus(review.status === "published" ? "approved" : review.status), user: review.decidedBy?.name ?? "?", time: time(review.decidedAt) })}
              {review.decisionNote && <div style={{ whiteSpace: "pre-wrap", color: "var(--text)" }}>{review.decisionNote}</div>}
            </div>
          )}
          <div className="muted small">{flowDiff.from.number === null ? t("comparedWithNothing") : t("comparedWith", { number: flowDiff.from.number })}</div>
        </div>
        <EntryPointChanges entryPoints={entryPoints} />
        <DiffView data={{ flowDiff, labels: diffLabels(flowDiff, locale) }} review={{ flowId, reviewId, comments, canComment: reviewer && review.status !== "void" }} />
        <ReviewTestCases flowId={flowId} reviewId={reviewId} />
        {reviewer && pending && ownChange && <div className="alert warning">{t("ownChange")}</div>}
        {/* The decision comes after everything it decides on. */}
        {reviewer && pending && <ReviewDecision flowId={flowId} reviewId={reviewId} />}
        {review.status === "approved" && publisher && (
          <ReviewPublish
            target={{
              flowId,
              flowName: review.flowName,
              versionId: review.versionId,
              versionNumber: review.versionNumber,
              expectedLiveVersionId: flowDiff.from.versionId,
              summary: flowDiff.summary,
              entryPoints,
            }}
          />
        )}
        {review.status === "approved" && !publisher && <div className="alert success">{tReadable("approvedWaitingPublisher")}</div>}
      </div>
    </AppShell>
  );
}
