import { normalizePhoneNumber } from "@/flows-runtime/nodes/lookup-customer/phone-number";
import type { AppLocale } from "@/app/_i18n/locales";
import type { FieldProblem } from "@/app/_server/http/parse-input";

export type NormalizedPhones = { ok: true; numbers: string[] } | { ok: false; problems: FieldProblem[] };

/** A customer's phone numbers, normalised; each bad or repeated one named by its place ("phones.1"). */
export function normalizePhones(raw: readonly string[], locale: AppLocale, field = "phones"): NormalizedPhones {
  const problems: FieldProblem[] = [];
  const numbers: string[] = [];
  raw.forEach((text, index) => {
    const phone = normalizePhoneNumber(text);
    const place = raw.length === 1 ? field : `${field}.${index}`;
    if (!phone.ok) problems.push({ field: place, message: locale === "en" ? `"${text}" is not a phone number (3 to 20 digits, optionally starting with +)` : `“${text}”不是电话号码（3 到 20 位数字，可以 + 开头）` });
    else if (numbers.includes(phone.number)) problems.push({ field: place, message: locale === "en" ? `${phone.number} is listed twice` : `${phone.number} 重复出现` });
    else numbers.push(phone.number);
  });
  return problems.length === 0 ? { ok: true, numbers } : { ok: false, problems };
}
