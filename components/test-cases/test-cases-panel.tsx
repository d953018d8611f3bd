"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { apiRequest, type ApiError } from "@/components/api-request";
import { ErrorAlert } from "@/components/error-alert";
import type { Pretend } from "@/flows-runtime/pretend/pretend-schema";
import type { PretendFromForm } from "./pretend-state";
import { SavedCaseRow } from "./saved-case-row";
import { listResponseSchema, type SavedTestCase } from "./test-case-schemas";

const outcomeKinds = ["", "completed", "transferred", "caller-hangup", "failed"] as const;
type OutcomeChoice = (typeof outcomeKinds)[number];
const isOutcomeChoice = (value: string): value is OutcomeChoice => outcomeKinds.some((kind) => kind === value);

export interface LastCall {
  /** Node labels (or ids) in the order the call visited them. */
  path: string[];
  outcome: string | null;
}

/**
 * Saved test cases of the flow: save what this test call pretends and the keys pressed, with the
 * path and outcome it must have; rerun any case on the draft and see which expectation failed.
 */
export function TestCasesPanel({
  flowId,
  pretend,
  inputs,
  lastCall,
  onUse,
}: {
  flowId: string;
  pretend: PretendFromForm;
  inputs: { afterPrompt: number; keys: string }[];
  lastCall: LastCall | null;
  onUse: (pretend: Pretend) => void;
}) {
  const t = useTranslations("testCases");
  const [cases, setCases] = useState<SavedTestCase[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [name, setName] = useState("");
  const [mode, setMode] = useState<"passes-through" | "exact">("passes-through");
  const [nodes, setNodes] = useState("");
  const [outcome, setOutcome] = useState<OutcomeChoice>("");
  const [target, setTarget] = useState("");
  const base = `/api/flows/${encodeURIComponent(flowId)}/test-cases`;

  const load = useCallback(async () => {
    const result = await apiRequest(base);
    const parsed = result.ok ? listResponseSchema.safeParse(result.data) : null;
    if (parsed?.success) setCases(parsed.data.testCases);
  }, [base]);
  useEffect(() => void load(), [load]);

  const fromLastCall = () => {
    if (lastCall === null) return;
    setNodes(lastCall.path.join("\n"));
    setMode("exact");
    if (lastCall.outcome !== null && isOutcomeChoice(lastCall.outcome)) setOutcome(lastCall.outcome);
  };

  const save = async () => {
    setError(null);
    if (!pretend.ok) {
      setError({ code: "invalid_input", message: t("badPretend"), fields: [{ field: `pretend.${pretend.field}`, message: t("notJson") }] });
      return;
    }
    const pathNodes = nodes.split("\n").map((line) => line.trim()).filter((line) => line !== "");
    const body = {
      name,
      pretend: pretend.pretend,
      inputs,
      expectations: {
        path: pathNodes.length === 0 ? null : { mode, nodes: pathNodes },
        outcome: outcome === "" ? null : { kind: outcome, ...(outcome === "transferred" && target.trim() !== "" ? { target: target.trim() } : {}) },
      },
    };
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
            <SavedCaseRow key={`${testCase.id}:${testCase.updatedAt}`} flowId={flowId} testCase={testCase} onUse={onUse} onDeleted={() => void load()} />
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
        <label>
          {t("pathMode")}
          <select value={mode} onChange={(event) => setMode(event.target.value === "exact" ? "exact" : "passes-through")} data-testid="save-case-mode">
            <option value="passes-through">{t("modes.passes-through")}</option>
            <option value="exact">{t("modes.exact")}</option>
          </select>
        </label>
        <label>
          {t("pathNodes")}
          <textarea rows={4} value={nodes} placeholder={t("pathNodesHint")} onChange={(event) => setNodes(event.target.value)} data-testid="save-case-nodes" />
        </label>
        <label>
          {t("outcome")}
          <select value={outcome} onChange={(event) => isOutcomeChoice(event.target.value) && setOutcome(event.target.value)} data-testid="save-case-outcome">
            <option value="">{t("outcomes.any")}</option>
            <option value="completed">{t("outcomes.completed")}</option>
            <option value="transferred">{t("outcomes.transferred")}</option>
            <option value="caller-hangup">{t("outcomes.caller-hangup")}</option>
            <option value="failed">{t("outcomes.failed")}</option>
          </select>
        </label>
        {outcome === "transferred" && (
          <label>
            {t("target")}
            <input value={target} placeholder={t("targetHint")} onChange={(event) => setTarget(event.target.value)} data-testid="save-case-target" />
          </label>
        )}
        <button type="button" className="primary" onClick={() => void save()} data-testid="save-case-submit">
          {t("save")}
        </button>
        {error !== null && <ErrorAlert error={error} onDismiss={() => setError(null)} />}
      </details>
    </section>
  );
}
