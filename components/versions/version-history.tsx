"use client";

import "./versions.css";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { apiRequest, type ApiError } from "@/components/api-request";
import { ErrorAlert } from "@/components/error-alert";
import type { VersionHistory } from "@/app/_server/versions/list-versions";
import type { VersionSummary } from "@/app/_server/versions/version-summary";
import { SubmitReviewForm } from "./submit-review-form";
import { dateTimeFormat } from "@/components/date-format";

export interface HistoryPermissions {
  submit: boolean;
  publish: boolean;
  rollback: boolean;
}

type Notice = { kind: "ok"; text: string } | { kind: "error"; error: ApiError } | null;

export function VersionHistoryView({ history, may }: { history: VersionHistory; may: HistoryPermissions }) {
  const t = useTranslations("versions");
  const tStatus = useTranslations("versionStatus");
  const tReview = useTranslations("readableReview");
  const format = useFormatter();
  const router = useRouter();
  const { flow, versions } = history;
  const base = `/history/${encodeURIComponent(flow.id)}`;
  const [picked, setPicked] = useState<string[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [rollbackOf, setRollbackOf] = useState<VersionSummary | null>(null);
  const [reason, setReason] = useState("");

  const toggle = (id: string) => setPicked((current) => (current.includes(id) ? current.filter((x) => x !== id) : [...current, id].slice(-2)));
  const comparePicked = () => {
    const chosen = versions.filter((version) => picked.includes(version.id)).sort((a, b) => a.number - b.number);
    const [older, newer] = chosen;
    if (older && newer) router.push(`${base}/compare?from=${encodeURIComponent(older.id)}&to=${encodeURIComponent(newer.id)}`);
  };

  const changeLive = async (kind: "rollback", version: VersionSummary, note: string) => {
    setBusy(version.id);
    setNotice(null);
    const body = { versionId: version.id, expectedLiveVersionId: flow.liveVersionId, note };
    const result = await apiRequest(`/api/flows/${encodeURIComponent(flow.id)}/${kind}`, { method: "POST", body });
    setBusy(null);
    setRollbackOf(null);
    if (!result.ok) return setNotice({ kind: "error", error: result.error });
    setNotice({ kind: "ok", text: t("rolledBack", { number: version.number }) });
    router.refresh();
  };

  const user = (ref: { name: string } | null) => ref?.name ?? t("unknownUser");
  const time = (iso: string) => format.dateTime(new Date(iso), dateTimeFormat);

  return (
    <div className="stack">
      {flow.deleted && <div className="alert warning">{t("deletedFlow")}</div>}
      {may.submit && !flow.deleted && <SubmitReviewForm flowId={flow.id} draftRevision={flow.draftRevision} />}
      {notice?.kind === "ok" && (
        <div className="alert success" role="status" data-testid="history-notice">
          {notice.text}
        </div>
      )}
      {notice?.kind === "error" && <ErrorAlert error={notice.error} onDismiss={() => setNotice(null)} />}
      <div className="row">
        <Link className="button" href={`${base}/compare?from=live&to=draft`}>
          {t("compareDraft")}
        </Link>
        <button type="button" onClick={comparePicked} disabled={picked.length !== 2} data-testid="compare-selected">
          {t("compareSelected")}
        </button>
        <span className="muted small">{t("selectTwo")}</span>
      </div>
      {versions.length === 0 ? (
        <div className="card muted" style={{ padding: 20 }}>
          {t("none")}
        </div>
      ) : (
        <div className="card">
          <table className="data" data-testid="version-table">
            <thead>
              <tr>
                <th />
                <th>{t("number")}</th>
                <th>{t("status")}</th>
                <th>{t("note")}</th>
                <th>{t("author")}</th>
                <th>{t("created")}</th>
                <th>
                  <span className="sr-only">{t("actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {versions.map((version) => (
                <tr key={version.id} data-testid="version-row" data-version={version.number} data-status={version.status} data-live={version.live}>
                  <td>
                    <input type="checkbox" checked={picked.includes(version.id)} onChange={() => toggle(version.id)} aria-label={t("select", { number: version.number })} />
                  </td>
                  <td>v{version.number}</td>
                  <td>
                    <div className="row" style={{ gap: 4 }}>
                      <span className={`badge status-${version.status}`}>{tStatus(version.status)}</span>
                      {version.live && <span className="badge live">{t("live")}</span>}
                      {!version.live && version.publishedAt && <span className="badge">{t("wasLive")}</span>}
                    </div>
                    <div className="muted small">
                      {version.approvedBy && t("approvedBy", { user: version.approvedBy.name })}
                      {version.approvedBy && version.publishedBy && " · "}
                      {version.publishedBy && t("publishedBy", { user: version.publishedBy.name })}
                    </div>
                  </td>
                  <td style={{ whiteSpace: "pre-wrap", maxWidth: 320 }}>{version.note}</td>
                  <td>{user(version.createdBy)}</td>
                  <td>{time(version.createdAt)}</td>
                  <td>
                    <div className="row" style={{ justifyContent: "flex-end", gap: 2 }}>
                      {!version.live && (
                        <Link className="button link" href={`${base}/compare?from=live&to=${encodeURIComponent(version.id)}`}>
                          {t("compareLive")}
                        </Link>
                      )}
                      {version.reviewId && (
                        <Link className="button link" href={`${base}/reviews/${encodeURIComponent(version.reviewId)}`}>
                          {t("openReview")}
                        </Link>
                      )}
                      {/* Publishing goes through the review's confirmation: what goes live, on which numbers. */}
                      {may.publish && !flow.deleted && version.status === "approved" && version.reviewId && (
                        <Link className="button primary" href={`${base}/reviews/${encodeURIComponent(version.reviewId)}#publish`} data-testid="publish-version">
                          {t("publish")}…
                        </Link>
                      )}
                      {may.rollback && !flow.deleted && !version.live && version.publishedAt && (
                        <button type="button" disabled={busy !== null} onClick={() => setRollbackOf(version)} data-testid="rollback-version">
                          {t("rollback")}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rollbackOf && (
        <div className="card stack" style={{ padding: 16 }} data-testid="rollback-confirm">
          <strong>{t("rollbackConfirm", { number: rollbackOf.number })}</strong>
          <label>
            {t("rollbackReason")}
            <input type="text" value={reason} onChange={(event) => setReason(event.target.value)} maxLength={500} />
          </label>
          <div className="row">
            <button type="button" onClick={() => setRollbackOf(null)}>
              {t("cancel")}
            </button>
            <button type="button" className="primary" disabled={busy !== null || reason.trim() === ""} title={reason.trim() === "" ? tReview("rollbackReasonRequired") : undefined} onClick={() => void changeLive("rollback", rollbackOf, reason.trim())} data-testid="rollback-confirm-button">
              {t("confirm")}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
