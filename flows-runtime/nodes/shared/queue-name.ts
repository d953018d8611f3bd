import { z } from "zod";
import type { LintContext, NodeLintIssue } from "../node-definition";

/** A queue's key as flows name it ("after-sales"). */
export const queueNameSchema = z
  .string()
  .min(1, { abort: true })
  .max(100, { abort: true })
  .refine((value) => /^[A-Za-z0-9_.-]+$/.test(value), { params: { code: "bad-name" } });

/** "queue "x" does not exist", when the queues are known. */
export function lintQueueName(queue: string, path: (string | number)[], context: LintContext): NodeLintIssue[] {
  return queue === "" || context.knownQueues === null || context.knownQueues.includes(queue) ? [] : [{ severity: "error", code: "unknown-queue", path, params: { queue } }];
}
