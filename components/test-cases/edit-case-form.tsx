"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiRequest, type ApiError } from "@/components/api-request";
import { ErrorAlert } from "@/components/error-alert";
import { ExpectationFields, expectationsFromState, stateFromExpectations, type ExpectationState } from "./expectation-fields";
import { PretendForm, type HttpNodeChoice } from "./pretend-form";
import { formFromPretend, pretendFromForm, type PretendFormState } from "./pretend-state";
import type { SavedTestCase } from "./test-case-schemas";

/** Changes a saved case's name, what it pretends and what it expects; the keys it presses stay. */
export function EditCaseForm({
  flowId,
  testCase,
  httpNodes,
  defaultTimeZone,
  onSaved,
  onCancel,
}: {
  flowId: string;
  testCase: SavedTestCase;
  httpNodes: readonly HttpNodeChoice[];
  defaultTimeZone: string;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations("testCases");
  const [name, setName] = useState(testCase.name);
  const [pretend, setPretend] = useState<PretendFormState>(() => formFromPretend(testCase.pretend, defaultTimeZone));
  const [expectations, setExpectations] = useState<ExpectationState>(() => stateFromExpectations(testCase.expectations));
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setError(null);
    const parsed = pretendFromForm(pretend);
    if (!parsed.ok) {
      setError({ code: "invalid_input", message: t("badPretend"), fields: [{ field: `pretend.${parsed.field}`, message: t("notJson") }] });
      return;
    }
    setBusy(true);
    const body = { name, pretend: parsed.pretend, inputs: testCase.inputs, expectations: expectationsFromState(expectations) };
    const result = await apiRequest(`/api/flows/${encodeURIComponent(flowId)}/test-cases/${encodeURIComponent(testCase.id)}`, { method: "PUT", body });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    onSaved();
  };

  return (
    <div className="save-case edit-case stack" data-testid="edit-case">
      <label>
        {t("name")}
        <input value={name} onChange={(event) => setName(event.target.value)} data-testid="edit-case-name" />
      </label>
      <PretendForm value={pretend} onChange={setPretend} httpNodes={httpNodes} open />
      <p className="field-help">{t("editInputs", { count: testCase.inputs.length })}</p>
      <ExpectationFields value={expectations} onChange={setExpectations} testId="edit-case" />
      <div className="row">
        <button type="button" onClick={onCancel} disabled={busy}>
          {t("cancel")}
        </button>
        <button type="button" className="primary" onClick={() => void save()} disabled={busy} data-testid="edit-case-save">
          {t("saveChanges")}
        </button>
      </div>
      {error !== null && <ErrorAlert error={error} onDismiss={() => setError(null)} />}
    </div>
  );
}
