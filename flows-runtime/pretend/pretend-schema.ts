import { z } from "zod";

/** A JSON value as a canned answer or a variable's value holds it (no functions, no undefined). */
export const jsonValueSchema: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValueSchema), z.record(z.string(), jsonValueSchema)]),
);

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isCalendarDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

/** The wall clock the flow sees: a local date and time in a time zone. */
export const pretendClockSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date (YYYY-MM-DD)").refine(isCalendarDate, "must be a date (YYYY-MM-DD)"),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time of day (HH:mm)"),
  timeZone: z.string().min(1, "is required").max(64).refine(isTimeZone, "must be a time zone such as Asia/Shanghai"),
});
export type PretendClock = z.infer<typeof pretendClockSchema>;

/** What an HTTP request node gets instead of sending its request. */
export const cannedHttpSchema = z.object({
  /** The HTTP node (a subflow's node as "<flowId>:<nodeId>"). */
  nodeId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_:.-]{0,199}$/, "must be a node id"),
  status: z.number().int("must be an HTTP status code (100 to 599)").min(100, "must be an HTTP status code (100 to 599)").max(599, "must be an HTTP status code (100 to 599)"),
  body: jsonValueSchema,
});
export type CannedHttp = z.infer<typeof cannedHttpSchema>;

/** "customer.tier": a variable, or a field inside one; never "call.*" (the caller and the line are pretended on their own). */
const variablePathSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}(\.[A-Za-z_][A-Za-z0-9_]{0,63}){0,7}$/, "must be a variable name such as customer.tier")
  .refine((path) => path !== "call" && !path.startsWith("call."), "must be a variable name such as customer.tier")
  .refine((path) => !path.split(".").some((part) => part === "__proto__" || part === "constructor" || part === "prototype"), "must be a variable name such as customer.tier");

/**
 * What a test call pretends. Every part is optional: what is not pretended is as on a real call
 * (the real clock, the simulator's caller id, the flow's default language, the real HTTP request).
 */
export const pretendSchema = z.object({
  clock: pretendClockSchema.optional(),
  caller: z.string().trim().regex(/^\+?[0-9]{2,32}$/, "must be a phone number: 2 to 32 digits with an optional leading +").optional(),
  dialed: z.string().trim().regex(/^\+?[0-9]{2,32}$/, "must be a phone number: 2 to 32 digits with an optional leading +").optional(),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/, "must be a language code such as zh-CN").optional(),
  variables: z.array(z.object({ name: variablePathSchema, value: jsonValueSchema })).max(50, "must be at most 50 entries").optional(),
  http: z.array(cannedHttpSchema).max(50, "must be at most 50 entries").optional(),
});
export type Pretend = z.infer<typeof pretendSchema>;
