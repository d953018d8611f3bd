import { localTime, type LocalTime } from "../nodes/business-hours/local-time";
import { parseTimeOfDay } from "../nodes/business-hours/time-of-day";
import type { CampaignSchedule, TimeSpan } from "./schedule-schema";

const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;
/** Boundaries looked at before giving up: far more than two weeks of windows. */
const MAX_STEPS = 5_000;

/** What decides whether a contact may be called: the campaign's schedule and the legal window of the contact's country (null: none configured). */
export interface CallingRules {
  schedule: CampaignSchedule;
  legal: TimeSpan | null;
  zone: string;
}

interface Span {
  start: number;
  end: number;
}

function span(window: TimeSpan): Span {
  return { start: parseTimeOfDay(window.start) ?? 0, end: parseTimeOfDay(window.end) ?? 0 };
}

/** The spans of a local day in which calling is allowed: the campaign's windows of that weekday cut to the legal window. */
function allowedSpans(rules: CallingRules, local: LocalTime): Span[] {
  const { startDate, endDate } = rules.schedule;
  if ((startDate !== null && local.date < startDate) || (endDate !== null && local.date > endDate)) return [];
  const legal = rules.legal === null ? { start: 0, end: DAY_MINUTES } : span(rules.legal);
  return rules.schedule.windows
    .filter((window) => window.days.includes(local.weekday))
    .map(span)
    .map((window) => ({ start: Math.max(window.start, legal.start), end: Math.min(window.end, legal.end) }))
    .filter((window) => window.start < window.end);
}

/** Whether a contact may be called at `instant`, read in the contact's own time zone. */
export function isCallingAllowed(instant: Date, rules: CallingRules): boolean {
  const local = localTime(instant, rules.zone);
  return allowedSpans(rules, local).some((window) => window.start <= local.minute && local.minute < window.end);
}

/** UTC offset of the zone at `ms`, in minutes (whole minutes in every zone in use today). */
function offsetMinutes(ms: number, zone: string): number {
  const local = localTime(new Date(ms), zone);
  const [year, month, day] = local.date.split("-").map(Number);
  const wall = Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1) + local.minute * MINUTE_MS;
  return Math.round((wall - Math.floor(ms / MINUTE_MS) * MINUTE_MS) / MINUTE_MS);
}

/** The first minute after `from` (exclusive) up to `to` at which the zone's offset differs from the one at `from`. */
function nextOffsetChange(from: number, to: number, zone: string): number {
  const before = offsetMinutes(from, zone);
  let low = from;
  let high = to;
  while (high - low > MINUTE_MS) {
    const middle = low + Math.floor((high - low) / MINUTE_MS / 2) * MINUTE_MS;
    if (offsetMinutes(middle, zone) === before) low = middle;
    else high = middle;
  }
  return high;
}

/** The next local wall time after `local` at which calling may begin: a window's start later today, else the next midnight. */
function nextBoundary(rules: CallingRules, local: LocalTime): { date: string; minute: number } {
  const starts = allowedSpans(rules, local)
    .map((window) => window.start)
    .filter((start) => start > local.minute);
  if (starts.length > 0) return { date: local.date, minute: Math.min(...starts) };
  const startDate = rules.schedule.startDate;
  if (startDate !== null && local.date < startDate) return { date: startDate, minute: 0 };
  return { date: nextDate(local.date), minute: 0 };
}

function nextDate(date: string): string {
  const [year, month, day] = date.split("-").map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, (day ?? 1) + 1)).toISOString().slice(0, 10);
}

function wallMs(date: string, minute: number): number {
  const [year, month, day] = date.split("-").map(Number);
  return Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1) + minute * MINUTE_MS;
}

/**
 * The earliest instant at or after `from` when the contact may be called; null when never (the
 * campaign's end date passed, or no window overlaps the legal window). Steps from boundary to boundary
 * (window starts, midnights, changes of the zone's offset), so a window that starts inside a
 * daylight-saving gap opens when the clocks jump, and an hour repeated in autumn is seen twice.
 */
export function nextCallingTime(from: Date, rules: CallingRules): Date | null {
  if (!opensOnSomeWeekday(rules)) return null;
  let at = from.getTime();
  for (let step = 0; step < MAX_STEPS; step += 1) {
    if (isCallingAllowed(new Date(at), rules)) return new Date(at);
    const local = localTime(new Date(at), rules.zone);
    const endDate = rules.schedule.endDate;
    if (endDate !== null && local.date > endDate) return null;
    const boundary = nextBoundary(rules, local);
    const offset = offsetMinutes(at, rules.zone);
    const atMinute = Math.floor(at / MINUTE_MS) * MINUTE_MS;
    // Where the boundary falls if the offset stays as it is now.
    const candidate = Math.max(wallMs(boundary.date, boundary.minute) - offset * MINUTE_MS, atMinute + MINUTE_MS);
    at = offsetMinutes(candidate, rules.zone) === offset ? candidate : nextOffsetChange(atMinute, candidate, rules.zone);
  }
  return null;
}

function opensOnSomeWeekday(rules: CallingRules): boolean {
  const anyDate = { ...rules, schedule: { ...rules.schedule, startDate: null, endDate: null } };
  return [1, 2, 3, 4, 5, 6, 7].some((weekday) => allowedSpans(anyDate, { date: "2000-01-01", weekday, minute: 0 }).length > 0);
}
