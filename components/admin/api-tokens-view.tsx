"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { z } from "zod";
import type { ApiTokenView } from "@/app/_server/api-tokens/api-token-view";
import { apiRequest, type ApiError } from "@/components/api-request";
import { ErrorAlert } from "@/components/error-alert";
import { usePermissionName } from "@/components/use-permission-name";
import { dateTimeFormat } from "@/components/date-format";

const issuedSchema = z.object({ token: z.string() });

/** Issues tokens that act as the signed-in user (never as someone else) and lists / revokes `tokens`. */
export function ApiTokensView({ tokens, scopes }: { tokens: ApiTokenView[]; scopes: readonly string[] }) {
  const t = useTranslations("apiTokens");
  const format = useFormatter();
  const permissionName = usePermissionName();
  const router = useRouter();
  const [name, setName] = useState("");
  const [chosen, setChosen] = useState<string[]>(["flow.view"]);
  const [days, setDays] = useState("");
  const [issued, setIssued] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const issue = async () => {
    setBusy(true);
    setError(null);
    setIssued(null);
    const body = { name, scopes: chosen, ...(days.trim() ? { expiresInDays: Number(days) } : {}) };
    const result = await apiRequest("/api/api-tokens", { method: "POST", body });
    setBusy(false);
    const parsed = result.ok ? issuedSchema.safeParse(result.data) : null;
    if (!parsed?.success) return setError(result.ok ? { code: "internal_error", message: "" } : result.error);
    setIssued(parsed.data.token);
    setName("");
    router.refresh();
  };

  const revoke = async (id: string) => {
    const result = await apiRequest(`/api/api-tokens/${encodeURIComponent(id)}`, { method: "DELETE" });
    if (!result.ok) return setError(result.error);
    router.refresh();
  };

  const time = (iso: string | null) => (iso === null ? t("never") : format.dateTime(new Date(iso), dateTimeFormat));

  return (
    <div className="stack">
      <form
        className="card stack"
        style={{ padding: 16 }}
        onSubmit={(event) => {
          event.preventDefault();
          void issue();
        }}
      >
        <div className="row" style={{ alignItems: "flex-end" }}>
          <label>
            {t("name")}
            <input type="text" value={name} onChange={(event) => setName(event.target.value)} maxLength={100} required data-testid="token-name" />
          </label>
          <label>
            {t("expires")}
            <input type="text" inputMode="numeric" value={days} onChange={(event) => setDays(event.target.value.replace(/\D/g, ""))} />
          </label>
        </div>
        <fieldset className="row" style={{ border: "1px solid var(--border)", borderRadius: 6 }}>
          <legend>{t("scopes")}</legend>
          {scopes.map((scope) => (
            <label key={scope} className="inline">
              <input
                type="checkbox"
                checked={chosen.includes(scope)}
                onChange={() => setChosen((current) => (current.includes(scope) ? current.filter((s) => s !== scope) : [...current, scope]))}
              />
              {permissionName(scope)}
            </label>
          ))}
        </fieldset>
        {error && <ErrorAlert error={error} onDismiss={() => setError(null)} />}
        {issued && (
          <div className="alert success" data-testid="issued-token">
            {t("issued")}
            <div>
              <code>{issued}</code>
            </div>
          </div>
        )}
        <div>
          <button type="submit" className="primary" disabled={busy || name.trim() === "" || chosen.length === 0}>
            {t("issue")}
          </button>
        </div>
      </form>
      <div className="card">
        {tokens.length === 0 ? (
          <div className="muted" style={{ padding: 20 }}>
            {t("empty")}
          </div>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th>{t("name")}</th>
                <th>{t("prefix")}</th>
                <th>{t("user")}</th>
                <th>{t("scopes")}</th>
                <th>{t("created")}</th>
                <th>{t("lastUsed")}</th>
                <th>{t("expiresAt")}</th>
                <th>{t("status")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <td>{token.name}</td>
                  <td>
                    <code>{token.prefix}…</code>
                  </td>
                  <td>{token.user.name}</td>
                  <td className="small">{token.scopes.map(permissionName).join("、")}</td>
                  <td>{time(token.createdAt)}</td>
                  <td>{time(token.lastUsedAt)}</td>
                  <td>{token.expiresAt ? time(token.expiresAt) : "—"}</td>
                  <td>{token.revokedAt ? <span className="badge deleted">{t("revoked")}</span> : <span className="badge live">{t("active")}</span>}</td>
                  <td>
                    {!token.revokedAt && (
                      <button type="button" className="link danger" onClick={() => void revoke(token.id)}>
                        {t("revoke")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
