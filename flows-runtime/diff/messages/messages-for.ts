import type { LocalizedText } from "../../nodes/node-definition";
import type { DiffLocale } from "../types";
import type { DiffMessages } from "./catalog";
import { en } from "./en";
import { zhCN } from "./zh-CN";

export function messagesFor(locale: DiffLocale): DiffMessages {
  return locale === "en" ? en : zhCN;
}

/** The registry's texts carry `en` and `zh`. */
export function pickText(text: LocalizedText, locale: DiffLocale): string {
  return locale === "en" ? text.en : text.zh;
}
