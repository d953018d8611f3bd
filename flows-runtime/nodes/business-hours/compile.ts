import type { NodeCompiler } from "../node-definition";
import type { BusinessHoursCompiled } from "./compiled";
import type { BusinessHoursConfig } from "./schema";
import { parseTimeOfDay } from "./time-of-day";

const minutes = (time: string): number => {
  const value = parseTimeOfDay(time);
  if (value === null) throw new Error(`invalid time "${time}" after validation`);
  return value;
};

export const compileBusinessHours: NodeCompiler<BusinessHoursConfig, BusinessHoursCompiled> = (config) => ({
  timezone: config.timezone,
  weekly: config.weekly.map((range) => ({ day: range.day, openMinute: minutes(range.open), closeMinute: minutes(range.close) })),
  holidays: config.holidays.map((holiday) => holiday.date).sort(),
  extraOpenDays: config.extraOpenDays.map((day) => ({ date: day.date, openMinute: minutes(day.open), closeMinute: minutes(day.close) })),
});
