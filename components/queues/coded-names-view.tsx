"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { AdminTable } from "@/components/admin/admin-table";
import { FieldRow, FormCard, TextField } from "@/components/admin/form-card";
import { useApiAction } from "@/components/admin/use-api-action";
import { ErrorAlert } from "@/components/error-alert";

/** A row an admin names with a code and a Chinese and an English name (not-ready reasons, disposition codes). */
export interface CodedName {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  active: boolean;
  /** The product's own row: shown, never changed. */
  system?: boolean;
}

export interface CodedNamesViewProps {
  rows: CodedName[];
  /** The collection's route, e.g. "/api/queues/reasons": POST creates, PUT on `<route>/<id>` changes. */
  route: string;
  /** Prefix of the test ids: `<prefix>-code`, `<prefix>-table`, `<prefix>-row`. */
  testIdPrefix: string;
  createLabel: string;
  emptyLabel: string;
}

const blank = { code: "", nameZh: "", nameEn: "" };

export function CodedNamesView({ rows, route, testIdPrefix, createLabel, emptyLabel }: CodedNamesViewProps) {
  const t = useTranslations("queues");
  const locale = useLocale();
  const { error, clearError, run } = useApiAction();
  const [form, setForm] = useState(blank);
  const field = (key: keyof typeof blank, label: string) => (
    <TextField label={label} value={form[key]} onChange={(value) => setForm({ ...form, [key]: value })} data-testid={`${testIdPrefix}-${key}`} />
  );
  return (
    <div className="stack">
      {error && <ErrorAlert error={error} onDismiss={clearError} />}
      <FormCard onSubmit={() => void run(route, "POST", form).then((ok) => ok && setForm(blank))}>
        <FieldRow>
          {field("code", t("code"))}
          {field("nameZh", t("nameZh"))}
          {field("nameEn", t("nameEn"))}
        </FieldRow>
        <div>
          <button type="submit" className="primary">
            {createLabel}
          </button>
        </div>
      </FormCard>
      <AdminTable rows={rows} empty={emptyLabel} headers={[t("code"), t("name"), t("active")]} testId={`${testIdPrefix}-table`}>
        {(row) => (
          <tr key={row.id} data-testid={`${testIdPrefix}-row`}>
            <td>
              <code>{row.code}</code> {row.system && <span className="badge">{t("system")}</span>}
            </td>
            {/* One name in the UI's language: the other one is data an English page may show, a Chinese one not. */}
            <td>{locale === "en" ? `${row.nameEn} (${row.nameZh})` : row.nameZh}</td>
            <td>{row.active ? "✓" : "—"}</td>
            <td>
              {!row.system && (
                <button
                  type="button"
                  className="link"
                  onClick={() => void run(`${route}/${encodeURIComponent(row.id)}`, "PUT", { code: row.code, nameZh: row.nameZh, nameEn: row.nameEn, active: !row.active })}
                >
                  {row.active ? t("deactivate") : t("activate")}
                </button>
              )}
            </td>
          </tr>
        )}
      </AdminTable>
    </div>
  );
}
