import Link from "next/link";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { canOnSomeKind } from "@/app/_server/auth/permissions";
import type { Session } from "@/app/_server/auth/session";
import { LanguageSwitcher } from "./language-switcher";
import { SignOutButton } from "./sign-out-button";
import styles from "./app-shell.module.css";

/** Header and page frame for signed-in pages (the canvas has its own full-screen layout). */
export async function AppShell({ session, children }: { session: Session; children: ReactNode }) {
  const t = await getTranslations("app");
  const tRoles = await getTranslations("roles");
  const locale = await getLocale();
  return (
    <>
      <header className={styles.header}>
        <Link href="/" className={styles.brand}>
          {t("name")}
        </Link>
        <nav className={styles.nav}>
          {canOnSomeKind(session.role, "flow.view") && <Link href="/flows">{t("nav.flows")}</Link>}
          {canOnSomeKind(session.role, "flow.view") && <Link href="/reviews">{t("nav.reviews")}</Link>}
          {canOnSomeKind(session.role, "call.view") && <Link href="/calls">{t("nav.calls")}</Link>}
          {session.role === "agent" && <Link href="/agent">{t("nav.agent")}</Link>}
          {canOnSomeKind(session.role, "queue.monitor") && <Link href="/wallboard">{t("nav.wallboard")}</Link>}
          {canOnSomeKind(session.role, "campaign.manage") && <Link href="/campaigns">{t("nav.campaigns")}</Link>}
          {canOnSomeKind(session.role, "customer.view") && <Link href="/admin/customers">{t("nav.customers")}</Link>}
          {canOnSomeKind(session.role, "audit.view") && <Link href="/audit">{t("nav.audit")}</Link>}
          {canOnSomeKind(session.role, "user.manage") && <Link href="/admin/users">{t("nav.users")}</Link>}
          {canOnSomeKind(session.role, "apiToken.manage") && <Link href="/admin/api-tokens">{t("nav.apiTokens")}</Link>}
          {canOnSomeKind(session.role, "user.manage") && <Link href="/admin/http-allow-list">{t("nav.httpAllowList")}</Link>}
          {canOnSomeKind(session.role, "user.manage") && <Link href="/admin/queues">{t("nav.queues")}</Link>}
        </nav>
        <span className="spacer" />
        <LanguageSwitcher current={locale} signedIn />
        <Link href="/account" className={styles.user} title={session.email}>
          {session.name} <span className="badge">{tRoles(session.role)}</span>
        </Link>
        <SignOutButton />
      </header>
      <main className="page">{children}</main>
    </>
  );
}
