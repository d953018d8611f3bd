"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { z } from "zod";
import { apiRequest, type ApiError } from "@/components/api-request";
import { ErrorAlert } from "@/components/error-alert";

const submittedSchema = z.object({ review: z.object({ versionNumber: z.number() }) });

/** Submits the saved draft for review; an invalid draft comes back with the validator's list. */
export function SubmitReviewForm({ flowId, draftRevision }: { flowId: string; draftRevision: number }) {
  const t = useTranslations("versions");
  const router = useRouter();
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<number | null>(null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    const result = await apiRequest(`/api/flows/${encodeURIComponent(flowId)}/reviews`, { method: "POST", body: { note, baseRevision: draftRevision } });
    setBusy(false);
    const parsed = result.ok ? submittedSchema.safeParse(result.data) : null;
    if (!parsed?.success) return setError(result.ok ? { code: "internal_error", message: "" } : result.error);
    setNote("");
    setDone(parsed.data.review.versionNumber);
    router.refresh();
  };

  return (
    <form
      className="card stack"
      style={{ padding: 16 }}
      data-testid="submit-review"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2 style={{ margin: 0 }}>{t("submitTitle")}</h2>
      <div className="muted small">{t("submitHelp")}</div>
      <label>
        {t("submitNote")}
        <textarea value={note} onChange={(event) => setNote(event.target.value)} maxLength={1000} required data-testid="submit-note" />
      </label>
      {error && <ErrorAlert error={error} onDismiss={() => setError(null)} />}
      {done !== null && (
        <div className="alert success" role="status" data-testid="submit-result">
          {t("submitted", { number: done })}
        </div>
      )}
      <div>
        <button type="submit" className="primary" disabled={busy || note.trim() === ""} data-testid="submit-review-button">
          {busy ? t("submitting") : t("submit")}
        </button>
      </div>
    </form>
  );
}
