import { z } from "zod";

/** Outcomes a finished call can have (CallExecution.outcome), and "running" for one without an end yet. */
export const callOutcomes = ["completed", "transferred", "caller-hangup", "failed", "step-limit", "running"] as const;
export const callOutcomeSchema = z.enum(callOutcomes);
export type CallOutcomeFilter = z.infer<typeof callOutcomeSchema>;
