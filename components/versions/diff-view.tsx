"use client";

import "./versions.css";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { z } from "zod";
import { apiRequest, type ApiError } from "@/components/api-request";
import { ErrorAlert } from "@/components/error-alert";
import { DiffCanvas } from "./diff-canvas";
import { DiffLegend } from "./diff-legend";
import type { DiffViewData, ReviewComment } from "./diff-types";
import { NodeDiffPanel } from "./node-diff-panel";
import { CommentForm, CommentList } from "./review-comments";

export interface ReviewContext {
  flowId: string;
  reviewId: string;
  comments: ReviewComment[];
  canComment: boolean;
}

const commentResponseSchema = z.object({
  comment: z.object({ id: z.string(), reviewId: z.string(), nodeId: z.string().nullable(), body: z.string(), author: z.object({ id: z.string(), name: z.string() }).nullable(), createdAt: z.string() }),
});

/** The plain-language summary, the coloured canvas and the selected node's changes; with a review, its comments. */
export function DiffView({ data, review }: { data: DiffViewData; review?: ReviewContext }) {
  const t = useTranslations("diff");
  const tReviews = useTranslations("reviews");
  const [selected, setSelected] = useState<string | null>(null);
  const [comments, setComments] = useState<ReviewComment[]>(review?.comments ?? []);
  const [error, setError] = useState<ApiError | null>(null);

  const commentCounts = useMemo(() => {
    const counts: Record<string, number> = {};
    for (const comment of comments) if (comment.nodeId !== null) counts[comment.nodeId] = (counts[comment.nodeId] ?? 0) + 1;
    return counts;
  }, [comments]);

  const addComment = async (nodeId: string | null, body: string): Promise<boolean> => {
    if (!review) return false;
    const path = `/api/flows/${encodeURIComponent(review.flowId)}/reviews/${encodeURIComponent(review.reviewId)}/comments`;
    const result = await apiRequest(path, { method: "POST", body: { nodeId, body } });
    const parsed = result.ok ? commentResponseSchema.safeParse(result.data) : null;
    if (!parsed?.success) {
      setError(result.ok ? { code: "internal_error", message: "" } : result.error);
      return false;
    }
    setError(null);
    setComments((current) => [...current, parsed.data.comment]);
    return true;
  };

  const panelComments = review ? { list: comments, canComment: review.canComment, onAdd: addComment } : null;
  const general = comments.filter((comment) => comment.nodeId === null);

  return (
    <div className="stack">
      <section className="card stack" style={{ padding: 16 }}>
        <h2 style={{ margin: 0 }}>{t("summary")}</h2>
        {data.flowDiff.summary.length === 0 ? (
          <div className="muted">{t("noChanges")}</div>
        ) : (
          <ul className="diff-summary" data-testid="diff-summary">
            {data.flowDiff.summary.map((line, index) => (
              <li key={`${index}:${line}`}>{line}</li>
            ))}
          </ul>
        )}
      </section>
      {error && <ErrorAlert error={error} onDismiss={() => setError(null)} />}
      <DiffLegend />
      <div className="diff-layout">
        <DiffCanvas data={data} selectedId={selected} onSelect={setSelected} commentCounts={commentCounts} />
        <div className="diff-side">
          <NodeDiffPanel data={data} nodeId={selected} comments={panelComments} />
          {review && (
            <div className="card stack" style={{ padding: 12 }} data-testid="general-comments">
              <strong>{tReviews("generalComments")}</strong>
              {general.length > 0 && <CommentList comments={general} />}
              {review.canComment && <CommentForm placeholder={tReviews("generalPlaceholder")} onSubmit={(body) => addComment(null, body)} />}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
