"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiRequest, type ApiError } from "@/components/api-request";
import { ErrorAlert } from "@/components/error-alert";

/** Approve or request changes; the server refuses an approval by the change's own author (four eyes). */
export function ReviewDecision({ flowId, reviewId }: { flowId: string; reviewId: string }) {
  const t = useTranslations("reviews");
  const router = useRouter();
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const decide = async (action: "approve" | "request-changes") => {
    setBusy(true);
    setError(null);
    const path = `/api/flows/${encodeURIComponent(flowId)}/reviews/${encodeURIComponent(reviewId)}/${action}`;
    const result = await apiRequest(path, { method: "POST", body: note.trim() ? { note } : {} });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    router.refresh();
  };

  return (
    <div className="card stack" style={{ padding: 16 }} data-testid="review-decision">
      <label>
        {t("decisionNote")}
        <textarea value={note} onChange={(event) => setNote(event.target.value)} maxLength={1000} data-testid="decision-note" />
      </label>
      {error && <ErrorAlert error={error} onDismiss={() => setError(null)} />}
      <div className="row">
        <button type="button" className="primary" disabled={busy} onClick={() => void decide("approve")} data-testid="approve">
          {t("approve")}
        </button>
        <button type="button" disabled={busy || note.trim() === ""} onClick={() => void decide("request-changes")} data-testid="request-changes">
          {t("requestChanges")}
        </button>
      </div>
    </div>
  );
}
