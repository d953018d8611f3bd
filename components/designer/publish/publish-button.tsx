"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { z } from "zod";
import { useStore } from "zustand";
import { apiRequest, type ApiError } from "@/components/api-request";
import { ErrorAlert } from "@/components/error-alert";
import type { Autosave } from "../autosave/autosave";
import { useReviews } from "./use-reviews";

const submittedSchema = z.object({ review: z.object({ versionNumber: z.number().int() }) });

type Outcome = { kind: "submitted"; number: number } | { kind: "refused"; error: ApiError } | null;

/**
 * Publishing with four eyes: the author submits what is on the canvas for review (refused with the
 * validation list when it is invalid); once someone else approved it, Publish leads to the review's
 * confirmation, which names what goes live and for which phone numbers.
 */
export function PublishButton({ flowId, autosave, canSubmit, canPublish }: { flowId: string; autosave: Autosave; canSubmit: boolean; canPublish: boolean }) {
  const t = useTranslations("designer.publish");
  const { pending, approved, refresh } = useReviews(flowId);
  const revision = useStore(autosave.status, (status) => status.revision);
  const [busy, setBusy] = useState(false);
  const [composing, setComposing] = useState(false);
  const [note, setNote] = useState("");
  const [outcome, setOutcome] = useState<Outcome>(null);
  const base = `/api/flows/${encodeURIComponent(flowId)}`;

  const run = async (action: () => Promise<Outcome>) => {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome(await action());
      await refresh();
    } finally {
      setBusy(false);
    }
  };

  // The note is kept when the submission is refused, for the next try after the fixes.
  const submit = () =>
    run(async () => {
      setComposing(false);
      if (!(await autosave.flush())) return { kind: "refused", error: autosave.status.getState().error ?? { code: "draft_conflict", message: t("notSaved") } };
      const result = await apiRequest(`${base}/reviews`, { method: "POST", body: { note, baseRevision: autosave.status.getState().revision } });
      const submitted = result.ok ? submittedSchema.safeParse(result.data) : null;
      if (!submitted?.success) return { kind: "refused", error: result.ok ? { code: "internal_error", message: t("failed") } : result.error };
      setNote("");
      return { kind: "submitted", number: submitted.data.review.versionNumber };
    });

  return (
    <div className="publish">
      {pending !== null && (
        <span className="badge" data-testid="review-pending">
          {t("pending", { number: pending.versionNumber })}
        </span>
      )}
      {canPublish && approved !== null && (
        // Publishing goes through the review's confirmation: what goes live, and on which numbers.
        <Link
          className="button primary"
          href={`/history/${encodeURIComponent(flowId)}/reviews/${encodeURIComponent(approved.id)}#publish`}
          data-testid="publish"
          title={approved.draftRevision < revision ? t("changedSince", { number: approved.versionNumber }) : undefined}
        >
          {t("publishVersion", { number: approved.versionNumber })}…
        </Link>
      )}
      {canSubmit && (
        <button type="button" className={approved === null ? "primary" : ""} disabled={busy} data-testid="submit-review" onClick={() => setComposing(!composing)}>
          {busy ? t("working") : t("submit")}
        </button>
      )}
      {composing && (
        <div className="popover submit-form" data-testid="submit-form">
          <label className="field-label" htmlFor="review-note">
            {t("noteLabel")}
          </label>
          <textarea id="review-note" rows={3} value={note} placeholder={t("notePlaceholder")} onChange={(event) => setNote(event.target.value)} data-testid="review-note" />
          <div className="row">
            <span className="spacer" />
            <button type="button" onClick={() => setComposing(false)}>
              {t("cancel")}
            </button>
            <button type="button" className="primary" disabled={busy || note.trim() === ""} onClick={() => void submit()} data-testid="submit-review-confirm">
              {t("submitConfirm")}
            </button>
          </div>
        </div>
      )}
      {outcome !== null && (
        <div className="popover" data-testid="publish-result" role="status">
          {outcome.kind === "refused" ? (
            <ErrorAlert error={outcome.error} onDismiss={() => setOutcome(null)} />
          ) : (
            <div className="alert success">
              {t("submitted", { number: outcome.number })}
              <button type="button" className="link" onClick={() => setOutcome(null)}>
                {t("close")}
              </button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
