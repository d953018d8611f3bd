"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { CustomerView } from "@/app/_server/customers/customer-view";
import type { CustomerFieldView } from "@/app/_server/customers/manage-customer-fields";
import { AdminTable } from "@/components/admin/admin-table";
import { CustomerForm } from "./customer-form";
import { CustomerImport } from "./customer-import";

/** Supervisors and administrators: search every customer, add one, import and export CSV. */
export function CustomersView({ customers, nextAfter, q, fields, canEdit }: { customers: CustomerView[]; nextAfter: string | null; q: string; fields: CustomerFieldView[]; canEdit: boolean }) {
  const t = useTranslations("customers");
  const router = useRouter();
  const [search, setSearch] = useState(q);
  const [adding, setAdding] = useState(false);
  return (
    <div className="stack">
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          router.push(`/admin/customers?${new URLSearchParams({ q: search })}`);
        }}
      >
        <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} placeholder={t("searchPlaceholder")} aria-label={t("search")} data-testid="customer-search" />
        <button type="submit">{t("search")}</button>
        <span className="spacer" />
        <a href="/api/customers/export?encoding=utf-8" download>
          {t("exportUtf8")}
        </a>
        <a href="/api/customers/export?encoding=gbk" download>
          {t("exportGbk")}
        </a>
        {canEdit && (
          <button type="button" className="primary" onClick={() => setAdding(!adding)} data-testid="customer-add">
            {t("add")}
          </button>
        )}
      </form>
      {adding && <CustomerForm customer={null} fields={fields} onSaved={() => setAdding(false)} />}
      <AdminTable rows={customers} empty={t("noCustomers")} headers={[t("name"), t("phones"), t("memberLevel"), t("tags")]} testId="customers-table">
        {(customer) => (
          <tr key={customer.id} data-testid="customer-row">
            <td data-user-data>
              <Link href={`/customers/${encodeURIComponent(customer.id)}`}>{customer.name}</Link>
            </td>
            <td data-user-data>{customer.phones.join("、")}</td>
            <td data-user-data>{customer.memberLevel ?? "—"}</td>
            <td>
              <TagList tags={customer.tags} />
            </td>
            <td />
          </tr>
        )}
      </AdminTable>
      {nextAfter !== null && (
        <div>
          <Link href={`/admin/customers?${new URLSearchParams({ q, after: nextAfter })}`}>{t("more")}</Link>
        </div>
      )}
      {canEdit && <CustomerImport fields={fields} />}
    </div>
  );
}

export function TagList({ tags }: { tags: readonly string[] }) {
  return (
    <span className="row" data-testid="customer-tags-list">
      {tags.map((tag) => (
        <span key={tag} className="badge" data-user-data data-testid="customer-tag">
          {tag}
        </span>
      ))}
    </span>
  );
}
