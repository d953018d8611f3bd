import { z } from "zod";

export const locales = ["zh-CN", "en"] as const;
export const localeSchema = z.enum(locales);
export type AppLocale = z.infer<typeof localeSchema>;
export const defaultLocale: AppLocale = "zh-CN";
/** The cookie next-intl's own tooling also reads; set by the language switcher. */
export const localeCookieName = "NEXT_LOCALE";

/** Any string (a cookie, an Accept-Language tag, a stored preference) to a supported locale, or undefined. */
export function toLocale(value: string | null | undefined): AppLocale | undefined {
  const parsed = localeSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
