import { offsetMinutes, wallClockParts } from "@/app/_server/audit/zoned-day";

const localPattern = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

/**
 * A wall-clock time in the contact center's zone ("YYYY-MM-DD" or "YYYY-MM-DDTHH:mm", what date and
 * datetime-local inputs send) as an instant. The offset is taken at the instant itself, so a time on
 * a daylight-saving day lands right.
 */
export function zonedInstant(local: string, timeZone: string): Date {
  const match = localPattern.exec(local);
  if (match === null) throw new Error(`not a local time: ${local}`);
  const [, year, month, day, hour, minute] = match;
  const asUtc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour ?? 0), Number(minute ?? 0));
  const guess = asUtc - offsetMinutes(new Date(asUtc), timeZone) * 60_000;
  return new Date(asUtc - offsetMinutes(new Date(guess), timeZone) * 60_000);
}

/** The end of a range given as a day (the whole day counts) or as a minute (that minute counts). */
export function zonedEnd(local: string, timeZone: string): Date {
  const start = zonedInstant(local, timeZone);
  if (local.includes("T")) return new Date(start.getTime() + 60_000);
  const next = new Date(`${local.slice(0, 10)}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return zonedInstant(next.toISOString().slice(0, 10), timeZone);
}

/** "YYYY-MM-DD HH:mm:ss" in the zone, for CSV cells a spreadsheet sorts as text. */
export function zonedText(instant: Date, timeZone: string): string {
  const p = wallClockParts(instant, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}
