import { contactZone } from "@/flows-runtime/campaigns/contact-zone";
import { normalizePhone } from "@/flows-runtime/campaigns/phone-number";
import type { AppLocale } from "@/app/_i18n/locales";

export type ContactCheck = { ok: true; phone: string } | { ok: false; field: "phone" | "timeZone"; message: string };

const PHONE_MESSAGES: Record<"empty" | "not-a-number" | "bad-length", { en: string; zh: string }> = {
  empty: { en: "must not be empty", zh: "不能为空" },
  "not-a-number": { en: "is not a phone number", zh: "不是电话号码" },
  "bad-length": { en: "is not a valid mobile or landline number (E.164, or Chinese with area code)", zh: "不是有效的手机或固话号码（E.164 格式，或带区号的国内号码）" },
};

/** A contact's number in E.164 (the campaigns' own rules) and a time zone its calling windows can be read in, or the one field that is wrong. */
export function checkContact(phone: string, timeZone: string | null, locale: AppLocale): ContactCheck {
  const normalized = normalizePhone(phone);
  if (!normalized.ok) {
    const reason = PHONE_MESSAGES[normalized.reason];
    return { ok: false, field: "phone", message: locale === "en" ? `phone "${phone}" ${reason.en}` : `号码“${phone}”${reason.zh}` };
  }
  const zone = contactZone({ phone: normalized.e164, timeZone });
  if (zone.ok) return { ok: true, phone: normalized.e164 };
  const message =
    zone.reason === "invalid-zone"
      ? locale === "en"
        ? `time zone "${timeZone ?? ""}" is not an IANA time zone`
        : `时区“${timeZone ?? ""}”不是 IANA 时区，例如 Asia/Shanghai`
      : locale === "en"
        ? "the number's country has several time zones: give the contact's time zone"
        : "该号码所在国家有多个时区，请填写联系人的时区";
  return { ok: false, field: "timeZone", message };
}
