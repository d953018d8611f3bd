import type { PretendClock } from "./pretend-schema";

const formatters = new Map<string, Intl.DateTimeFormat>();

function offsetFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in ms. */
function zoneOffsetMs(instant: number, zone: string): number {
  const parts: Record<string, number> = {};
  for (const part of offsetFormatter(zone).formatToParts(new Date(instant))) parts[part.type] = Number(part.value);
  const wall = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, (parts.hour ?? 0) % 24, parts.minute ?? 0, parts.second ?? 0);
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a wall-clock date and time in a zone names. A time that happens twice (clocks set back)
 * is the first of the two; a time skipped by a jump forward is read with the offset before the jump.
 */
export function zonedInstant(clock: PretendClock): Date {
  const [year = 0, month = 1, day = 1] = clock.date.split("-").map(Number);
  const [hour = 0, minute = 0] = clock.time.split(":").map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const halfDay = 12 * 3_600_000;
  const before = zoneOffsetMs(wall - halfDay, clock.timeZone);
  const after = zoneOffsetMs(wall + halfDay, clock.timeZone);
  const valid = [wall - before, wall - after].filter((instant) => wall - zoneOffsetMs(instant, clock.timeZone) === instant);
  return new Date(valid.length > 0 ? Math.min(...valid) : wall - before);
}

/**
 * A clock that starts at the pretended time when the call started and runs at the real pace from
 * there: `now` is the real (workflow) time, `callStartedAt` the real start of the call.
 */
export function pretendClock(clock: PretendClock, callStartedAt: Date): (now: Date) => Date {
  const offset = zonedInstant(clock).getTime() - callStartedAt.getTime();
  return (now) => new Date(now.getTime() + offset);
}
