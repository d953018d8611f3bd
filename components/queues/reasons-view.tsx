"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { ReasonView } from "@/app/_server/queues/manage-reasons";
import { ErrorAlert } from "@/components/error-alert";
import { useApiAction } from "./use-api-action";

const blank = { code: "", nameZh: "", nameEn: "" };

export function ReasonsView({ reasons }: { reasons: ReasonView[] }) {
  const t = useTranslations("queues");
  const locale = useLocale();
  const { error, clearError, run } = useApiAction();
  const [form, setForm] = useState(blank);
  const field = (key: keyof typeof blank, label: string) => (
    <label>
      {label}
      <input type="text" value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} data-testid={`reason-${key}`} />
    </label>
  );
  return (
    <div className="stack">
      {error && <ErrorAlert error={error} onDismiss={clearError} />}
      <form
        className="card stack"
        style={{ padding: 16 }}
        onSubmit={(e) => {
          e.preventDefault();
          void run("/api/queues/reasons", "POST", form).then((ok) => ok && setForm(blank));
        }}
      >
        <div className="row" style={{ alignItems: "flex-end" }}>
          {field("code", t("code"))}
          {field("nameZh", t("nameZh"))}
          {field("nameEn", t("nameEn"))}
        </div>
        <div>
          <button type="submit" className="primary">
            {t("createReason")}
          </button>
        </div>
      </form>
      <div className="card">
        {reasons.length === 0 ? (
          <div className="muted" style={{ padding: 20 }}>
            {t("emptyReasons")}
          </div>
        ) : (
          <table className="data" data-testid="reason-table">
            <thead>
              <tr>
                <th>{t("code")}</th>
                <th>{t("name")}</th>
                <th>{t("active")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {reasons.map((reason) => (
                <tr key={reason.id} data-testid="reason-row">
                  <td>
                    <code>{reason.code}</code> {reason.system && <span className="badge">{t("system")}</span>}
                  </td>
                  {/* One name in the UI's language: the other one is data an English page may show, a Chinese one not. */}
                  <td>{locale === "en" ? `${reason.nameEn} (${reason.nameZh})` : reason.nameZh}</td>
                  <td>{reason.active ? "✓" : "—"}</td>
                  <td>
                    {!reason.system && (
                      <button
                        type="button"
                        className="link"
                        onClick={() => void run(`/api/queues/reasons/${encodeURIComponent(reason.id)}`, "PUT", { code: reason.code, nameZh: reason.nameZh, nameEn: reason.nameEn, active: !reason.active })}
                      >
                        {reason.active ? t("deactivate") : t("activate")}
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
