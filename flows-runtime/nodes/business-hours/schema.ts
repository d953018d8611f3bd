import { z } from "zod";
import { isCalendarDate, isValidTimeZone, parseTimeOfDay } from "./time-of-day";

const timeSchema = z
  .string()
  .max(5, { abort: true })
  .refine((value) => parseTimeOfDay(value) !== null, { params: { code: "bad-time" } });

const dateSchema = z
  .string()
  .max(10, { abort: true })
  .refine(isCalendarDate, { params: { code: "bad-date" } });

const timeRangeChecks = <T extends { open: string; close: string }>(schema: z.ZodType<T>) =>
  schema.superRefine((range, ctx) => {
    const open = parseTimeOfDay(range.open);
    const close = parseTimeOfDay(range.close);
    if (open !== null && close !== null && open >= close) {
      ctx.addIssue({ code: "custom", path: ["close"], input: range.close, params: { code: "time-order", open: range.open, close: range.close } });
    }
  });

export const weeklyHoursSchema = timeRangeChecks(
  z.object({
    /** ISO weekday: 1 = Monday … 7 = Sunday. */
    day: z.number().int().min(1).max(7),
    open: timeSchema,
    close: timeSchema,
  }),
);

export const holidaySchema = z.object({ date: dateSchema, name: z.string().max(100).default("") });

/** A weekend or holiday made a working day (调休), with its own hours. */
export const extraOpenDaySchema = timeRangeChecks(z.object({ date: dateSchema, open: timeSchema, close: timeSchema }));

const WORKWEEK = [1, 2, 3, 4, 5].map((day) => ({ day, open: "09:00", close: "18:00" }));

export const businessHoursSchema = z.object({
  timezone: z
    .string()
    .max(64, { abort: true })
    .refine(isValidTimeZone, { params: { code: "bad-timezone" } })
    .default("Asia/Shanghai"),
  /** Several ranges on one day are allowed (a lunch break). */
  weekly: z.array(weeklyHoursSchema).max(50).default(WORKWEEK),
  holidays: z.array(holidaySchema).max(400).default([]),
  extraOpenDays: z.array(extraOpenDaySchema).max(100).default([]),
});
export type BusinessHoursConfig = z.infer<typeof businessHoursSchema>;
