"use client";

import { useTranslations } from "next-intl";
import type { CaseContent } from "./test-case-schemas";

const outcomeKinds = ["", "completed", "transferred", "caller-hangup", "failed"] as const;
export type OutcomeChoice = (typeof outcomeKinds)[number];
export const isOutcomeChoice = (value: string): value is OutcomeChoice => outcomeKinds.some((kind) => kind === value);

/** The expectations as typed: the path's nodes one per line, the outcome ("" for any) and its target. */
export interface ExpectationState {
  mode: "passes-through" | "exact";
  nodes: string;
  outcome: OutcomeChoice;
  target: string;
}

export const emptyExpectations: ExpectationState = { mode: "passes-through", nodes: "", outcome: "", target: "" };

export function expectationsFromState(state: ExpectationState): CaseContent["expectations"] {
  const pathNodes = state.nodes.split("\n").map((line) => line.trim()).filter((line) => line !== "");
  return {
    path: pathNodes.length === 0 ? null : { mode: state.mode, nodes: pathNodes },
    outcome: state.outcome === "" ? null : { kind: state.outcome, ...(state.outcome === "transferred" && state.target.trim() !== "" ? { target: state.target.trim() } : {}) },
  };
}

export function stateFromExpectations(expectations: CaseContent["expectations"]): ExpectationState {
  return {
    mode: expectations.path?.mode ?? "passes-through",
    nodes: (expectations.path?.nodes ?? []).join("\n"),
    outcome: expectations.outcome?.kind ?? "",
    target: expectations.outcome?.target ?? "",
  };
}

/** The path and outcome a test case expects; `testId` prefixes each control's test id. */
export function ExpectationFields({ value, onChange, testId }: { value: ExpectationState; onChange: (next: ExpectationState) => void; testId: string }) {
  const t = useTranslations("testCases");
  const set = (patch: Partial<ExpectationState>) => onChange({ ...value, ...patch });
  return (
    <>
      <label>
        {t("pathMode")}
        <select value={value.mode} onChange={(event) => set({ mode: event.target.value === "exact" ? "exact" : "passes-through" })} data-testid={`${testId}-mode`}>
          <option value="passes-through">{t("modes.passes-through")}</option>
          <option value="exact">{t("modes.exact")}</option>
        </select>
      </label>
      <label>
        {t("pathNodes")}
        <textarea rows={4} value={value.nodes} placeholder={t("pathNodesHint")} onChange={(event) => set({ nodes: event.target.value })} data-testid={`${testId}-nodes`} />
      </label>
      <label>
        {t("outcome")}
        <select value={value.outcome} onChange={(event) => isOutcomeChoice(event.target.value) && set({ outcome: event.target.value })} data-testid={`${testId}-outcome`}>
          <option value="">{t("outcomes.any")}</option>
          <option value="completed">{t("outcomes.completed")}</option>
          <option value="transferred">{t("outcomes.transferred")}</option>
          <option value="caller-hangup">{t("outcomes.caller-hangup")}</option>
          <option value="failed">{t("outcomes.failed")}</option>
        </select>
      </label>
      {value.outcome === "transferred" && (
        <label>
          {t("target")}
          <input value={value.target} placeholder={t("targetHint")} onChange={(event) => set({ target: event.target.value })} data-testid={`${testId}-target`} />
        </label>
      )}
    </>
  );
}
