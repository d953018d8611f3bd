import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { canOnSomeKind } from "@/app/_server/auth/permissions";
import { requirePageSession } from "@/app/_server/auth/require-page-session";
import { customerSearchSchema } from "@/app/_server/customers/customer-inputs";
import { listCustomerFields } from "@/app/_server/customers/manage-customer-fields";
import { searchCustomers } from "@/app/_server/customers/manage-customers";
import { AppShell } from "@/components/app-shell";
import { CustomersSubnav } from "@/components/customers/customers-subnav";
import { CustomersView } from "@/components/customers/customers-view";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("customers");
  return { title: t("title") };
}

export default async function CustomersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requirePageSession("customer.view", "/admin/customers");
  const parsed = customerSearchSchema.safeParse(await searchParams);
  const search = parsed.success ? parsed.data : { q: "" };
  const [page, fields] = await Promise.all([searchCustomers(search), listCustomerFields()]);
  const t = await getTranslations("customers");
  return (
    <AppShell session={session}>
      <div className="stack">
        <CustomersSubnav current="customers" />
        <h1>{t("title")}</h1>
        <div className="muted">{t("help")}</div>
        <CustomersView customers={page.customers} nextAfter={page.nextAfter} q={search.q} fields={fields} canEdit={canOnSomeKind(session.role, "customer.edit")} />
      </div>
    </AppShell>
  );
}
