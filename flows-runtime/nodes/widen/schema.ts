import { z } from "zod";

export const widenSchema = z.object({
  /** Every required skill's minimum goes down to at most this; null: unchanged. */
  minProficiency: z.number().int().min(1).max(5).nullable().default(null),
  /** A second queue whose agents (skills) may take the call at its place; "": none. */
  queue: z
    .string()
    .max(100, { abort: true })
    .refine((value) => value === "" || /^[A-Za-z0-9_.-]+$/.test(value), { params: { code: "bad-name" } })
    .default(""),
  /** Then the timeout exit, still waiting. */
  waitSeconds: z.number().int().min(5).max(3600).default(60),
});
export type WidenConfig = z.infer<typeof widenSchema>;
