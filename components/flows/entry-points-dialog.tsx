"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { z } from "zod";
import { apiRequest, type ApiError } from "../api-request";
import { ErrorAlert } from "../error-alert";
import { Modal } from "../ui/modal";

const entryPointsSchema = z.object({ entryPoints: z.array(z.object({ id: z.string(), kind: z.string(), value: z.string() })) });
type EntryPoint = z.infer<typeof entryPointsSchema>["entryPoints"][number];

const kinds = ["did", "stasis-arg"] as const;

/** Which DIDs / Stasis arguments lead to this flow; read-only for roles that may only view. */
export function EntryPointsDialog({ flowId, flowName, editable, onClose, onChanged }: { flowId: string; flowName: string; editable: boolean; onClose: () => void; onChanged: () => void }) {
  const t = useTranslations("entryPoints");
  const url = `/api/flows/${encodeURIComponent(flowId)}/entry-points`;
  const [entryPoints, setEntryPoints] = useState<EntryPoint[] | null>(null);
  const [kind, setKind] = useState<(typeof kinds)[number]>("did");
  const [value, setValue] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const result = await apiRequest(url);
    if (!result.ok) return setError(result.error);
    const parsed = entryPointsSchema.safeParse(result.data);
    if (parsed.success) setEntryPoints(parsed.data.entryPoints);
  }, [url]);

  useEffect(() => {
    void load();
  }, [load]);

  async function run(request: Promise<Awaited<ReturnType<typeof apiRequest>>>, after?: () => void) {
    setBusy(true);
    setError(null);
    const result = await request;
    setBusy(false);
    if (!result.ok) return setError(result.error);
    after?.();
    onChanged();
    await load();
  }

  return (
    <Modal title={t("title", { name: flowName })} onClose={onClose}>
      <p className="muted" style={{ margin: 0 }}>
        {t("help")}
      </p>
      {entryPoints === null && !error && <p className="muted">{t("loading")}</p>}
      {entryPoints && entryPoints.length === 0 && <p className="muted">{t("none")}</p>}
      {entryPoints && entryPoints.length > 0 && (
        <table className="data">
          <tbody>
            {entryPoints.map((entry) => (
              <tr key={entry.id}>
                <td>{t(entry.kind === "did" ? "kinds.did" : "kinds.stasis-arg")}</td>
                <td>
                  <code>{entry.value}</code>
                </td>
                <td style={{ textAlign: "right" }}>
                  {editable && (
                    <button type="button" className="danger" disabled={busy} onClick={() => void run(apiRequest(`${url}?id=${encodeURIComponent(entry.id)}`, { method: "DELETE" }))}>
                      {t("remove")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editable && (
        <form
          className="row"
          onSubmit={(event) => {
            event.preventDefault();
            void run(apiRequest(url, { method: "POST", body: { kind, value } }), () => setValue(""));
          }}
        >
          <select aria-label={t("kind")} value={kind} onChange={(event) => setKind(event.target.value === "stasis-arg" ? "stasis-arg" : "did")}>
            {kinds.map((option) => (
              <option key={option} value={option}>
                {t(`kinds.${option}`)}
              </option>
            ))}
          </select>
          <input
            type="text"
            aria-label={t("value")}
            placeholder={t(kind === "did" ? "placeholders.did" : "placeholders.stasis-arg")}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            required
            maxLength={64}
            style={{ flex: 1 }}
          />
          <button type="submit" className="primary" disabled={busy || value.trim() === ""}>
            {t("add")}
          </button>
        </form>
      )}
      {error && <ErrorAlert error={error} onDismiss={() => setError(null)} />}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t("close")}
        </button>
      </div>
    </Modal>
  );
}
