import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageSession } from "@/app/_server/auth/require-page-session";
import { listHttpAllowList } from "@/app/_server/http-allow-list/manage-http-allow-list";
import { AppShell } from "@/components/app-shell";
import { HttpAllowListView } from "@/components/http-allow-list/http-allow-list-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("httpAllowList");
  return { title: t("title") };
}

export default async function HttpAllowListPage() {
  // The administrator's page, like users and API tokens.
  const session = await requirePageSession("user.manage", "/admin/http-allow-list");
  const list = await listHttpAllowList();
  const t = await getTranslations("httpAllowList");
  return (
    <AppShell session={session}>
      <div className="stack">
        <h1>{t("title")}</h1>
        <div className="muted">{t("help")}</div>
        <HttpAllowListView list={list} />
      </div>
    </AppShell>
  );
}
