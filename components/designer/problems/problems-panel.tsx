"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { formatIssue } from "@/flows-runtime/i18n/format-issue";
import { useRevealNode } from "../canvas/use-reveal-node";
import { useEditor } from "../store/editor-context";
import { useDesignerUi } from "../store/designer-ui-context";
import { problemTarget } from "./problem-target";

/** Every problem in the flow, errors first; clicking one shows the node (or the connection's node) and the setting to fix. */
export function ProblemsPanel() {
  const locale = useLocale();
  const t = useTranslations("designer.problems");
  const validation = useDesignerUi((state) => state.validation);
  // Ids only (a string, so dragging a node does not re-render the list).
  const nodeIdList = useEditor((state) => state.nodes.map((node) => node.id).join("\n"));
  const edges = useEditor((state) => state.edges);
  const nodeIds = useMemo(() => new Set(nodeIdList === "" ? [] : nodeIdList.split("\n")), [nodeIdList]);
  const reveal = useRevealNode();
  if (validation === null) return <p className="panel-empty">{t("checking")}</p>;
  const issues = [...validation.issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  if (issues.length === 0) return <p className="panel-empty ok" data-testid="no-problems">{t("none")}</p>;
  return (
    <ul className="problems" data-testid="problems">
      {issues.map((issue, index) => {
        const target = problemTarget(issue, nodeIds, edges);
        return (
          <li key={`${issue.code}:${issue.nodeId ?? ""}:${issue.edgeId ?? ""}:${index}`} className={issue.severity}>
            <span className={`badge ${issue.severity}`}>{t(issue.severity)}</span>
            {target === null ? (
              <span className="problem-text">{formatIssue(issue, locale)}</span>
            ) : (
              <button
                type="button"
                className="problem-text link"
                data-testid="problem"
                data-node-id={target.nodeId}
                data-edge-id={issue.edgeId ?? undefined}
                title={issue.nodeId === null ? t("showConnection") : undefined}
                onClick={() => reveal(target.nodeId, target.path)}
              >
                {formatIssue(issue, locale)}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
