import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { canOnSomeKind } from "@/app/_server/auth/permissions";
import { requirePageSession } from "@/app/_server/auth/require-page-session";
import { readCustomerPage } from "@/app/_server/customers/customer-page";
import { listCustomerFields } from "@/app/_server/customers/manage-customer-fields";
import { AppError } from "@/app/_server/http/app-error";
import { AppShell } from "@/components/app-shell";
import { CustomerProfile } from "@/components/customers/customer-profile";
import { InteractionList } from "@/components/customers/interaction-list";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("customers");
  return { title: t("profileTitle") };
}

async function pageOrNotFound(...args: Parameters<typeof readCustomerPage>) {
  try {
    return await readCustomerPage(...args);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}

/** Supervisors and administrators: any customer; an agent: a customer of one of their calls (else 404). */
export default async function CustomerPage({ params }: { params: Promise<{ customerId: string }> }) {
  const { customerId } = await params;
  const session = await requirePageSession("signed-in", `/customers/${encodeURIComponent(customerId)}`);
  const [page, fields] = await Promise.all([pageOrNotFound(session, customerId), listCustomerFields()]);
  const t = await getTranslations("customers");
  return (
    <AppShell session={session}>
      <div className="stack">
        <h1>{t("profileTitle")}</h1>
        <CustomerProfile customer={page.customer} fields={fields} canEdit={canOnSomeKind(session.role, "customer.edit")} />
        <h2>{t("interactions")}</h2>
        <InteractionList interactions={page.interactions} showRecordings={canOnSomeKind(session.role, "call.view")} />
      </div>
    </AppShell>
  );
}
