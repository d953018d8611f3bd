"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { CallDetailStep } from "@/app/_server/calls/get-call";
import { stepName } from "./step-names";

/** The HTTP requests the call made: method, URL (secrets stay placeholders), status and duration; a test case's canned answer is marked as not sent. */
export function CallHttp({ steps }: { steps: CallDetailStep[] }) {
  const t = useTranslations("calls.detail");
  const format = useFormatter();
  const locale = useLocale();
  const requests = steps.flatMap((step) => (step.http === null ? [] : [{ step, http: step.http }]));
  return (
    <section className="card call-section" data-testid="call-http">
      <h2>{t("http")}</h2>
      {requests.length === 0 ? (
        <div className="muted">{t("noHttp")}</div>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th>{t("step")}</th>
              <th>{t("status")}</th>
              <th>{t("took")}</th>
            </tr>
          </thead>
          <tbody>
            {requests.map(({ step, http }) => (
              <tr key={step.seq} data-testid="call-http-row" data-ok={http.ok ? "yes" : "no"} data-canned={http.canned ? "yes" : "no"}>
                <td>
                  <div>{stepName(step, locale)}</div>
                  <code className="small" style={{ wordBreak: "break-all" }}>
                    {http.method} {http.url}
                  </code>
                  {http.error !== null && <div className="step-error small">{http.error}</div>}
                </td>
                <td>
                  <span className={`badge ${http.ok ? "outcome-completed" : "outcome-failed"}`}>{http.status ?? t("noStatus")}</span>
                  {http.canned && (
                    <div className="small muted" data-testid="call-http-canned">
                      {t("cannedHttp")}
                    </div>
                  )}
                </td>
                <td>{t("tookMs", { ms: format.number(http.durationMs) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
