import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { scopesForRole } from "@/app/_server/api-tokens/api-token-view";
import { listApiTokens } from "@/app/_server/api-tokens/manage-api-tokens";
import { canOnSomeKind } from "@/app/_server/auth/permissions";
import { ApiTokensView } from "@/components/admin/api-tokens-view";
import { requirePageSession } from "@/app/_server/auth/require-page-session";
import { AppShell } from "@/components/app-shell";
import { LanguageSwitcher } from "@/components/language-switcher";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("title") };
}

export default async function AccountPage() {
  const session = await requirePageSession("signed-in", "/account");
  const t = await getTranslations("account");
  const tRoles = await getTranslations("roles");
  const locale = await getLocale();
  const tokenScopes = scopesForRole(session.role);
  const tokens = tokenScopes.length > 0 ? await listApiTokens(session, "own") : [];
  const tTokens = await getTranslations("apiTokens");
  return (
    <AppShell session={session}>
      <div className="stack" style={{ maxWidth: 560 }}>
        <h1>{t("title")}</h1>
        {!canOnSomeKind(session.role, "flow.view") && <div className="alert warning">{t("noDesignerAccess")}</div>}
        <div className="card stack" style={{ padding: 20 }}>
          <div>
            <div className="muted small">{t("name")}</div>
            <div>{session.name}</div>
          </div>
          <div>
            <div className="muted small">{t("email")}</div>
            <div>{session.email}</div>
          </div>
          <div>
            <div className="muted small">{t("role")}</div>
            <div>
              {tRoles(session.role)} <span className="muted">— {t(`roleDescriptions.${session.role}`)}</span>
            </div>
          </div>
          <div>
            <div className="muted small">{t("language")}</div>
            <LanguageSwitcher current={locale} signedIn />
            <div className="muted small">{t("languageHelp")}</div>
          </div>
        </div>
        {tokenScopes.length > 0 && (
          <div className="stack">
            <h2>{tTokens("mine")}</h2>
            <div className="muted">{tTokens("help")}</div>
            <ApiTokensView tokens={tokens} scopes={tokenScopes} />
          </div>
        )}
      </div>
    </AppShell>
  );
}
