import { z } from "zod";

export const setOutcomeSchema = z.object({
  /** Written to the contact, e.g. confirmed, cancelled, agent-requested, or any word the marketer defines. */
  outcome: z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(64, "must be at most 64 characters")
    .regex(/^[\p{L}\p{N}_.-]+$/u, "must be letters, digits, _, . or - (no spaces)")
    .default("confirmed"),
});
export type SetOutcomeConfig = z.infer<typeof setOutcomeSchema>;
