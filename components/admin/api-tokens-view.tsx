"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { z } from "zod";
import type { ApiTokenView } from "@/app/_server/api-tokens/api-token-view";
import { AdminTable } from "@/components/admin/admin-table";
import { DeleteButton } from "@/components/admin/delete-button";
import { FieldRow, FormCard, TextField } from "@/components/admin/form-card";
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
      <FormCard onSubmit={() => void issue()}>
        <FieldRow>
          <TextField label={t("name")} value={name} onChange={setName} maxLength={100} required data-testid="token-name" />
          <TextField label={t("expires")} inputMode="numeric" value={days} onChange={(value) => setDays(value.replace(/\D/g, ""))} />
        </FieldRow>
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
      </FormCard>
      <AdminTable
        rows={tokens}
        empty={t("empty")}
        headers={[t("name"), t("prefix"), t("user"), t("scopes"), t("created"), t("lastUsed"), t("expiresAt"), t("status")]}
      >
        {(token) => (
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
              {!token.revokedAt && <DeleteButton onClick={() => void revoke(token.id)}>{t("revoke")}</DeleteButton>}
            </td>
          </tr>
        )}
      </AdminTable>
    </div>
  );
}
