"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { z } from "zod";
import { apiRequest, type ApiError } from "../api-request";
import { ErrorAlert } from "../error-alert";
import { Modal } from "../ui/modal";

const refSchema = z.object({ kind: z.string(), value: z.string() });
const entryPointsSchema = z.object({
  entryPoints: z.array(refSchema.extend({ id: z.string() })),
  pending: z.object({ added: z.array(refSchema), removed: z.array(refSchema) }),
});
type EntryPoints = z.infer<typeof entryPointsSchema>;
type Ref = z.infer<typeof refSchema>;

const kinds = ["did", "stasis-arg"] as const;
const same = (a: Ref) => (b: Ref) => a.kind === b.kind && a.value === b.value;

/**
 * Which phone numbers lead to this flow, and the changes proposed to them: a change is only a
 * proposal until a version submitted with it is approved by someone else and published.
 */
export function EntryPointsDialog({ flowId, flowName, editable, onClose, onChanged }: { flowId: string; flowName: string; editable: boolean; onClose: () => void; onChanged: () => void }) {
  const t = useTranslations("entryPoints");
  const tReview = useTranslations("readableReview");
  const url = `/api/flows/${encodeURIComponent(flowId)}/entry-points`;
  const [data, setData] = useState<EntryPoints | null>(null);
  const [kind, setKind] = useState<(typeof kinds)[number]>("did");
  const [value, setValue] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const result = await apiRequest(url);
    if (!result.ok) return setError(result.error);
    const parsed = entryPointsSchema.safeParse(result.data);
    if (parsed.success) setData(parsed.data);
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

  const propose = (ref: Ref) => run(apiRequest(url, { method: "POST", body: ref }));
  const withdraw = (id: string) => run(apiRequest(`${url}?id=${encodeURIComponent(id)}`, { method: "DELETE" }));
  const kindName = (ref: Ref) => (
    <span title={tReview("hintLabel", { term: t(ref.kind === "did" ? "terms.did" : "terms.stasis-arg") })}>{t(ref.kind === "did" ? "kinds.did" : "kinds.stasis-arg")}</span>
  );
  const pending = data === null ? 0 : data.pending.added.length + data.pending.removed.length;

  return (
    <Modal title={t("title", { name: flowName })} onClose={onClose}>
      <p className="muted" style={{ margin: 0 }}>
        {t("help")}
      </p>
      {data === null && !error && <p className="muted">{t("loading")}</p>}
      {data && data.entryPoints.length === 0 && <p className="muted">{t("none")}</p>}
      {data && data.entryPoints.length > 0 && (
        <table className="data" data-testid="entry-points-live">
          <caption className="small" style={{ textAlign: "left" }}>
            {tReview("currentTitle")}
          </caption>
          <tbody>
            {data.entryPoints.map((entry) => {
              const leaving = data.pending.removed.some(same(entry));
              return (
                <tr key={entry.id} data-testid="entry-point-live" data-value={entry.value}>
                  <td>{kindName(entry)}</td>
                  <td>
                    <code>{entry.value}</code>
                    {leaving && <span className="badge status-changes_requested">{tReview("willRemove")}</span>}
                  </td>
                  <td style={{ textAlign: "right" }}>
                    {editable && !leaving && (
                      <button type="button" className="danger" disabled={busy} onClick={() => void withdraw(entry.id)}>
                        {t("remove")}
                      </button>
                    )}
                    {editable && leaving && (
                      <button type="button" disabled={busy} onClick={() => void propose(entry)}>
                        {tReview("undo")}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {data && data.pending.added.length > 0 && (
        <table className="data" data-testid="entry-points-proposed">
          <caption className="small" style={{ textAlign: "left" }}>
            {tReview("proposedTitle")}
          </caption>
          <tbody>
            {data.pending.added.map((entry) => (
              <tr key={`${entry.kind}:${entry.value}`} data-testid="entry-point-proposed" data-value={entry.value}>
                <td>{kindName(entry)}</td>
                <td>
                  <code>{entry.value}</code> <span className="badge status-pending">{tReview("willAdd")}</span>
                </td>
                <td style={{ textAlign: "right" }}>
                  {editable && (
                    <button type="button" disabled={busy} onClick={() => void withdraw(`${entry.kind}:${entry.value}`)}>
                      {tReview("undo")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pending > 0 && (
        <div className="alert warning" data-testid="entry-points-pending">
          {tReview("proposalHelp")} <Link href={`/history/${encodeURIComponent(flowId)}`}>{tReview("openHistory")}</Link>
        </div>
      )}
      {editable && (
        <form
          className="row"
          onSubmit={(event) => {
            event.preventDefault();
            void run(apiRequest(url, { method: "POST", body: { kind, value } }), () => setValue(""));
          }}
        >
          <select aria-label={t("kind")} value={kind} onChange={(event) => setKind(event.target.value === "stasis-arg" ? "stasis-arg" : "did")} data-testid="entry-point-kind">
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
            data-testid="entry-point-value"
          />
          <button type="submit" className="primary" disabled={busy || value.trim() === ""} data-testid="entry-point-propose">
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
