import { z } from "zod";

const rangeSchema = z.object({ openMinute: z.number(), closeMinute: z.number() });

export const businessHoursCompiledSchema = z.object({
  timezone: z.string(),
  weekly: z.array(rangeSchema.extend({ day: z.number() })),
  holidays: z.array(z.string()),
  extraOpenDays: z.array(rangeSchema.extend({ date: z.string() })),
});
export type BusinessHoursCompiled = z.infer<typeof businessHoursCompiledSchema>;
