import { z } from "zod";

/** Asking Intl costs some 0.2 ms a zone: an import of 100,000 rows asks once per distinct zone. */
const knownZones = new Map<string, boolean>();

function isTimeZone(zone: string): boolean {
  const known = knownZones.get(zone);
  if (known !== undefined) return known;
  let valid = true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
  } catch {
    valid = false;
  }
  if (knownZones.size < 1000) knownZones.set(zone, valid);
  return valid;
}

export const tagSchema = z.string().trim().min(1, "is required").max(50, "must have at most 50 characters");
export const timeZoneSchema = z.string().trim().max(64).refine(isTimeZone, "must be a time zone such as Asia/Shanghai");
export const languageTagSchema = z.string().trim().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/, "must be a language code such as zh-CN");

/** A customer as typed in the admin page or sent to the API; phones are normalised and attributes checked by the domain. */
export const customerInputSchema = z.object({
  name: z.string().trim().min(1, "is required").max(200),
  memberLevel: z.string().trim().max(50).nullable().default(null),
  tags: z.array(tagSchema).max(50).default([]),
  timeZone: timeZoneSchema.nullable().default(null),
  preferredLanguage: languageTagSchema.nullable().default(null),
  phones: z.array(z.string().max(40)).min(1, "needs at least one phone number").max(20),
  attributes: z.record(z.string(), z.unknown()).default({}),
});
export type CustomerInput = z.infer<typeof customerInputSchema>;

export const customerSearchSchema = z.object({
  q: z.string().trim().max(100).default(""),
  after: z.string().max(40).optional(),
});
export type CustomerSearch = z.infer<typeof customerSearchSchema>;

/** The column-mapping step: which file column (0-based) fills which field; null = guess from the header. */
export const exportQuerySchema = z.object({ encoding: z.enum(["utf-8", "gbk"]).default("utf-8") });
