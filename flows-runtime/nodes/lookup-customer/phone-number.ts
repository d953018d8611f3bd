/**
 * Phone numbers as customers are stored and callers are matched: E.164-like ("+8613800000000") where
 * the country is known, else the digits as dialled (an extension, a short service number). Pure, so
 * the web app (import, editing) and the workers (the lookup node's activity) normalise alike.
 */

/** China: callers reach the contact center as 13800000000, 8613800000000, +86… or 0086…; landlines 010… */
const COUNTRY_CODE = "86";
const SEPARATORS = /[\s\-().\u3000]/g;

export type PhoneNumberResult = { ok: true; number: string } | { ok: false };

export function normalizePhoneNumber(raw: string): PhoneNumberResult {
  const cleaned = raw.trim().replace(SEPARATORS, "").replace(/^＋/, "+");
  const international = cleaned.startsWith("+") ? cleaned.slice(1) : cleaned.startsWith("00") ? cleaned.slice(2) : null;
  const digits = international ?? cleaned;
  if (!/^\d{3,20}$/.test(digits)) return { ok: false };
  if (international !== null) return { ok: true, number: `+${digits}` };
  if (/^1\d{10}$/.test(digits)) return { ok: true, number: `+${COUNTRY_CODE}${digits}` };
  if (digits.startsWith(COUNTRY_CODE) && /^1\d{10}$/.test(digits.slice(COUNTRY_CODE.length))) return { ok: true, number: `+${digits}` };
  // A national number with its trunk prefix (010 6552 9988): the 0 is not part of the international form.
  if (/^0[1-9]\d{8,10}$/.test(digits)) return { ok: true, number: `+${COUNTRY_CODE}${digits.slice(1)}` };
  return { ok: true, number: digits };
}

/** The ways a caller id may show a stored number (calls keep the caller id as Asterisk gave it). */
export function callerIdForms(normalized: string): string[] {
  if (!normalized.startsWith("+")) return [normalized];
  const digits = normalized.slice(1);
  const forms = [normalized, digits, `00${digits}`];
  if (digits.startsWith(COUNTRY_CODE)) {
    const national = digits.slice(COUNTRY_CODE.length);
    forms.push(/^1\d{10}$/.test(national) ? national : `0${national}`);
  }
  return forms;
}
