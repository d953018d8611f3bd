import type { LocalizedText } from "../nodes/node-definition";

export const LOCALES = ["en", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];

export const pick = (text: LocalizedText, locale: Locale): string => (locale === "en" ? text.en : text.zh);
