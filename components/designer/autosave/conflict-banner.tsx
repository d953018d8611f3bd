"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { z } from "zod";
import { useStore } from "zustand";
import { ErrorAlert } from "@/components/error-alert";
import { useEditorStoreApi } from "../store/editor-context";
import { downloadJson } from "../io/download-json";
import type { Autosave } from "./autosave";
import { dateTimeFormat } from "@/components/date-format";

const conflictSchema = z.object({ updatedBy: z.object({ name: z.string() }).nullable().catch(null), updatedAt: z.string().catch("") });

/**
 * Someone else saved while this person was editing: say so plainly, keep their own version
 * available (copy or download) and let them reload the other version. Nothing is overwritten.
 */
export function ConflictBanner({ autosave, flowName }: { autosave: Autosave; flowName: string }) {
  const t = useTranslations("designer.conflict");
  const format = useFormatter();
  const editor = useEditorStoreApi();
  const status = useStore(autosave.status);
  const [copied, setCopied] = useState(false);
  if (status.state === "error" && status.error !== null) {
    return (
      <div className="designer-banner">
        <ErrorAlert error={status.error} />
      </div>
    );
  }
  if (status.state !== "conflict" || status.error === null) return null;
  const details = conflictSchema.parse(status.error);
  const mine = () => JSON.stringify(editor.getState().actions.graph(), null, 2);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(mine());
      setCopied(true);
    } catch {
      downloadJson(`${flowName || "flow"} (mine).json`, mine());
    }
  };
  return (
    <div className="designer-banner conflict" role="alert" data-testid="conflict-banner">
      <strong>
        {t("title", {
          user: details.updatedBy?.name ?? t("someone"),
          time: details.updatedAt ? format.dateTime(new Date(details.updatedAt), dateTimeFormat) : "",
        })}
      </strong>
      <span>{t("body")}</span>
      <span className="spacer" />
      <button type="button" onClick={() => void copy()} data-testid="conflict-copy">
        {copied ? t("copied") : t("copyMine")}
      </button>
      <button type="button" onClick={() => downloadJson(`${flowName || "flow"} (mine).json`, mine())}>
        {t("downloadMine")}
      </button>
      <button type="button" className="primary" data-testid="conflict-reload" onClick={() => void autosave.reload()}>
        {t("reload")}
      </button>
    </div>
  );
}
