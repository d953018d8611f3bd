import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { scopesForRole } from "@/app/_server/api-tokens/api-token-view";
import { listApiTokens } from "@/app/_server/api-tokens/manage-api-tokens";
import { requirePageSession } from "@/app/_server/auth/require-page-session";
import { ApiTokensView } from "@/components/admin/api-tokens-view";
import { AppShell } from "@/components/app-shell";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiTokens");
  return { title: t("title") };
}

export default async function ApiTokensPage() {
  const session = await requirePageSession("apiToken.manage", "/admin/api-tokens");
  const tokens = await listApiTokens(session);
  const t = await getTranslations("apiTokens");
  return (
    <AppShell session={session}>
      <div className="stack">
        <h1>{t("title")}</h1>
        <div className="muted">{t("help")}</div>
        <ApiTokensView tokens={tokens} scopes={scopesForRole(session.role)} />
      </div>
    </AppShell>
  );
}
