import { z } from "zod";
import { isCalendarDate, parseTimeOfDay } from "../nodes/business-hours/time-of-day";

const timeOfDay = z.string().refine((value) => parseTimeOfDay(value) !== null, "must be HH:MM between 00:00 and 24:00");
const calendarDate = z.string().refine(isCalendarDate, "must be a date YYYY-MM-DD");

/** A span of local time, start included, end excluded ("24:00" = until midnight). */
export const timeSpanSchema = z
  .object({ start: timeOfDay, end: timeOfDay })
  .refine((span) => (parseTimeOfDay(span.start) ?? 0) < (parseTimeOfDay(span.end) ?? 0), { message: "must end after it starts", path: ["end"] });
export type TimeSpan = z.infer<typeof timeSpanSchema>;

/** On the given ISO weekdays (1 = Monday), between start and end in the contact's local time. */
export const callingWindowSchema = timeSpanSchema.and(z.object({ days: z.array(z.number().int().min(1).max(7)).min(1).max(7) }));
export type CallingWindow = z.infer<typeof callingWindowSchema>;

/** When a campaign may call: its dates (local dates of the contact, both included) and its windows. */
export const campaignScheduleSchema = z
  .object({
    startDate: calendarDate.nullable().default(null),
    endDate: calendarDate.nullable().default(null),
    windows: z.array(callingWindowSchema).min(1).max(20),
  })
  .refine((schedule) => schedule.startDate === null || schedule.endDate === null || schedule.startDate <= schedule.endDate, {
    message: "must not be before the start date",
    path: ["endDate"],
  });
export type CampaignSchedule = z.infer<typeof campaignScheduleSchema>;

/** Legal calling hours by ISO country code ("CN" → 08:00–21:00). */
export const legalWindowsSchema = z.record(z.string().regex(/^[A-Z]{2}$/, "must be an ISO country code"), timeSpanSchema);
export type LegalWindows = z.infer<typeof legalWindowsSchema>;

/** China's default: 08:00–21:00 local time. An administrator sets other countries (and may change this one). */
export const DEFAULT_LEGAL_WINDOWS: LegalWindows = { CN: { start: "08:00", end: "21:00" } };
