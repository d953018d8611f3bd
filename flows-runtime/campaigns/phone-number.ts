/** A phone number in E.164 form: "+" and up to 15 digits, no leading zero in the country code. */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;

export type NormalizedPhone = { ok: true; e164: string } | { ok: false; reason: "empty" | "not-a-number" | "bad-length" };

const CHINESE_MOBILE = /^1[3-9]\d{9}$/;
/** Area code 10, 2x (two digits after the 0) or three digits (e.g. 755), then 7–8 subscriber digits. */
const CHINESE_LANDLINE = /^0(?:10|2\d|[3-9]\d{2})[2-9]\d{6,7}$/;

/**
 * A number as people write it (spaces, dashes, brackets, "+86", "0086", a trunk 0) → E.164.
 * Without a country code the number is taken as Chinese: an 11-digit mobile (1[3-9]…) or a landline
 * with its area code and trunk prefix 0 (010-12345678 → +861012345678).
 */
export function normalizePhone(raw: string): NormalizedPhone {
  const trimmed = raw.trim();
  if (trimmed === "") return { ok: false, reason: "empty" };
  if (!/^[+\d\s().\-]+$/.test(trimmed)) return { ok: false, reason: "not-a-number" };
  let digits = trimmed.replace(/[\s().\-]/g, "");
  if (digits.indexOf("+") > 0 || (digits.match(/\+/g) ?? []).length > 1) return { ok: false, reason: "not-a-number" };
  if (digits.startsWith("00")) digits = `+${digits.slice(2)}`;
  if (digits.startsWith("+86")) return chinese(digits.slice(3), true);
  if (digits.startsWith("+")) return E164_PATTERN.test(digits) ? { ok: true, e164: digits } : { ok: false, reason: "bad-length" };
  if (digits.startsWith("86") && CHINESE_MOBILE.test(digits.slice(2))) return { ok: true, e164: `+${digits}` };
  return chinese(digits, false);
}

function chinese(national: string, hadCountryCode: boolean): NormalizedPhone {
  if (CHINESE_MOBILE.test(national)) return { ok: true, e164: `+86${national}` };
  // After +86 the trunk 0 is dropped, but people write it anyway: +86 (0)10 …
  const withTrunk = hadCountryCode && !national.startsWith("0") ? `0${national}` : national;
  if (CHINESE_LANDLINE.test(withTrunk)) return { ok: true, e164: `+86${withTrunk.slice(1)}` };
  return { ok: false, reason: "bad-length" };
}

/**
 * Countries by calling code (longest code first), with the time zone when the country has only one.
 * Countries with several zones (+1, +7, +61 …) have none: their contacts need a time zone of their own.
 * +1 is the North American plan (US, Canada, parts of the Caribbean): taken as US.
 */
const COUNTRIES: readonly { code: string; country: string; zone: string | null }[] = [
  { code: "852", country: "HK", zone: "Asia/Hong_Kong" },
  { code: "853", country: "MO", zone: "Asia/Macau" },
  { code: "886", country: "TW", zone: "Asia/Taipei" },
  { code: "86", country: "CN", zone: "Asia/Shanghai" },
  { code: "81", country: "JP", zone: "Asia/Tokyo" },
  { code: "82", country: "KR", zone: "Asia/Seoul" },
  { code: "65", country: "SG", zone: "Asia/Singapore" },
  { code: "49", country: "DE", zone: "Europe/Berlin" },
  { code: "44", country: "GB", zone: "Europe/London" },
  { code: "33", country: "FR", zone: "Europe/Paris" },
  { code: "61", country: "AU", zone: null },
  { code: "7", country: "RU", zone: null },
  { code: "1", country: "US", zone: null },
];

/** ISO country of an E.164 number and its time zone when the country has one; null for codes not listed. */
export function countryOfPhone(e164: string): { country: string; zone: string | null } | null {
  const found = COUNTRIES.find((entry) => e164.startsWith(`+${entry.code}`));
  return found ? { country: found.country, zone: found.zone } : null;
}
