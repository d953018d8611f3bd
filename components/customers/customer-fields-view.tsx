"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { CustomerFieldView } from "@/app/_server/customers/manage-customer-fields";
import { AdminTable } from "@/components/admin/admin-table";
import { FieldRow, FormCard, TextField } from "@/components/admin/form-card";
import { useApiAction } from "@/components/admin/use-api-action";
import { ErrorAlert } from "@/components/error-alert";

const TYPES = ["text", "number", "date", "choice"] as const;
type FieldType = (typeof TYPES)[number];
const blank = { key: "", labelZh: "", labelEn: "", type: "text" as FieldType, options: "", required: false };
const isType = (value: string): value is FieldType => TYPES.some((type) => type === value);

/** The administrator's list of customer fields: add or change one (by key), remove one. */
export function CustomerFieldsView({ fields }: { fields: CustomerFieldView[] }) {
  const t = useTranslations("customers");
  const locale = useLocale();
  const { error, clearError, run } = useApiAction();
  const [form, setForm] = useState(blank);
  const save = () =>
    void run("/api/customers/fields", "PUT", {
      key: form.key,
      labelZh: form.labelZh,
      labelEn: form.labelEn,
      type: form.type,
      options: form.type === "choice" ? form.options.split(/[,，、;；\n]/).map((option) => option.trim()).filter((option) => option !== "") : [],
      required: form.required,
      position: fields.length,
    }).then((ok) => ok && setForm(blank));
  return (
    <div className="stack">
      {error && <ErrorAlert error={error} onDismiss={clearError} />}
      <FormCard onSubmit={save} testId="field-form">
        <FieldRow>
          <TextField label={t("fieldKey")} value={form.key} onChange={(key) => setForm({ ...form, key })} data-testid="field-key" />
          <TextField label={t("labelZh")} value={form.labelZh} onChange={(labelZh) => setForm({ ...form, labelZh })} data-testid="field-label-zh" />
          <TextField label={t("labelEn")} value={form.labelEn} onChange={(labelEn) => setForm({ ...form, labelEn })} data-testid="field-label-en" />
          <label>
            {t("fieldType")}
            <select value={form.type} onChange={(event) => isType(event.target.value) && setForm({ ...form, type: event.target.value })} data-testid="field-type">
              {TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`type_${type}`)}
                </option>
              ))}
            </select>
          </label>
          {form.type === "choice" && <TextField label={t("options")} value={form.options} onChange={(options) => setForm({ ...form, options })} data-testid="field-options" />}
          <label className="row">
            <input type="checkbox" checked={form.required} onChange={(event) => setForm({ ...form, required: event.target.checked })} data-testid="field-required" />
            {t("required")}
          </label>
        </FieldRow>
        <div>
          <button type="submit" className="primary" data-testid="field-save">
            {t("saveField")}
          </button>
        </div>
      </FormCard>
      <AdminTable rows={fields} empty={t("noFields")} headers={[t("fieldKey"), t("label"), t("fieldType"), t("required")]} testId="fields-table">
        {(field) => (
          <tr key={field.key} data-testid="field-row">
            <td>
              <code>{field.key}</code>
            </td>
            <td data-user-data>{locale === "en" ? field.labelEn : field.labelZh}</td>
            <td>
              {t(`type_${field.type}`)}
              {field.type === "choice" && <span data-user-data>{`（${field.options.join("、")}）`}</span>}
            </td>
            <td>{field.required ? "✓" : "—"}</td>
            <td className="row">
              <button type="button" className="link" onClick={() => setForm({ ...field, options: field.options.join("、") })}>
                {t("edit")}
              </button>
              <button type="button" className="link" onClick={() => void run(`/api/customers/fields/${encodeURIComponent(field.key)}`, "DELETE")}>
                {t("remove")}
              </button>
            </td>
          </tr>
        )}
      </AdminTable>
    </div>
  );
}
