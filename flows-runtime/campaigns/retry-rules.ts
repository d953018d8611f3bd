import { z } from "zod";
import type { DialResult } from "./dial-result";

const retryDelay = z.number().int().min(1).max(7 * 24 * 60).nullable();

/** Minutes before the next attempt per result (null: no retry for it), and attempts per contact at most. */
export const retryRulesSchema = z.object({
  busyMinutes: retryDelay.default(10),
  noAnswerMinutes: retryDelay.default(30),
  congestionMinutes: retryDelay.default(10),
  failedMinutes: retryDelay.default(null),
  maxAttempts: z.number().int().min(1).max(20).default(3),
});
export type RetryRules = z.infer<typeof retryRulesSchema>;

/** An attempt that was not made: the number was on a do-not-call list or reached the frequency cap. */
export type SkipReason = "do-not-call" | "frequency-cap";

export type NextAttempt = { kind: "retry"; notBefore: Date } | { kind: "done"; reason: "answered" | "no-retry" | "max-attempts" };

function delayOf(result: DialResult, rules: RetryRules): number | null {
  switch (result) {
    case "answered":
      return null;
    case "busy":
      return rules.busyMinutes;
    case "no-answer":
      return rules.noAnswerMinutes;
    case "congestion":
      return rules.congestionMinutes;
    case "failed":
      return rules.failedMinutes;
  }
}

/** What follows attempt number `attempt` (1-based) that ended with `result` at `endedAt`. */
export function nextAttempt(result: DialResult, attempt: number, endedAt: Date, rules: RetryRules): NextAttempt {
  if (result === "answered") return { kind: "done", reason: "answered" };
  const minutes = delayOf(result, rules);
  if (minutes === null) return { kind: "done", reason: "no-retry" };
  if (attempt >= rules.maxAttempts) return { kind: "done", reason: "max-attempts" };
  return { kind: "retry", notBefore: new Date(endedAt.getTime() + minutes * 60_000) };
}
