import { z } from "zod";
import { queueNameSchema as nameSchema } from "../shared/queue-name";
import { requiredTemplateSchema } from "../shared/sources";

export const queueTargetSchema = z.object({
  kind: z.literal("queue"),
  queue: nameSchema,
  /** 10 is served first. */
  priority: z.number().int().min(0).max(10).default(5),
  skills: z.array(nameSchema).max(20).default([]),
});

export const numberTargetSchema = z.object({
  kind: z.literal("number"),
  /** Template, so the number can come from a variable: {{agent.phone}}. */
  number: requiredTemplateSchema.max(200),
  callerId: z
    .string()
    .refine((value) => /^\+?[0-9]{1,20}$/.test(value), { params: { code: "bad-phone-number" } })
    .nullable()
    .default(null),
  timeoutSeconds: z.number().int().min(5).max(300).default(30),
});

export const endpointTargetSchema = z.object({
  kind: z.literal("endpoint"),
  endpoint: z
    .string()
    .max(100, { abort: true })
    .refine((value) => /^(PJSIP|SIP|IAX2|DAHDI|Local)\/[A-Za-z0-9_.@-]+$/.test(value), { params: { code: "bad-endpoint" } }),
  timeoutSeconds: z.number().int().min(5).max(300).default(30),
});

export const transferSchema = z.object({
  target: z.discriminatedUnion("kind", [queueTargetSchema, numberTargetSchema, endpointTargetSchema]),
});
export type TransferConfig = z.infer<typeof transferSchema>;
