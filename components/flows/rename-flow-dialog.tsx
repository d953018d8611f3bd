"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiRequest, type ApiError } from "../api-request";
import { ErrorAlert } from "../error-alert";
import { Modal } from "../ui/modal";

export function RenameFlowDialog({ flowId, currentName, onClose, onRenamed }: { flowId: string; currentName: string; onClose: () => void; onRenamed: () => void }) {
  const t = useTranslations("flows.rename");
  const [name, setName] = useState(currentName);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    const result = await apiRequest(`/api/flows/${encodeURIComponent(flowId)}`, { method: "PATCH", body: { name } });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    onRenamed();
  }

  return (
    <Modal title={t("title")} onClose={onClose}>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <label>
          {t("name")}
          <input type="text" value={name} onChange={(event) => setName(event.target.value)} required maxLength={200} autoFocus />
        </label>
        {error && <ErrorAlert error={error} />}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t("cancel")}
          </button>
          <button type="submit" className="primary" disabled={busy || name.trim() === "" || name.trim() === currentName}>
            {t("submit")}
          </button>
        </div>
      </form>
    </Modal>
  );
}
