import type { NodeExecutor } from "../node-definition";
import { businessHoursCompiledSchema, type BusinessHoursCompiled } from "./compiled";
import { localTime, type LocalTime } from "./local-time";

export function isOpen(config: BusinessHoursCompiled, now: LocalTime): boolean {
  const within = (range: { openMinute: number; closeMinute: number }) => now.minute >= range.openMinute && now.minute < range.closeMinute;
  if (config.holidays.includes(now.date)) return false;
  const extra = config.extraOpenDays.filter((day) => day.date === now.date);
  if (extra.length > 0) return extra.some(within);
  return config.weekly.some((range) => range.day === now.weekday && within(range));
}

export const executeBusinessHours: NodeExecutor = async (step, ctx) => {
  const config = businessHoursCompiledSchema.parse(step.config);
  return { port: isOpen(config, localTime(ctx.now(), config.timezone)) ? "open" : "closed" };
};
