"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { DispositionView } from "@/app/_server/queues/manage-dispositions";
import { AdminTable } from "@/components/admin/admin-table";
import { FieldRow, FormCard, TextField } from "@/components/admin/form-card";
import { useApiAction } from "@/components/admin/use-api-action";
import { ErrorAlert } from "@/components/error-alert";

const blank = { code: "", nameZh: "", nameEn: "" };

export function DispositionsView({ dispositions }: { dispositions: DispositionView[] }) {
  const t = useTranslations("queues");
  const locale = useLocale();
  const { error, clearError, run } = useApiAction();
  const [form, setForm] = useState(blank);
  const field = (key: keyof typeof blank, label: string) => (
    <TextField label={label} value={form[key]} onChange={(value) => setForm({ ...form, [key]: value })} data-testid={`disposition-${key}`} />
  );
  return (
    <div className="stack">
      {error && <ErrorAlert error={error} onDismiss={clearError} />}
      <FormCard onSubmit={() => void run("/api/queues/dispositions", "POST", form).then((ok) => ok && setForm(blank))}>
        <FieldRow>
          {field("code", t("code"))}
          {field("nameZh", t("nameZh"))}
          {field("nameEn", t("nameEn"))}
        </FieldRow>
        <div>
          <button type="submit" className="primary">
            {t("createDisposition")}
          </button>
        </div>
      </FormCard>
      <AdminTable rows={dispositions} empty={t("emptyDispositions")} headers={[t("code"), t("name"), t("active")]} testId="disposition-table">
        {(disposition) => (
          <tr key={disposition.id} data-testid="disposition-row">
            <td>
              <code>{disposition.code}</code>
            </td>
            {/* One name in the UI's language: the other one is data an English page may show, a Chinese one not. */}
            <td>{locale === "en" ? `${disposition.nameEn} (${disposition.nameZh})` : disposition.nameZh}</td>
            <td>{disposition.active ? "✓" : "—"}</td>
            <td>
              <button
                  type="button"
                  className="link"
                  onClick={() => void run(`/api/queues/dispositions/${encodeURIComponent(disposition.id)}`, "PUT", { code: disposition.code, nameZh: disposition.nameZh, nameEn: disposition.nameEn, active: !disposition.active })}
                >
                  {disposition.active ? t("deactivate") : t("activate")}
              </button>
            </td>
          </tr>
        )}
      </AdminTable>
    </div>
  );
}
