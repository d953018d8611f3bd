"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { ReasonView } from "@/app/_server/queues/manage-reasons";
import { AdminTable } from "@/components/admin/admin-table";
import { FieldRow, FormCard, TextField } from "@/components/admin/form-card";
import { useApiAction } from "@/components/admin/use-api-action";
import { ErrorAlert } from "@/components/error-alert";

const blank = { code: "", nameZh: "", nameEn: "" };

export function ReasonsView({ reasons }: { reasons: ReasonView[] }) {
  const t = useTranslations("queues");
  const locale = useLocale();
  const { error, clearError, run } = useApiAction();
  const [form, setForm] = useState(blank);
  const field = (key: keyof typeof blank, label: string) => (
    <TextField label={label} value={form[key]} onChange={(value) => setForm({ ...form, [key]: value })} data-testid={`reason-${key}`} />
  );
  return (
    <div className="stack">
      {error && <ErrorAlert error={error} onDismiss={clearError} />}
      <FormCard onSubmit={() => void run("/api/queues/reasons", "POST", form).then((ok) => ok && setForm(blank))}>
        <FieldRow>
          {field("code", t("code"))}
          {field("nameZh", t("nameZh"))}
          {field("nameEn", t("nameEn"))}
        </FieldRow>
        <div>
          <button type="submit" className="primary">
            {t("createReason")}
          </button>
        </div>
      </FormCard>
      <AdminTable rows={reasons} empty={t("emptyReasons")} headers={[t("code"), t("name"), t("active")]} testId="reason-table">
        {(reason) => (
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
        )}
      </AdminTable>
    </div>
  );
}
