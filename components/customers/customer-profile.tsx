"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { CustomerView } from "@/app/_server/customers/customer-view";
import type { CustomerFieldView } from "@/app/_server/customers/manage-customer-fields";
import { CustomerForm } from "./customer-form";
import { TagList } from "./customers-view";

/** Name, member level, tags, phones, time zone, language and the attributes, labelled by the field list. */
export function CustomerFacts({ customer, fields }: { customer: CustomerView; fields: CustomerFieldView[] }) {
  const t = useTranslations("customers");
  const locale = useLocale();
  const labelOf = (key: string) => {
    const field = fields.find((candidate) => candidate.key === key);
    return field === undefined ? key : locale === "en" ? field.labelEn : field.labelZh;
  };
  return (
    <div className="stack" data-testid="customer-facts">
      <div className="row">
        <strong data-user-data data-testid="customer-facts-name">{customer.name}</strong>
        {customer.memberLevel !== null && <span className="badge live" data-user-data data-testid="customer-facts-level">{customer.memberLevel}</span>}
        <TagList tags={customer.tags} />
      </div>
      <dl className="row small" style={{ margin: 0 }}>
        <dt>{t("phones")}</dt>
        <dd data-user-data>{customer.phones.join("、")}</dd>
        {customer.timeZone !== null && (
          <>
            <dt>{t("timeZone")}</dt>
            <dd data-user-data>{customer.timeZone}</dd>
          </>
        )}
        {customer.preferredLanguage !== null && (
          <>
            <dt>{t("preferredLanguage")}</dt>
            <dd data-user-data>{customer.preferredLanguage}</dd>
          </>
        )}
        {Object.entries(customer.attributes).map(([key, value]) => (
          <span key={key} className="row" data-testid={`customer-facts-${key}`}>
            <dt>{labelOf(key)}</dt>
            <dd data-user-data>{String(value)}</dd>
          </span>
        ))}
      </dl>
    </div>
  );
}

export function CustomerProfile({ customer, fields, canEdit }: { customer: CustomerView; fields: CustomerFieldView[]; canEdit: boolean }) {
  const t = useTranslations("customers");
  const [editing, setEditing] = useState(false);
  return (
    <section className="card stack" style={{ padding: 16 }}>
      <div className="row">
        <CustomerFacts customer={customer} fields={fields} />
        <span className="spacer" />
        {canEdit && (
          <button type="button" onClick={() => setEditing(!editing)} data-testid="customer-edit">
            {t("edit")}
          </button>
        )}
      </div>
      {editing && <CustomerForm customer={customer} fields={fields} onSaved={() => setEditing(false)} />}
    </section>
  );
}
