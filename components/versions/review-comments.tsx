"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import type { ReviewComment } from "./diff-types";
import { dateTimeFormat } from "@/components/date-format";

export function CommentList({ comments }: { comments: ReviewComment[] }) {
  const format = useFormatter();
  return (
    <div className="stack" style={{ gap: 6 }} data-testid="comment-list">
      {comments.map((comment) => (
        <div key={comment.id} className="comment" data-testid="review-comment" data-node-id={comment.nodeId ?? ""}>
          <div className="muted small">
            {comment.author?.name ?? "?"} · {format.dateTime(new Date(comment.createdAt), dateTimeFormat)}
          </div>
          <div style={{ whiteSpace: "pre-wrap" }}>{comment.body}</div>
        </div>
      ))}
    </div>
  );
}

export function CommentForm({ placeholder, onSubmit }: { placeholder: string; onSubmit: (body: string) => Promise<boolean> }) {
  const t = useTranslations("diff");
  const [body, setBody] = useState("");
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="stack"
      style={{ gap: 6 }}
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        void onSubmit(body).then((ok) => {
          setBusy(false);
          if (ok) setBody("");
        });
      }}
    >
      <textarea value={body} onChange={(event) => setBody(event.target.value)} placeholder={placeholder} maxLength={2000} data-testid="comment-input" aria-label={placeholder} />
      <div>
        <button type="submit" disabled={busy || body.trim() === ""} data-testid="comment-submit">
          {t("comment")}
        </button>
      </div>
    </form>
  );
}
