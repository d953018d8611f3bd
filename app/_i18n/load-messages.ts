import designerEn from "./messages/designer/en.json";
import designerZhCN from "./messages/designer/zh-CN.json";
import en from "./messages/en.json";
import zhCN from "./messages/zh-CN.json";
import type { AppLocale } from "./locales";

/**
 * One catalog per language. The canvas's strings live in messages/designer/ (kept by the canvas's
 * engineer) and are served under the "designer" namespace.
 */
export type Messages = typeof en & { designer: typeof designerEn };

const catalogs: Record<AppLocale, Messages> = {
  "zh-CN": { ...zhCN, designer: designerZhCN },
  en: { ...en, designer: designerEn },
};

export function loadMessages(locale: AppLocale): Messages {
  return catalogs[locale];
}
