"use client";

import "./test-cases.css";
import { useTranslations } from "next-intl";
import type { CaseResult, CaseRun } from "./test-case-schemas";

function useOutcomeText() {
  const t = useTranslations("testCases.outcomes");
  return (kind: string | null, target: string | null | undefined): string => {
    if (kind === "transferred") return target ? t("transferredTo", { target }) : t("transferred");
    if (kind === "completed" || kind === "caller-hangup" || kind === "failed" || kind === "step-limit") return t(kind);
    return t("none");
  };
}

function ResultLine({ result }: { result: CaseResult }) {
  const t = useTranslations("testCases.results");
  const outcome = useOutcomeText();
  const path = (nodes: readonly string[]) => nodes.join(" → ");
  let text: string;
  if (result.kind === "path") {
    const missing = result.mismatchAt === null ? "" : (result.expected[result.mismatchAt] ?? "");
    if (result.ok) text = result.mode === "exact" ? t("pathExactOk") : t("pathThroughOk", { nodes: path(result.expected) });
    else if (result.mode === "exact") text = missing === "" ? t("pathExactLonger", { expected: path(result.expected) }) : t("pathExactFailed", { node: missing, expected: path(result.expected) });
    else text = t("pathThroughFailed", { node: missing });
  } else {
    const expected = outcome(result.expected.kind, result.expected.target);
    text = result.ok ? t("outcomeOk", { outcome: expected }) : t("outcomeFailed", { expected, actual: outcome(result.actual.kind, result.actual.target) });
  }
  return (
    <li className={result.ok ? "result-ok" : "result-failed"} data-testid="case-result" data-ok={result.ok}>
      <span aria-hidden="true">{result.ok ? "✓ " : "✗ "}</span>
      {text}
      {result.kind === "path" && !result.ok && <div className="muted small">{t("actualPath", { path: path(result.actual) })}</div>}
    </li>
  );
}

/** A run's status and, once decided, each expectation: which held and which did not. */
export function CaseRunResult({ run }: { run: CaseRun }) {
  const t = useTranslations("testCases");
  return (
    <div className="case-run" data-testid="case-run" data-status={run.status}>
      <span className={`badge run-${run.status}`} data-testid="case-run-status">
        {t(`status.${run.status}`)}
      </span>
      {run.error !== null && <span className="muted small"> {t(`runErrors.${run.error}`)}</span>}
      {run.results.length > 0 && (
        <ul className="case-results">
          {run.results.map((result, index) => (
            <ResultLine key={index} result={result} />
          ))}
        </ul>
      )}
    </div>
  );
}
