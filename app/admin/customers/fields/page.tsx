import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageSession } from "@/app/_server/auth/require-page-session";
import { listCustomerFields } from "@/app/_server/customers/manage-customer-fields";
import { AppShell } from "@/components/app-shell";
import { CustomerFieldsView } from "@/components/customers/customer-fields-view";
import { CustomersSubnav } from "@/components/customers/customers-subnav";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("customers");
  return { title: t("fieldsTitle") };
}

export default async function CustomerFieldsPage() {
  const session = await requirePageSession("customer.fields", "/admin/customers/fields");
  const t = await getTranslations("customers");
  return (
    <AppShell session={session}>
      <div className="stack">
        <CustomersSubnav current="fields" />
        <h1>{t("fieldsTitle")}</h1>
        <div className="muted">{t("fieldsHelp")}</div>
        <CustomerFieldsView fields={await listCustomerFields()} />
      </div>
    </AppShell>
  );
}
