"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { CustomerView } from "@/app/_server/customers/customer-view";
import type { CustomerFieldView } from "@/app/_server/customers/manage-customer-fields";
import { FieldRow, FormCard, TextField } from "@/components/admin/form-card";
import { useApiAction } from "@/components/admin/use-api-action";
import { ErrorAlert } from "@/components/error-alert";

const listOf = (text: string) => text.split(/[\n,，、;；]/).map((part) => part.trim()).filter((part) => part !== "");
const textOf = (value: unknown) => (value === undefined || value === null ? "" : String(value));

/**
 * Adds (customer null) or changes a customer. A failed save keeps everything typed; the server's
 * messages name each wrong field (by its label, in the UI's language).
 */
export function CustomerForm({ customer, fields, onSaved }: { customer: CustomerView | null; fields: CustomerFieldView[]; onSaved?: () => void }) {
  const t = useTranslations("customers");
  const locale = useLocale();
  const { error, clearError, run } = useApiAction();
  const [form, setForm] = useState({
    name: customer?.name ?? "",
    phones: customer?.phones.join("\n") ?? "",
    memberLevel: customer?.memberLevel ?? "",
    tags: customer?.tags.join("、") ?? "",
    timeZone: customer?.timeZone ?? "",
    preferredLanguage: customer?.preferredLanguage ?? "",
    attributes: Object.fromEntries(fields.map((field) => [field.key, textOf(customer?.attributes[field.key])])),
  });
  const save = () =>
    void run(customer === null ? "/api/customers" : `/api/customers/${encodeURIComponent(customer.id)}`, customer === null ? "POST" : "PUT", {
      name: form.name,
      phones: listOf(form.phones),
      memberLevel: form.memberLevel.trim() === "" ? null : form.memberLevel,
      tags: listOf(form.tags),
      timeZone: form.timeZone.trim() === "" ? null : form.timeZone,
      preferredLanguage: form.preferredLanguage.trim() === "" ? null : form.preferredLanguage,
      attributes: form.attributes,
    }).then((ok) => ok && onSaved?.());
  return (
    <FormCard onSubmit={save} testId="customer-form">
      {error && <ErrorAlert error={error} onDismiss={clearError} />}
      <FieldRow>
        <TextField label={t("name")} value={form.name} onChange={(name) => setForm({ ...form, name })} data-testid="customer-name" />
        <label>
          {t("phones")}
          <textarea rows={2} value={form.phones} onChange={(event) => setForm({ ...form, phones: event.target.value })} data-testid="customer-phones" />
        </label>
        <TextField label={t("memberLevel")} value={form.memberLevel} onChange={(memberLevel) => setForm({ ...form, memberLevel })} data-testid="customer-level" />
        <TextField label={t("tags")} value={form.tags} onChange={(tags) => setForm({ ...form, tags })} data-testid="customer-tags" />
        <TextField label={t("timeZone")} value={form.timeZone} onChange={(timeZone) => setForm({ ...form, timeZone })} placeholder={t("timeZoneExample")} />
        <TextField label={t("preferredLanguage")} value={form.preferredLanguage} onChange={(preferredLanguage) => setForm({ ...form, preferredLanguage })} placeholder={t("languageExample")} />
      </FieldRow>
      {fields.length > 0 && (
        <FieldRow>
          {fields.map((field) => (
            <TextField
              key={field.key}
              label={`${locale === "en" ? field.labelEn : field.labelZh}${field.required ? " *" : ""}`}
              value={form.attributes[field.key] ?? ""}
              onChange={(value) => setForm({ ...form, attributes: { ...form.attributes, [field.key]: value } })}
              data-testid={`customer-attribute-${field.key}`}
            />
          ))}
        </FieldRow>
      )}
      <div>
        <button type="submit" className="primary" data-testid="customer-save">
          {customer === null ? t("create") : t("save")}
        </button>
      </div>
    </FormCard>
  );
}
