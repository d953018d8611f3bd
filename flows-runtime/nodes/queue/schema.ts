import { z } from "zod";
import { queueNameSchema } from "../shared/queue-name";
import { expressionSourceSchema } from "../shared/sources";

export const holdSchema = z.object({
  /** Asterisk musiconhold class; null: the worker's QUEUE_MOH_CLASS. */
  mohClass: z
    .string()
    .refine((value) => /^[A-Za-z0-9_-]{1,80}$/.test(value), { params: { code: "bad-name" } })
    .nullable()
    .default(null),
  /** 0: music only. */
  announceEverySeconds: z.number().int().min(0).max(600).default(30),
  position: z.boolean().default(true),
  estimatedWait: z.boolean().default(false),
  comfortText: z.string().max(500).default(""),
});

export const queueNodeSchema = z.object({
  queue: queueNameSchema,
  /** Expression, 0–9 (9 served first): `customer.tier == "VIP" ? 9 : 5`. */
  priority: expressionSourceSchema.default("5"),
  skills: z
    .array(z.object({ skill: queueNameSchema, minProficiency: expressionSourceSchema.default("1") }))
    .max(20)
    .default([]),
  /** Then the timeout exit, still in the queue at its place. */
  waitSeconds: z.number().int().min(5).max(3600).default(60),
  skipIfNoAgents: z.boolean().default(true),
  hold: holdSchema.default(holdSchema.parse({})),
});
export type QueueNodeConfig = z.infer<typeof queueNodeSchema>;
