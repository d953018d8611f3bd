"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { z } from "zod";
import { apiRequest, type ApiError } from "@/components/api-request";
import { ErrorAlert } from "@/components/error-alert";
import type { Autosave } from "../autosave/autosave";

const publishedSchema = z.object({ version: z.object({ number: z.number().int() }) });

type Outcome = { kind: "published"; number: number } | { kind: "refused"; error: ApiError } | null;

/** Saves what is on the canvas, then publishes it as the flow's next live version. */
export function PublishButton({ flowId, autosave, disabled }: { flowId: string; autosave: Autosave; disabled: boolean }) {
  const t = useTranslations("designer.publish");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const publish = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      if (!(await autosave.flush())) {
        setOutcome({ kind: "refused", error: autosave.status.getState().error ?? { code: "draft_conflict", message: t("notSaved") } });
        return;
      }
      const result = await apiRequest(`/api/flows/${encodeURIComponent(flowId)}/publish`, {
        method: "POST",
        body: { baseRevision: autosave.status.getState().revision },
      });
      const published = result.ok ? publishedSchema.safeParse(result.data) : null;
      if (published?.success) setOutcome({ kind: "published", number: published.data.version.number });
      else setOutcome({ kind: "refused", error: result.ok ? { code: "internal_error", message: t("failed") } : result.error });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="publish">
      <button type="button" className="primary" disabled={disabled || busy} onClick={() => void publish()} data-testid="publish">
        {busy ? t("publishing") : t("publish")}
      </button>
      {outcome !== null && (
        <div className="popover" data-testid="publish-result" role="status">
          {outcome.kind === "published" ? (
            <div className="alert success">
              {t("published", { number: outcome.number })}
              <button type="button" className="link" onClick={() => setOutcome(null)}>
                {t("close")}
              </button>
            </div>
          ) : (
            <ErrorAlert error={outcome.error} onDismiss={() => setOutcome(null)} />
          )}
        </div>
      )}
    </div>
  );
}
