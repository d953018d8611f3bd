import { acceptLanguage } from "./accept-language";
import { defaultLocale, localeCookieName, toLocale, type AppLocale } from "./locales";

function cookieValue(headers: Headers, name: string): string | undefined {
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join("="));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * The UI language for this request: the switcher's cookie (this browser's explicit choice), then the
 * signed-in user's stored preference, then the browser's Accept-Language (a first visit), then Simplified Chinese.
 */
export function localeFromHeaders(headers: Headers, preference?: AppLocale): AppLocale {
  return toLocale(cookieValue(headers, localeCookieName)) ?? preference ?? acceptLanguage(headers.get("accept-language")) ?? defaultLocale;
}
