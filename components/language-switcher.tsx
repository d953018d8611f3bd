"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { localeCookieName, locales, type AppLocale } from "@/app/_i18n/locales";
import { apiRequest } from "./api-request";

/**
 * Signed in: stores the choice as the user's preference (PUT /api/me/locale, which also sets the
 * cookie). On the sign-in page there is no user yet, so only this browser's cookie is set.
 */
export function LanguageSwitcher({ current, signedIn }: { current: AppLocale; signedIn: boolean }) {
  const t = useTranslations("language");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failed, setFailed] = useState(false);

  async function choose(locale: AppLocale) {
    setFailed(false);
    if (signedIn) {
      const result = await apiRequest("/api/me/locale", { method: "PUT", body: { locale } });
      if (!result.ok) return setFailed(true);
    } else {
      document.cookie = `${localeCookieName}=${locale}; path=/; max-age=31536000; samesite=lax`;
    }
    startTransition(() => router.refresh());
  }

  return (
    <label className="inline">
      <span className="muted small">{t("label")}</span>
      <select
        value={current}
        disabled={pending}
        aria-invalid={failed}
        onChange={(event) => {
          const locale = locales.find((candidate) => candidate === event.target.value);
          if (locale) void choose(locale);
        }}
      >
        {locales.map((locale) => (
          <option key={locale} value={locale}>
            {t(`names.${locale}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
