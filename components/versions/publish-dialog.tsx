"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiRequest, type ApiError } from "@/components/api-request";
import { ErrorAlert } from "@/components/error-alert";
import { Modal } from "@/components/ui/modal";
import type { ReviewEntryPoints } from "@/app/_server/reviews/review-entry-points";
import { EntryPointName } from "./entry-point-name";

/** Past this many, the dialog points at the review for the rest. */
const MAX_LINES = 8;

export interface PublishTarget {
  flowId: string;
  flowName: string;
  versionId: string;
  versionNumber: number;
  /** The live version the publisher saw; a change since is refused (409). */
  expectedLiveVersionId: string | null;
  summary: string[];
  entryPoints: ReviewEntryPoints;
}

/** Says what goes live (flow, version, changes) and on which phone numbers, before it does. */
export function PublishDialog({ target, onClose, onPublished }: { target: PublishTarget; onClose: () => void; onPublished: () => void }) {
  const t = useTranslations("readableReview");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const { added, removed } = target.entryPoints.changes;

  const publish = async () => {
    setBusy(true);
    setError(null);
    const body = { versionId: target.versionId, expectedLiveVersionId: target.expectedLiveVersionId };
    const result = await apiRequest(`/api/flows/${encodeURIComponent(target.flowId)}/publish`, { method: "POST", body });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    onPublished();
  };

  return (
    <Modal title={t("publishTitle", { name: target.flowName, number: target.versionNumber })} onClose={onClose}>
      <div className="stack" data-testid="publish-dialog">
        <div>
          <strong>{t("publishNumbers")}</strong>
          {target.entryPoints.afterPublish.length === 0 ? (
            <div className="alert warning" data-testid="publish-no-numbers">
              {t("publishNoNumbers")}
            </div>
          ) : (
            <ul className="diff-summary" data-testid="publish-numbers">
              {target.entryPoints.afterPublish.map((ref) => (
                <li key={`${ref.kind}:${ref.value}`}>
                  <EntryPointName kind={ref.kind} value={ref.value} />
                  {added.some((item) => item.kind === ref.kind && item.value === ref.value) && <span className="badge status-approved">{t("numberNew")}</span>}
                </li>
              ))}
            </ul>
          )}
          {removed.length > 0 && (
            <div className="diff-before" data-testid="publish-numbers-removed">
              {t("publishNumbersRemoved")}{" "}
              {removed.map((ref, index) => (
                <span key={`${ref.kind}:${ref.value}`}>
                  {index > 0 && t("listSeparator")}
                  <EntryPointName kind={ref.kind} value={ref.value} />
                </span>
              ))}
            </div>
          )}
        </div>
        <div>
          <strong>{t("publishChanges")}</strong>
          {target.summary.length === 0 ? (
            <div className="muted">{t("publishNoChanges")}</div>
          ) : (
            <ul className="diff-summary" data-testid="publish-summary">
              {target.summary.slice(0, MAX_LINES).map((line, index) => (
                <li key={`${index}:${line}`}>{line}</li>
              ))}
              {target.summary.length > MAX_LINES && <li className="muted">{t("publishMore", { count: target.summary.length - MAX_LINES })}</li>}
            </ul>
          )}
        </div>
        <div className="muted small">{t("publishRunning")}</div>
        {error && <ErrorAlert error={error} onDismiss={() => setError(null)} />}
        <div className="row">
          <button type="button" onClick={onClose}>
            {t("cancel")}
          </button>
          <button type="button" className="primary" disabled={busy} onClick={() => void publish()} data-testid="publish-confirm">
            {busy ? t("publishing") : t("publishNow", { number: target.versionNumber })}
          </button>
        </div>
      </div>
    </Modal>
  );
}
