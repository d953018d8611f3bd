import { SUPPORTED_LANGUAGES } from "@/flows-runtime/nodes/shared/languages";
import { pick, type Locale } from "@/flows-runtime/i18n/locales";

let timeZones: string[] | null = null;

/** Choices offered for free-text settings the hints mark as selects (time zones, languages). */
export function fieldSuggestions(name: string, locale: Locale): { value: string; label: string }[] {
  if (name === "timezone") {
    timeZones ??= typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["Asia/Shanghai", "UTC"];
    return timeZones.map((zone) => ({ value: zone, label: zone }));
  }
  if (name === "language") return SUPPORTED_LANGUAGES.map((language) => ({ value: language.code, label: pick(language.label, locale) }));
  return [];
}

/** Labels for numbered choices: ISO weekdays for a 1–7 "day". */
export function numberOptionLabel(name: string, value: number, locale: Locale): string {
  if (name === "day") {
    // 2024-01-01 was a Monday (ISO day 1).
    return new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, value)));
  }
  return String(value);
}
