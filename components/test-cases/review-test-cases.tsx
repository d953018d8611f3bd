"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { apiRequest } from "@/components/api-request";
import { CaseRunResult } from "./case-results";
import { reviewRunsResponseSchema, type CaseRun } from "./test-case-schemas";

const POLL_MS = 1500;

/** The flow's saved test cases as they ran on the candidate at submission: which pass and which fail. */
export function ReviewTestCases({ flowId, reviewId }: { flowId: string; reviewId: string }) {
  const t = useTranslations("testCases.review");
  const [runs, setRuns] = useState<CaseRun[] | null>(null);
  const running = runs?.some((run) => run.status === "running") ?? true;
  useEffect(() => {
    if (!running) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const poll = async () => {
      const result = await apiRequest(`/api/flows/${encodeURIComponent(flowId)}/reviews/${encodeURIComponent(reviewId)}/test-cases`);
      if (stopped) return;
      const parsed = result.ok ? reviewRunsResponseSchema.safeParse(result.data) : null;
      if (parsed?.success) {
        setRuns(parsed.data.runs);
        if (!parsed.data.runs.some((run) => run.status === "running")) return;
      }
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
    };
  }, [flowId, reviewId, running]);

  if (runs === null) return null;
  const passed = runs.filter((run) => run.status === "passed").length;
  const notPassed = runs.filter((run) => run.status === "failed" || run.status === "error").length;
  return (
    <section className="card review-test-cases" style={{ padding: 16 }} data-testid="review-test-cases">
      <h2>{t("title")}</h2>
      {runs.length === 0 ? (
        <p className="muted small">{t("none")}</p>
      ) : (
        <>
          <p className={notPassed > 0 ? "alert warning" : "muted small"} data-testid="review-test-cases-summary">
            {t("summary", { passed, total: runs.length, failed: notPassed })}
          </p>
          <ul className="saved-cases">
            {runs.map((run) => (
              <li key={run.id} data-testid="review-case" data-name={run.testCase.name} data-status={run.status}>
                <strong>{run.testCase.name}</strong>
                <CaseRunResult run={run} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
