import en from "./messages/en.json";
import zhCN from "./messages/zh-CN.json";
import type { AppLocale } from "./locales";

export type Messages = typeof en;

const catalogs: Record<AppLocale, Messages> = { "zh-CN": zhCN, en };

export function loadMessages(locale: AppLocale): Messages {
  return catalogs[locale];
}
