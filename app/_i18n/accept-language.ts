import type { AppLocale } from "./locales";

/** A language tag's primary subtag to our catalogue: every Chinese variant reads Simplified Chinese best of the two. */
function toSupported(tag: string): AppLocale | undefined {
  const primary = tag.trim().toLowerCase().split("-")[0];
  if (primary === "zh") return "zh-CN";
  if (primary === "en") return "en";
  return undefined;
}

/** The supported language the browser prefers most (RFC 9110 Accept-Language, by q-value then order), or undefined. */
export function acceptLanguage(header: string | null): AppLocale | undefined {
  if (header === null) return undefined;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.split(";");
      const q = params.map((param) => param.trim()).find((param) => param.startsWith("q="));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { locale: toSupported(tag), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked.find((entry) => entry.locale !== undefined)?.locale;
}
