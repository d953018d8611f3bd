"use client";

import { useLocale, useTranslations } from "next-intl";
import { lazy, Suspense, useMemo } from "react";
import { fieldLabel, messagesFor, nodeName, type FieldChange } from "@/flows-runtime/diff";
import { changeValues, diffLocale } from "./change-values";
import type { HighlightedField } from "./node-settings-review";

// The designer's form builder is loaded once a node is selected: the diff and canvas come first.
const NodeSettingsReview = lazy(() => import("./node-settings-review").then((module) => ({ default: module.NodeSettingsReview })));
import type { DiffViewData, ReviewComment } from "./diff-types";
import { CommentForm, CommentList } from "./review-comments";

/** One changed setting: its form label, then before → after as a reviewer reads values. */
function ChangeRow({ change, nodeType, before, after, none }: { change: FieldChange; nodeType: string; before: unknown; after: unknown; none: string }) {
  const locale = diffLocale(useLocale());
  const messages = messagesFor(locale);
  const label = fieldLabel(nodeType, change.path, before, after, locale);
  const [from, to] = changeValues(change, messages, none);
  return (
    <tr data-testid="field-change" data-path={change.jsonPath} data-field-label={label}>
      <td>{label}</td>
      <td className="diff-before">{from}</td>
      <td className="diff-after">{to}</td>
    </tr>
  );
}

const NO_HIGHLIGHTS: HighlightedField[] = [];

export interface PanelComments {
  list: ReviewComment[];
  canComment: boolean;
  onAdd: (nodeId: string | null, body: string) => Promise<boolean>;
}

/** What changed in one node: status, name, every settings field (before and after), its exits, and review comments. */
export function NodeDiffPanel({ data, nodeId, comments }: { data: DiffViewData; nodeId: string | null; comments: PanelComments | null }) {
  const t = useTranslations("diff");
  const locale = diffLocale(useLocale());
  const { flowDiff } = data;
  const changes = useMemo(() => flowDiff.diff.nodes.changed.find((entry) => entry.id === nodeId)?.changes ?? [], [flowDiff, nodeId]);
  const highlights = useMemo(() => {
    const node = flowDiff.after.nodes.find((candidate) => candidate.id === nodeId);
    const old = flowDiff.before.nodes.find((candidate) => candidate.id === nodeId);
    if (node === undefined || old === undefined) return [];
    const messages = messagesFor(locale);
    return changes.map((change) => {
      const [from, to] = changeValues(change, messages, t("none"));
      return { change, text: `${fieldLabel(node.type, change.path, old.data, node.data, locale)}${locale === "en" ? ": " : "："}${from} → ${to}` };
    });
  }, [changes, flowDiff, nodeId, locale, t]);
  if (nodeId === null) {
    return (
      <div className="card diff-panel stack" style={{ padding: 12 }} data-testid="node-diff-panel">
        <h2>{t("panelTitle")}</h2>
        <p className="muted" style={{ margin: 0 }}>
          {t("panelEmpty")}
        </p>
      </div>
    );
  }
  const { labels } = data;
  const { diff, before, after } = flowDiff;
  const oldNode = before.nodes.find((node) => node.id === nodeId);
  const newNode = after.nodes.find((node) => node.id === nodeId);
  const node = newNode ?? oldNode;
  const status = flowDiff.status.nodes[nodeId] ?? "unchanged";
  const typeName = (type: string | undefined) => (type === undefined ? "" : (labels.types[type] ?? type));
  const replaced = oldNode !== undefined && newNode !== undefined && oldNode.type !== newNode.type;
  const move = diff.nodes.moved.find((entry) => entry.id === nodeId);
  const rename = diff.nodes.renamed.find((entry) => entry.id === nodeId);
  const portName = (port: string) => labels.ports[nodeId]?.[port] ?? port;
  const targetName = (id: string): string => {
    const target = after.nodes.find((candidate) => candidate.id === id) ?? before.nodes.find((candidate) => candidate.id === id);
    return target === undefined ? id : nodeName(target);
  };
  const exits = [
    ...diff.edges.added.filter((edge) => edge.source === nodeId).map((edge) => t("exitAdded", { port: portName(edge.sourcePort), target: targetName(edge.target) })),
    ...diff.edges.removed.filter((edge) => edge.source === nodeId).map((edge) => t("exitRemoved", { port: portName(edge.sourcePort), target: targetName(edge.target) })),
    ...diff.edges.retargeted
      .filter((edge) => edge.source === nodeId)
      .map((edge) => t("exitRetargeted", { port: portName(edge.sourcePort), before: targetName(edge.before.target), after: targetName(edge.after.target) })),
  ];
  const nodeComments = comments?.list.filter((comment) => comment.nodeId === nodeId) ?? [];

  return (
    <div className="card diff-panel stack" style={{ padding: 12 }} data-testid="node-diff-panel" data-node-id={nodeId} data-status={status}>
      <div>
        <div className="muted small">{typeName(node?.type)}</div>
        <h2 style={{ margin: 0 }}>{node === undefined ? nodeId : nodeName(node)}</h2>
      </div>
      {replaced ? (
        <div>{t("nodeReplaced", { before: typeName(oldNode.type), after: typeName(newNode.type) })}</div>
      ) : status === "added" ? (
        <div className="diff-after">{t("nodeAdded")}</div>
      ) : status === "removed" ? (
        <div className="diff-before">{t("nodeRemoved")}</div>
      ) : move ? (
        <div>{t("nodeMoved", { fromX: Math.round(move.before.x), fromY: Math.round(move.before.y), toX: Math.round(move.after.x), toY: Math.round(move.after.y) })}</div>
      ) : status === "unchanged" ? (
        <div className="muted">{t("nodeUnchanged")}</div>
      ) : null}
      {(rename || changes.length > 0) && (
        <table>
          <thead>
            <tr>
              <th>{t("field")}</th>
              <th>{t("before")}</th>
              <th>{t("after")}</th>
            </tr>
          </thead>
          <tbody>
            {rename && (
              <tr data-testid="field-change" data-path="label">
                <td>{t("renamed")}</td>
                <td className="diff-before">{rename.before ?? t("none")}</td>
                <td className="diff-after">{rename.after ?? t("none")}</td>
              </tr>
            )}
            {changes.map((change) => (
              <ChangeRow key={change.jsonPath + change.kind} change={change} nodeType={newNode?.type ?? ""} before={oldNode?.data} after={newNode?.data} none={t("none")} />
            ))}
          </tbody>
        </table>
      )}
      {node && (
        <details open={status !== "unchanged" && status !== "moved"} data-testid="review-settings-details">
          <summary>{t("settings")}</summary>
          <Suspense fallback={<div className="muted small">{t("settings")}…</div>}>
            <NodeSettingsReview node={node} changes={status === "changed" && !replaced ? highlights : NO_HIGHLIGHTS} />
          </Suspense>
        </details>
      )}
      {exits.length > 0 && (
        <div>
          <strong>{t("exits")}</strong>
          <ul className="diff-summary">
            {exits.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {comments && (
        <div className="stack" style={{ gap: 6 }}>
          <strong>{t("comments")}</strong>
          {nodeComments.length === 0 ? <div className="muted small">{t("noComments")}</div> : <CommentList comments={nodeComments} />}
          {comments.canComment && <CommentForm placeholder={t("commentPlaceholder")} onSubmit={(body) => comments.onAdd(nodeId, body)} />}
        </div>
      )}
    </div>
  );
}
