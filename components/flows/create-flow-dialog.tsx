"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { z } from "zod";
import { apiRequest, type ApiError } from "../api-request";
import { ErrorAlert } from "../error-alert";
import { Modal } from "../ui/modal";
import type { KindOption } from "./flow-row";

const createdSchema = z.object({ flow: z.object({ id: z.string() }) });

export function CreateFlowDialog({ kinds, onClose, onCreated }: { kinds: KindOption[]; onClose: () => void; onCreated: (flowId: string) => void }) {
  const t = useTranslations("flows.create");
  const tKinds = useTranslations("kinds");
  const [name, setName] = useState("");
  const [kind, setKind] = useState(kinds.find((option) => option.available)?.kind ?? "ivr");
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    const result = await apiRequest("/api/flows", { method: "POST", body: { name, kind } });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    const created = createdSchema.safeParse(result.data);
    if (created.success) onCreated(created.data.flow.id);
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
        <fieldset className="stack" style={{ border: "none", padding: 0, margin: 0, gap: 6 }}>
          <legend style={{ fontWeight: 500, marginBottom: 4 }}>{t("kind")}</legend>
          {kinds.map((option) => (
            <label key={option.kind} className="inline">
              <input
                type="radio"
                name="kind"
                value={option.kind}
                checked={kind === option.kind}
                disabled={!option.available}
                onChange={() => setKind(option.kind)}
              />
              <span>
                <strong>{tKinds(`${option.kind}.name`)}</strong> <span className="muted">— {tKinds(`${option.kind}.description`)}</span>
                {option.comingLater && <span className="badge"> {t("comingLater")}</span>}
              </span>
            </label>
          ))}
        </fieldset>
        {error && <ErrorAlert error={error} />}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t("cancel")}
          </button>
          <button type="submit" className="primary" disabled={busy || name.trim() === ""}>
            {t("submit")}
          </button>
        </div>
      </form>
    </Modal>
  );
}
