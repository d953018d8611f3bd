import { SUPPORTED_LANGUAGES } from "@/flows-runtime/nodes/shared/languages";
import { pick, type Locale } from "@/flows-runtime/i18n/locales";

let timeZones: string[] | null = null;
const zoneLabels = new Map<string, { value: string; label: string }[]>();

/** A zone's name in the UI's language ("中国时间"); the IANA id stays the value typed and stored. */
function zoneName(zone: string, locale: Locale): string {
  try {
    const parts = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "longGeneric" }).formatToParts(new Date(0));
    return parts.find((part) => part.type === "timeZoneName")?.value ?? zone;
  } catch {
    return zone;
  }
}

/** Choices offered for free-text settings the hints mark as selects (time zones, languages). */
export function fieldSuggestions(name: string, locale: Locale): { value: string; label: string }[] {
  if (name === "timezone") {
    timeZones ??= typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["Asia/Shanghai", "UTC"];
    const zones = timeZones;
    const cached = zoneLabels.get(locale) ?? zones.map((zone) => ({ value: zone, label: zoneName(zone, locale) }));
    zoneLabels.set(locale, cached);
    return cached;
  }
  if (name === "language") return SUPPORTED_LANGUAGES.map((language) => ({ value: language.code, label: pick(language.label, locale) }));
  return [];
}

/** A supported prompt language's name ("英语（美国）" for en-US), or the text itself when it is none. */
export function languageName(code: string, locale: Locale): string {
  const language = SUPPORTED_LANGUAGES.find((candidate) => candidate.code === code);
  return language === undefined ? code : pick(language.label, locale);
}

/** A setting shown on a node: a language code or an IANA time zone by its name in the UI's language, else as it is. */
export function settingName(text: string, locale: Locale): string {
  const language = languageName(text, locale);
  if (language !== text) return language;
  timeZones ??= typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["Asia/Shanghai", "UTC"];
  return timeZones.includes(text) ? zoneName(text, locale) : text;
}

/** Labels for numbered choices: ISO weekdays for a 1–7 "day". */
export function numberOptionLabel(name: string, value: number, locale: Locale): string {
  if (name === "day") {
    // 2024-01-01 was a Monday (ISO day 1).
    return new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, value)));
  }
  return String(value);
}
