import { localizeDetail } from "@/flows-runtime/i18n/localize-detail";
import en from "./messages/en.json";
import type { Messages } from "./load-messages";
import type { AppLocale } from "./locales";

type FieldMessageKey = keyof Messages["fieldMessages"];

function isFieldMessageKey(key: string): key is FieldMessageKey {
  return Object.hasOwn(en.fieldMessages, key);
}

/**
 * A field problem from the API (our schemas' English text, or zod's) in the UI's language. The
 * English catalogue holds our schemas' texts word for word, so a message is found by its English text.
 */
export function fieldMessage(message: string, locale: AppLocale, t: (key: FieldMessageKey) => string): string {
  if (locale === "en") return message;
  const key = Object.entries(en.fieldMessages).find(([, text]) => text === message)?.[0];
  if (key !== undefined && isFieldMessageKey(key)) return t(key);
  return localizeDetail(message, locale);
}
