"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiRequest, type ApiError } from "@/components/api-request";
import { ErrorAlert } from "@/components/error-alert";
import type { Pretend } from "@/flows-runtime/pretend/pretend-schema";
import { CaseRunResult } from "./case-results";
import { EditCaseForm } from "./edit-case-form";
import type { HttpNodeChoice } from "./pretend-form";
import { runResponseSchema, type CaseRun, type SavedTestCase } from "./test-case-schemas";
import { useCaseRun } from "./use-case-run";

/**
 * One saved case: rerun it on the draft; for editors also load its settings into the test call, edit
 * it, delete it (after asking). Without `onUse` (a read-only viewer) only the rerun is offered.
 */
export function SavedCaseRow({
  flowId,
  testCase,
  onUse,
  onChanged,
  httpNodes,
  defaultTimeZone,
}: {
  flowId: string;
  testCase: SavedTestCase;
  onUse: ((pretend: Pretend) => void) | null;
  /** After an edit or a delete: the list is read again. */
  onChanged: () => void;
  httpNodes: readonly HttpNodeChoice[];
  defaultTimeZone: string;
}) {
  const t = useTranslations("testCases");
  const [started, setStarted] = useState<CaseRun | null>(testCase.lastRun ?? null);
  const [error, setError] = useState<ApiError | null>(null);
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const run = useCaseRun(flowId, started);
  const base = `/api/flows/${encodeURIComponent(flowId)}/test-cases/${encodeURIComponent(testCase.id)}`;

  const rerun = async () => {
    setError(null);
    const result = await apiRequest(`${base}/runs`, { method: "POST", body: {} });
    const parsed = result.ok ? runResponseSchema.safeParse(result.data) : null;
    if (parsed?.success) setStarted(parsed.data.run);
    else setError(result.ok ? { code: "internal_error", message: "Unexpected answer from the server." } : result.error);
  };
  const remove = async () => {
    const result = await apiRequest(base, { method: "DELETE" });
    setConfirmDelete(false);
    if (result.ok) onChanged();
    else setError(result.error);
  };

  return (
    <li className="saved-case" data-testid="saved-case" data-name={testCase.name}>
      <div className="row">
        <strong>{testCase.name}</strong>
        <button type="button" onClick={() => void rerun()} disabled={run?.status === "running"} data-testid="saved-case-run">
          {run?.status === "running" ? t("running") : t("run")}
        </button>
        {onUse !== null && (
          <>
            <button type="button" className="link" onClick={() => onUse(testCase.pretend)}>
              {t("use")}
            </button>
            <button type="button" className="link" onClick={() => setEditing(!editing)} aria-expanded={editing} data-testid="saved-case-edit">
              {t("edit")}
            </button>
            <button type="button" className="link danger" onClick={() => setConfirmDelete(true)} data-testid="saved-case-delete">
              {t("delete")}
            </button>
          </>
        )}
      </div>
      {confirmDelete && (
        <div className="row" role="alertdialog" aria-label={t("deleteConfirm", { name: testCase.name })} data-testid="saved-case-delete-confirm">
          <span>{t("deleteConfirm", { name: testCase.name })}</span>
          <button type="button" onClick={() => setConfirmDelete(false)}>
            {t("cancel")}
          </button>
          <button type="button" className="danger" onClick={() => void remove()} data-testid="saved-case-delete-yes">
            {t("delete")}
          </button>
        </div>
      )}
      {editing && <EditCaseForm flowId={flowId} testCase={testCase} httpNodes={httpNodes} defaultTimeZone={defaultTimeZone} onCancel={() => setEditing(false)} onSaved={onChanged} />}
      {run !== null && <CaseRunResult run={run} />}
      {error !== null && <ErrorAlert error={error} onDismiss={() => setError(null)} />}
    </li>
  );
}
