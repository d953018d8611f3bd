"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { FlowAction } from "@/app/_server/auth/permissions";
import type { FlowRow } from "./flow-row";
import { dateTimeFormat } from "@/components/date-format";

export type RowCommand = "rename" | "duplicate" | "delete" | "restore" | "entryPoints";

const shownEntryPoints = 3;

export function FlowTable({ flows, busyId, onCommand }: { flows: FlowRow[]; busyId: string | null; onCommand: (command: RowCommand, flow: FlowRow) => void }) {
  const t = useTranslations("flows.table");
  const tKinds = useTranslations("kinds");
  const format = useFormatter();

  return (
    <table className="data">
      <thead>
        <tr>
          <th>{t("name")}</th>
          <th>{t("kind")}</th>
          <th>{t("status")}</th>
          <th>{t("entryPoints")}</th>
          <th>{t("lastEdited")}</th>
          {flows.some((flow) => flow.latestCall !== undefined) && <th>{t("recentCalls")}</th>}
          <th>
            <span className="sr-only">{t("actions")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {flows.map((flow) => {
          const may = (action: FlowAction) => flow.allowed.includes(action);
          const deleted = flow.deletedAt !== null;
          const busy = busyId === flow.id;
          return (
            <tr key={flow.id} className={deleted ? "deleted" : undefined}>
              <td>{deleted ? flow.name : <Link href={`/flows/${encodeURIComponent(flow.id)}`}>{flow.name}</Link>}</td>
              <td>{tKinds(`${flow.kind}.name`)}</td>
              <td>
                {deleted ? (
                  <span className="badge deleted">{t("deleted")}</span>
                ) : flow.live ? (
                  <span className="badge live">{t("live", { number: flow.live.number })}</span>
                ) : (
                  <span className="badge">{t("draftOnly")}</span>
                )}
              </td>
              <td>
                {flow.entryPoints.length === 0 ? (
                  <span className="muted">—</span>
                ) : (
                  <span>
                    {flow.entryPoints
                      .slice(0, shownEntryPoints)
                      .map((entry) => entry.value)
                      .join(", ")}
                    {flow.entryPoints.length > shownEntryPoints && <span className="muted"> {t("more", { count: flow.entryPoints.length - shownEntryPoints })}</span>}
                  </span>
                )}
              </td>
              <td>
                <span title={format.dateTime(new Date(flow.updatedAt), dateTimeFormat)}>
                  {t("editedBy", {
                    user: flow.updatedBy?.name ?? t("unknownUser"),
                    time: format.dateTime(new Date(flow.updatedAt), dateTimeFormat),
                  })}
                </span>
              </td>
              {flow.latestCall !== undefined && (
                <td data-testid="flow-latest-call">
                  {flow.latestCall === null ? (
                    <span className="muted">{t("noCalls")}</span>
                  ) : (
                    <Link href={`/calls/${encodeURIComponent(flow.latestCall.id)}`}>{format.dateTime(new Date(flow.latestCall.startedAt), dateTimeFormat)}</Link>
                  )}
                  <div>
                    <Link className="small" href={`/calls?flowId=${encodeURIComponent(flow.id)}`} data-testid="flow-calls-link">
                      {t("calls")} →
                    </Link>
                  </div>
                </td>
              )}
              <td>
                <div className="row" style={{ justifyContent: "flex-end", gap: 2 }}>
                  {!deleted && (
                    <Link className="button" href={`/flows/${encodeURIComponent(flow.id)}`}>
                      {may("flow.editDraft") ? t("edit") : t("view")}
                    </Link>
                  )}
                  <Link className="button link" href={`/history/${encodeURIComponent(flow.id)}`}>
                    {t("history")}
                  </Link>
                  {/* only an IVR answers a number: app/_server/flows/callable-kind.ts */}
                  {flow.kind === "ivr" && (may("entryPoint.view") || may("entryPoint.edit")) && (
                    <button type="button" className="link" onClick={() => onCommand("entryPoints", flow)}>
                      {t("entryPointsAction")}
                    </button>
                  )}
                  {!deleted && may("flow.rename") && (
                    <button type="button" className="link" disabled={busy} onClick={() => onCommand("rename", flow)}>
                      {t("rename")}
                    </button>
                  )}
                  {!deleted && may("flow.duplicate") && (
                    <button type="button" className="link" disabled={busy} onClick={() => onCommand("duplicate", flow)}>
                      {t("duplicate")}
                    </button>
                  )}
                  {may("flow.export") && (
                    <a className="button link" href={`/api/flows/${encodeURIComponent(flow.id)}/export`} download>
                      {t("export")}
                    </a>
                  )}
                  {!deleted && may("flow.delete") && (
                    <button type="button" className="link danger" disabled={busy} onClick={() => onCommand("delete", flow)}>
                      {t("delete")}
                    </button>
                  )}
                  {deleted && may("flow.restore") && (
                    <button type="button" className="link" disabled={busy} onClick={() => onCommand("restore", flow)}>
                      {t("restore")}
                    </button>
                  )}
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
