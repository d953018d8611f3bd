import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { readSession } from "@/app/_server/auth/read-session";
import { safeReturnPath } from "@/app/_server/auth/safe-return-path";
import { LanguageSwitcher } from "@/components/language-switcher";
import { SignInForm } from "@/components/sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("signInTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const returnTo = safeReturnPath(params.callbackUrl);
  if (await readSession(await headers())) redirect(returnTo);
  const t = await getTranslations();
  const locale = await getLocale();
  return (
    <main className="page" style={{ maxWidth: 420, paddingTop: 72 }}>
      <div className="row" style={{ justifyContent: "flex-end", marginBottom: 12 }}>
        <LanguageSwitcher current={locale} signedIn={false} />
      </div>
      <div className="card stack" style={{ padding: 28 }}>
        <div>
          <div className="muted small">{t("app.name")}</div>
          <h1>{t("auth.signInTitle")}</h1>
        </div>
        <SignInForm returnTo={returnTo} failedBefore={typeof params.error === "string"} />
      </div>
    </main>
  );
}
