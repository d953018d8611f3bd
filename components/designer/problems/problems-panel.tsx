"use client";

import { useLocale, useTranslations } from "next-intl";
import { formatIssue } from "@/flows-runtime/i18n/format-issue";
import { useRevealNode } from "../canvas/use-reveal-node";
import { useDesignerUi } from "../store/designer-ui-context";

/** Every problem in the flow, errors first; clicking one shows the node and the setting to fix. */
export function ProblemsPanel() {
  const locale = useLocale();
  const t = useTranslations("designer.problems");
  const validation = useDesignerUi((state) => state.validation);
  const reveal = useRevealNode();
  if (validation === null) return <p className="panel-empty">{t("checking")}</p>;
  const issues = [...validation.issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  if (issues.length === 0) return <p className="panel-empty ok" data-testid="no-problems">{t("none")}</p>;
  return (
    <ul className="problems" data-testid="problems">
      {issues.map((issue, index) => {
        const nodeId = issue.nodeId;
        return (
          <li key={`${issue.code}:${issue.nodeId ?? ""}:${index}`} className={issue.severity}>
            <span className={`badge ${issue.severity}`}>{t(issue.severity)}</span>
            {nodeId === null ? (
              <span className="problem-text">{formatIssue(issue, locale)}</span>
            ) : (
              <button type="button" className="problem-text link" data-testid="problem" data-node-id={nodeId} onClick={() => reveal(nodeId, issue.path)}>
                {formatIssue(issue, locale)}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
