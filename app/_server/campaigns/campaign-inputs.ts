import { z } from "zod";
import { retryRulesSchema } from "@/flows-runtime/campaigns/retry-rules";
import { campaignScheduleSchema } from "@/flows-runtime/campaigns/schedule-schema";

/** What a marketer enters for a campaign; everything but the name has a default, so a draft saves early. */
export const campaignInputSchema = z.object({
  name: z.string().trim().min(1, "must not be empty").max(200),
  flowId: z.string().min(1, "must name a campaign flow"),
  mode: z.enum(["agentless", "progressive", "predictive"]).default("agentless"),
  schedule: campaignScheduleSchema.default({ startDate: null, endDate: null, windows: [{ days: [1, 2, 3, 4, 5], start: "09:00", end: "20:00" }] }),
  retryRules: retryRulesSchema.default(retryRulesSchema.parse({})),
  maxLines: z.number().int().min(1).max(1000).default(10),
  maxDialsPerSecond: z.number().positive().max(100).default(1),
  ringSeconds: z.number().int().min(5).max(120).default(30),
  callerId: z.string().trim().max(32).regex(/^\+?\d*$/, "must be digits, optionally after +").nullable().default(null),
  abandonTarget: z.number().min(0).max(100).nullable().default(null),
});
export type CampaignInput = z.infer<typeof campaignInputSchema>;

/** Contacts as the REST endpoint and the paste form send them; phone numbers are normalised on the server. */
export const contactRowsSchema = z.object({
  contacts: z
    .array(
      z.object({
        phone: z.string().max(64),
        name: z.string().max(200).nullable().default(null),
        timeZone: z.string().max(64).nullable().default(null),
        fields: z.record(z.string().max(64), z.union([z.string().max(1000), z.number(), z.boolean(), z.null()])).default({}),
      }),
    )
    .min(1, "must list at least one contact")
    .max(10_000),
});
export type ContactRows = z.infer<typeof contactRowsSchema>;

export const doNotCallInputSchema = z.object({
  phone: z.string().max(64),
  /** null: every campaign. */
  campaignId: z.string().min(1).nullable().default(null),
});
