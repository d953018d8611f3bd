"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { CallDetailStep } from "@/app/_server/calls/get-call";
import { callTimeFormat } from "./date-format";
import { exitName, offsetSeconds, stepName } from "./step-names";

const show = (value: unknown): string => (typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? "null"));

/** The step trace: when each node ran (seconds after the call started), keys, exit, duration, prompts and variable changes. */
export function CallTrace({ steps, startedAt }: { steps: CallDetailStep[]; startedAt: string }) {
  const t = useTranslations("calls.detail");
  const tCalls = useTranslations("calls");
  const format = useFormatter();
  const locale = useLocale();
  return (
    <ol className="call-trace" data-testid="call-trace">
      {steps.map((step) => {
        const changes = Object.entries(step.varsChanged);
        return (
          <li key={step.seq} data-testid="call-step" data-node-id={step.nodeId} data-node-type={step.nodeType}>
            <div className="step-head">
              <span className="step-time" title={format.dateTime(new Date(step.enteredAt), callTimeFormat)}>
                +{tCalls("seconds", { value: format.number(offsetSeconds(step.enteredAt, startedAt), { minimumFractionDigits: 1, maximumFractionDigits: 1 }) })}
              </span>
              <span className="step-name">{stepName(step, locale)}</span>
              {step.subflowId !== null && <span className="muted">{t("inSubflow", { name: step.subflowName ?? step.subflowId })}</span>}
              {step.input !== null && step.input !== "" && <span data-testid="step-input">{t("inputKeys", { keys: step.input })}</span>}
              {step.port !== null && <span>→ {t("exitTo", { exit: exitName(step.port, locale) })}</span>}
              <span className="muted">{t("tookMs", { ms: format.number(step.durationMs) })}</span>
            </div>
            {step.error !== null && <div className="step-error">{step.error}</div>}
            {step.heard.length > 0 && (
              <ul className="step-heard" data-testid="step-heard">
                {step.heard.map((prompt, index) => (
                  <li key={index}>{prompt.items.map((item) => item.text).join(" ")}</li>
                ))}
              </ul>
            )}
            {changes.length > 0 && (
              <div className="step-vars">
                <span className="muted">{t("changes")} </span>
                {changes.map(([name, change]) => (
                  <code key={name} style={{ marginRight: 8 }}>
                    {name}: {show(change.before)} → {show(change.after)}
                  </code>
                ))}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
