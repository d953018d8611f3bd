"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiRequest, type ApiError } from "@/components/api-request";
import { ErrorAlert } from "@/components/error-alert";
import type { Pretend } from "@/flows-runtime/pretend/pretend-schema";
import { emptyExpectations, ExpectationFields, expectationsFromState, isOutcomeChoice, type ExpectationState } from "./expectation-fields";
import type { HttpNodeChoice } from "./pretend-form";
import type { PretendFromForm } from "./pretend-state";
import { SavedCaseRow } from "./saved-case-row";
import { useSavedCases } from "./use-saved-cases";

export interface LastCall {
  /** Node labels (or ids) in the order the call visited them. */
  path: string[];
  outcome: string | null;
}

/**
 * Saved test cases of the flow: save what this test call pretends and the keys pressed, with the
 * path and outcome it must have; rerun any case on the draft and see which expectation failed; edit
 * or delete a case.
 */
export function TestCasesPanel({
  flowId,
  pretend,
  inputs,
  lastCall,
  onUse,
  httpNodes,
  defaultTimeZone,
}: {
  flowId: string;
  pretend: PretendFromForm;
  inputs: { afterPrompt: number; keys: string }[];
  lastCall: LastCall | null;
  onUse: (pretend: Pretend) => void;
  httpNodes: readonly HttpNodeChoice[];
  defaultTimeZone: string;
}) {
  const t = useTranslations("testCases");
  const { cases, reload: load } = useSavedCases(flowId);
  const [error, setError] = useState<ApiError | null>(null);
  const [name, setName] = useState("");
  const [expectations, setExpectations] = useState<ExpectationState>(emptyExpectations);
  const base = `/api/flows/${encodeURIComponent(flowId)}/test-cases`;

  const fromLastCall = () => {
    if (lastCall === null) return;
    const outcome = lastCall.outcome !== null && isOutcomeChoice(lastCall.outcome) ? lastCall.outcome : expectations.outcome;
    setExpectations({ ...expectations, nodes: lastCall.path.join("\n"), mode: "exact", outcome });
  };

  const save = async () => {
    setError(null);
    if (!pretend.ok) {
      setError({ code: "invalid_input", message: t("badPretend"), fields: [{ field: `pretend.${pretend.field}`, message: t("notJson") }] });
      return;
    }
    const body = { name, pretend: pretend.pretend, inputs, expectations: expectationsFromState(expectations) };
    const result = await apiRequest(base, { method: "POST", body });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setName("");
    await load();
  };

  return (
    <section className="test-cases" data-testid="test-cases">
      <h3>{t("title")}</h3>
      {cases.length === 0 ? (
        <p className="muted small">{t("none")}</p>
      ) : (
        <ul className="saved-cases">
          {cases.map((testCase) => (
            <SavedCaseRow
              key={`${testCase.id}:${testCase.updatedAt}`}
              flowId={flowId}
              testCase={testCase}
              onUse={onUse}
              onChanged={() => void load()}
              httpNodes={httpNodes}
              defaultTimeZone={defaultTimeZone}
            />
          ))}
        </ul>
      )}
      <details className="save-case" data-testid="save-case">
        <summary>{t("saveTitle")}</summary>
        <p className="field-help">{t("saveIntro", { count: inputs.length })}</p>
        <label>
          {t("name")}
          <input value={name} onChange={(event) => setName(event.target.value)} data-testid="save-case-name" />
        </label>
        {lastCall !== null && (
          <button type="button" className="link" onClick={fromLastCall} data-testid="save-case-from-call">
            {t("fromLastCall")}
          </button>
        )}
        <ExpectationFields value={expectations} onChange={setExpectations} testId="save-case" />
        <button type="button" className="primary" onClick={() => void save()} data-testid="save-case-submit">
          {t("save")}
        </button>
        {error !== null && <ErrorAlert error={error} onDismiss={() => setError(null)} />}
      </details>
    </section>
  );
}
