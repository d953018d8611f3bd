"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState, useTransition } from "react";
import type { FlowKind } from "@/flows-runtime/graph/schema";
import { apiRequest, type ApiError } from "../api-request";
import { ErrorAlert } from "../error-alert";
import { CreateFlowDialog } from "./create-flow-dialog";
import { EntryPointsDialog } from "./entry-points-dialog";
import { FlowFilters, type FlowQuery } from "./flow-filters";
import type { FlowRow, KindOption } from "./flow-row";
import { FlowTable, type RowCommand } from "./flow-table";
import { ImportFlowButton } from "./import-flow-button";
import { RenameFlowDialog } from "./rename-flow-dialog";

type OpenDialog = { type: "create" } | { type: "rename"; flow: FlowRow } | { type: "entryPoints"; flow: FlowRow } | null;
type Notice = { text: string; undoFlowId?: string } | null;

const undoSeconds = 10;

export interface FlowsViewProps {
  flows: FlowRow[];
  kinds: KindOption[];
  filterKinds: FlowKind[];
  query: FlowQuery;
  canCreate: boolean;
  canImport: boolean;
  showDeletedToggle: boolean;
  limitReached: boolean;
}

/** The flow list's interactive part; data comes from the server page and is re-fetched with router.refresh(). */
export function FlowsView({ flows, kinds, filterKinds, query, canCreate, canImport, showDeletedToggle, limitReached }: FlowsViewProps) {
  const t = useTranslations("flows");
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), undoSeconds * 1000);
    return () => clearTimeout(timer);
  }, [notice]);

  const refresh = () => startTransition(() => router.refresh());

  async function mutate(flow: FlowRow, url: string, method: string, body: unknown, success: Notice) {
    setBusyId(flow.id);
    setError(null);
    const result = await apiRequest(url, { method, body });
    setBusyId(null);
    if (!result.ok) return setError(result.error);
    setNotice(success);
    refresh();
  }

  function onCommand(command: RowCommand, flow: FlowRow) {
    const base = `/api/flows/${encodeURIComponent(flow.id)}`;
    switch (command) {
      case "rename":
      case "entryPoints":
        return setDialog({ type: command, flow });
      case "duplicate":
        return void mutate(flow, `${base}/duplicate`, "POST", { name: t("copyName", { name: flow.name }).slice(0, 200) }, { text: t("notices.duplicated", { name: flow.name }) });
      case "delete":
        return void mutate(flow, base, "DELETE", undefined, { text: t("notices.deleted", { name: flow.name }), undoFlowId: flow.id });
      case "restore":
        return void mutate(flow, `${base}/restore`, "POST", undefined, { text: t("notices.restored", { name: flow.name }) });
    }
  }

  async function undoDelete(flowId: string) {
    setNotice(null);
    const result = await apiRequest(`/api/flows/${encodeURIComponent(flowId)}/restore`, { method: "POST" });
    if (!result.ok) return setError(result.error);
    refresh();
  }

  return (
    <div className="stack">
      <div className="row">
        <h1>{t("title")}</h1>
        <span className="spacer" />
        {canImport && (
          <ImportFlowButton
            onError={setError}
            onImported={(flow) => {
              setError(null);
              setNotice({ text: t("notices.imported", { name: flow.name }) });
              refresh();
            }}
          />
        )}
        {canCreate && (
          <button type="button" className="primary" onClick={() => setDialog({ type: "create" })}>
            {t("newFlow")}
          </button>
        )}
      </div>
      <FlowFilters query={query} kinds={filterKinds} showDeletedToggle={showDeletedToggle} />
      {error && <ErrorAlert error={error} onDismiss={() => setError(null)} />}
      <div className="card">
        {flows.length === 0 ? (
          <p className="muted" style={{ padding: 24, margin: 0, textAlign: "center" }}>
            {query.q || query.kind ? t("emptyFiltered") : t("empty")}
          </p>
        ) : (
          <FlowTable flows={flows} busyId={busyId} onCommand={onCommand} />
        )}
      </div>
      {limitReached && <p className="muted small">{t("limitReached", { count: flows.length })}</p>}

      {dialog?.type === "create" && (
        <CreateFlowDialog
          kinds={kinds}
          onClose={() => setDialog(null)}
          onCreated={(flowId) => {
            setDialog(null);
            // A new flow is made to be drawn: open its canvas at once.
            router.push(`/flows/${encodeURIComponent(flowId)}`);
          }}
        />
      )}
      {dialog?.type === "rename" && (
        <RenameFlowDialog
          flowId={dialog.flow.id}
          currentName={dialog.flow.name}
          onClose={() => setDialog(null)}
          onRenamed={() => {
            setDialog(null);
            refresh();
          }}
        />
      )}
      {dialog?.type === "entryPoints" && (
        <EntryPointsDialog
          flowId={dialog.flow.id}
          flowName={dialog.flow.name}
          editable={dialog.flow.deletedAt === null && dialog.flow.allowed.includes("entryPoint.edit")}
          onClose={() => setDialog(null)}
          onChanged={refresh}
        />
      )}
      {notice && (
        <div className="toast" role="status">
          <span>{notice.text}</span>
          {notice.undoFlowId && (
            <button type="button" className="link" onClick={() => notice.undoFlowId && void undoDelete(notice.undoFlowId)}>
              {t("undo")}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
