"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { HttpAllowListView as AllowList } from "@/app/_server/http-allow-list/manage-http-allow-list";
import { apiRequest, type ApiError } from "@/components/api-request";
import { ErrorAlert } from "@/components/error-alert";

/** The administrator's page: destinations HTTP request nodes may call, and where each secret may go. */
export function HttpAllowListView({ list }: { list: AllowList }) {
  const t = useTranslations("httpAllowList");
  const router = useRouter();
  const [destination, setDestination] = useState("");
  const [allowInternal, setAllowInternal] = useState(false);
  const [note, setNote] = useState("");
  const [secret, setSecret] = useState("");
  const [secretDestinations, setSecretDestinations] = useState("");
  const [error, setError] = useState<ApiError | null>(null);

  const run = async (url: string, method: string, body?: unknown) => {
    setError(null);
    const result = await apiRequest(url, { method, body });
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    router.refresh();
    return true;
  };

  const destinationsOf = (text: string) => text.split(",").map((d) => d.trim()).filter((d) => d !== "");

  return (
    <div className="stack">
      {error && <ErrorAlert error={error} onDismiss={() => setError(null)} />}
      <form
        className="card stack"
        style={{ padding: 16 }}
        onSubmit={(event) => {
          event.preventDefault();
          void run("/api/http-allow-list", "POST", { destination, allowInternal, note }).then((ok) => {
            if (ok) setDestination("");
          });
        }}
      >
        <div className="row" style={{ alignItems: "flex-end" }}>
          <label>
            {t("destination")}
            <input type="text" value={destination} onChange={(event) => setDestination(event.target.value)} placeholder="api.example.com" required data-testid="allow-destination" />
          </label>
          <label>
            {t("note")}
            <input type="text" value={note} onChange={(event) => setNote(event.target.value)} maxLength={500} />
          </label>
          <label className="inline">
            <input type="checkbox" checked={allowInternal} onChange={(event) => setAllowInternal(event.target.checked)} />
            {t("allowInternal")}
          </label>
        </div>
        <div className="muted small">{t("destinationHelp")}</div>
        <div>
          <button type="submit" className="primary" disabled={destination.trim() === ""}>
            {t("add")}
          </button>
        </div>
      </form>
      <div className="card">
        {list.hosts.length === 0 ? (
          <div className="muted" style={{ padding: 20 }}>
            {t("emptyHosts")}
          </div>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th>{t("destination")}</th>
                <th>{t("note")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.hosts.map((host) => (
                <tr key={host.id}>
                  <td>
                    <code>{host.destination}</code> {host.allowInternal && <span className="badge">{t("internal")}</span>}
                  </td>
                  <td>{host.note}</td>
                  <td>
                    <button type="button" className="link danger" onClick={() => void run(`/api/http-allow-list/${encodeURIComponent(host.id)}`, "DELETE")}>
                      {t("remove")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <h2>{t("secretsTitle")}</h2>
      <form
        className="card stack"
        style={{ padding: 16 }}
        onSubmit={(event) => {
          event.preventDefault();
          void run("/api/http-allow-list/secrets", "PUT", { secret, destinations: destinationsOf(secretDestinations) });
        }}
      >
        <div className="row" style={{ alignItems: "flex-end" }}>
          <label>
            {t("secret")}
            <input type="text" value={secret} onChange={(event) => setSecret(event.target.value)} placeholder="CRM_API_KEY" required />
          </label>
          <label>
            {t("secretDestinations")}
            <input type="text" value={secretDestinations} onChange={(event) => setSecretDestinations(event.target.value)} placeholder="crm.example.com" />
          </label>
        </div>
        <div>
          <button type="submit" className="primary" disabled={secret.trim() === ""}>
            {t("bind")}
          </button>
        </div>
      </form>
      <div className="card">
        {list.secrets.length === 0 ? (
          <div className="muted" style={{ padding: 20 }}>
            {t("emptySecrets")}
          </div>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th>{t("secret")}</th>
                <th>{t("secretDestinations")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.secrets.map((binding) => (
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
                    <button type="button" className="link danger" onClick={() => void run(`/api/http-allow-list/secrets/${encodeURIComponent(binding.secret)}`, "DELETE")}>
                      {t("remove")}
                    </button>
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
