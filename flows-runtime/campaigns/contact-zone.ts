import { isValidTimeZone } from "../nodes/business-hours/time-of-day";
import { countryOfPhone } from "./phone-number";

export type ContactZone = { ok: true; zone: string; country: string | null } | { ok: false; reason: "unknown-zone" | "invalid-zone" };

/** The time zone a contact's calling windows are read in: the contact's own, else its number's country's. */
export function contactZone(contact: { phone: string; timeZone: string | null }): ContactZone {
  const country = countryOfPhone(contact.phone);
  if (contact.timeZone !== null && contact.timeZone !== "") {
    if (!isValidTimeZone(contact.timeZone)) return { ok: false, reason: "invalid-zone" };
    return { ok: true, zone: contact.timeZone, country: country?.country ?? null };
  }
  if (country?.zone == null) return { ok: false, reason: "unknown-zone" };
  return { ok: true, zone: country.zone, country: country.country };
}
