"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { HttpAllowListView as AllowList } from "@/app/_server/http-allow-list/manage-http-allow-list";
import { AdminTable } from "@/components/admin/admin-table";
import { DeleteButton } from "@/components/admin/delete-button";
import { FieldRow, FormCard, TextField } from "@/components/admin/form-card";
import { useApiAction } from "@/components/admin/use-api-action";
import { ErrorAlert } from "@/components/error-alert";

/** The administrator's page: destinations HTTP request nodes may call, and where each secret may go. */
export function HttpAllowListView({ list }: { list: AllowList }) {
  const t = useTranslations("httpAllowList");
  const [destination, setDestination] = useState("");
  const [allowInternal, setAllowInternal] = useState(false);
  const [note, setNote] = useState("");
  const [secret, setSecret] = useState("");
  const [secretDestinations, setSecretDestinations] = useState("");
  const { error, clearError, run } = useApiAction();

  const destinationsOf = (text: string) => text.split(",").map((d) => d.trim()).filter((d) => d !== "");

  return (
    <div className="stack">
      {error && <ErrorAlert error={error} onDismiss={clearError} />}
      <FormCard
        onSubmit={() =>
          void run("/api/http-allow-list", "POST", { destination, allowInternal, note }).then((ok) => {
            if (ok) setDestination("");
          })
        }
      >
        <FieldRow>
          <TextField label={t("destination")} value={destination} onChange={setDestination} placeholder="api.example.com" required data-testid="allow-destination" />
          <TextField label={t("note")} value={note} onChange={setNote} maxLength={500} />
          <label className="inline">
            <input type="checkbox" checked={allowInternal} onChange={(event) => setAllowInternal(event.target.checked)} />
            {t("allowInternal")}
          </label>
        </FieldRow>
        <div className="muted small">{t("destinationHelp")}</div>
        <div>
          <button type="submit" className="primary" disabled={destination.trim() === ""}>
            {t("add")}
          </button>
        </div>
      </FormCard>
      <AdminTable rows={list.hosts} empty={t("emptyHosts")} headers={[t("destination"), t("note")]}>
        {(host) => (
          <tr key={host.id}>
            <td>
              <code>{host.destination}</code> {host.allowInternal && <span className="badge">{t("internal")}</span>}
            </td>
            <td>{host.note}</td>
            <td>
              <DeleteButton onClick={() => void run(`/api/http-allow-list/${encodeURIComponent(host.id)}`, "DELETE")}>{t("remove")}</DeleteButton>
            </td>
          </tr>
        )}
      </AdminTable>
      <h2>{t("secretsTitle")}</h2>
      <FormCard onSubmit={() => void run("/api/http-allow-list/secrets", "PUT", { secret, destinations: destinationsOf(secretDestinations) })}>
        <FieldRow>
          <TextField label={t("secret")} value={secret} onChange={setSecret} placeholder="CRM_API_KEY" required />
          <TextField label={t("secretDestinations")} value={secretDestinations} onChange={setSecretDestinations} placeholder="crm.example.com" />
        </FieldRow>
        <div>
          <button type="submit" className="primary" disabled={secret.trim() === ""}>
            {t("bind")}
          </button>
        </div>
      </FormCard>
      <AdminTable rows={list.secrets} empty={t("emptySecrets")} headers={[t("secret"), t("secretDestinations")]}>
        {(binding) => (
          <tr key={binding.secret}>
            <td>
              <code>{binding.secret}</code>
            </td>
            <td>
              <button
                type="button"
                className="link"
                onClick={() => {
                  setSecret(binding.secret);
                  setSecretDestinations(binding.destinations.join(", "));
                }}
              >
                {binding.destinations.join(", ") || "—"}
              </button>
            </td>
            <td>
              <DeleteButton onClick={() => void run(`/api/http-allow-list/secrets/${encodeURIComponent(binding.secret)}`, "DELETE")}>{t("remove")}</DeleteButton>
            </td>
          </tr>
        )}
      </AdminTable>
    </div>
  );
}
