"use client";

import { useTranslations } from "next-intl";
import type { FieldChange } from "@/flows-runtime/diff";
import type { DiffViewData, ReviewComment } from "./diff-types";
import { CommentForm, CommentList } from "./review-comments";

function show(value: unknown): string {
  if (value === undefined) return "";
  const text = typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value, null, 1);
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

function ChangeRow({ change, none }: { change: FieldChange; none: string }) {
  const before = change.kind === "added" ? none : show(change.before);
  const after = change.kind === "removed" ? none : show(change.after);
  return (
    <tr data-testid="field-change" data-path={change.jsonPath}>
      <td>
        <code>{change.jsonPath}</code>
      </td>
      <td className="diff-before">{before}</td>
      <td className="diff-after">{after}</td>
    </tr>
  );
}

export interface PanelComments {
  list: ReviewComment[];
  canComment: boolean;
  onAdd: (nodeId: string | null, body: string) => Promise<boolean>;
}

/** What changed in one node: status, name, every settings field (before and after), its exits, and review comments. */
export function NodeDiffPanel({ data, nodeId, comments }: { data: DiffViewData; nodeId: string | null; comments: PanelComments | null }) {
  const t = useTranslations("diff");
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
  const { flowDiff, labels } = data;
  const { diff, before, after } = flowDiff;
  const oldNode = before.nodes.find((node) => node.id === nodeId);
  const newNode = after.nodes.find((node) => node.id === nodeId);
  const node = newNode ?? oldNode;
  const status = flowDiff.status.nodes[nodeId] ?? "unchanged";
  const typeName = (type: string | undefined) => (type === undefined ? "" : (labels.types[type] ?? type));
  const replaced = oldNode !== undefined && newNode !== undefined && oldNode.type !== newNode.type;
  const move = diff.nodes.moved.find((entry) => entry.id === nodeId);
  const rename = diff.nodes.renamed.find((entry) => entry.id === nodeId);
  const changes = diff.nodes.changed.find((entry) => entry.id === nodeId)?.changes ?? [];
  const portName = (port: string) => labels.ports[nodeId]?.[port] ?? port;
  const nodeName = (id: string) => {
    const target = after.nodes.find((candidate) => candidate.id === id) ?? before.nodes.find((candidate) => candidate.id === id);
    return target?.label || id;
  };
  const exits = [
    ...diff.edges.added.filter((edge) => edge.source === nodeId).map((edge) => t("exitAdded", { port: portName(edge.sourcePort), target: nodeName(edge.target) })),
    ...diff.edges.removed.filter((edge) => edge.source === nodeId).map((edge) => t("exitRemoved", { port: portName(edge.sourcePort), target: nodeName(edge.target) })),
    ...diff.edges.retargeted
      .filter((edge) => edge.source === nodeId)
      .map((edge) => t("exitRetargeted", { port: portName(edge.sourcePort), before: nodeName(edge.before.target), after: nodeName(edge.after.target) })),
  ];
  const nodeComments = comments?.list.filter((comment) => comment.nodeId === nodeId) ?? [];

  return (
    <div className="card diff-panel stack" style={{ padding: 12 }} data-testid="node-diff-panel" data-node-id={nodeId} data-status={status}>
      <div>
        <div className="muted small">{typeName(node?.type)}</div>
        <h2 style={{ margin: 0 }}>{node?.label || nodeId}</h2>
        <div className="muted small">
          <code>{nodeId}</code>
        </div>
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
              <ChangeRow key={change.jsonPath + change.kind} change={change} none={t("none")} />
            ))}
          </tbody>
        </table>
      )}
      {(status === "added" || status === "removed") && !replaced && node && (
        <details>
          <summary>{t("settings")}</summary>
          <pre className="small" style={{ whiteSpace: "pre-wrap", margin: 0 }}>
            {JSON.stringify(node.data, null, 2)}
          </pre>
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
