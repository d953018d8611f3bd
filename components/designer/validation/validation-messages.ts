import { z } from "zod";
import { httpPolicySchema } from "@/flows-runtime/nodes/http-request/http-policy";

/** What the server knows that the graph does not, so live validation shows what submitting would refuse. */
export const validationContextSchema = z.object({
  /** The HTTP allow-list. */
  httpPolicy: httpPolicySchema.optional(),
  /** The queues that exist; absent until read, or when none is defined (any name passes then). */
  knownQueues: z.array(z.string()).optional(),
});
export type ValidationContext = z.infer<typeof validationContextSchema>;

export const validationRequestSchema = z.object({ id: z.number(), graph: z.unknown(), context: validationContextSchema });

const issueSchema = z.object({
  severity: z.enum(["error", "warning"]),
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  nodeId: z.string().nullable(),
  edgeId: z.string().nullable(),
  path: z.array(z.union([z.string(), z.number()])),
});

export type LiveIssue = z.infer<typeof issueSchema>;

export const liveValidationSchema = z.object({
  issues: z.array(issueSchema),
  byNode: z.record(z.string(), z.array(issueSchema)),
  general: z.array(issueSchema),
  publishable: z.boolean(),
});
export type LiveValidation = z.infer<typeof liveValidationSchema>;

/** What the validation worker posts back (checked: worker messages are untyped). */
export const validationResponseSchema = z.object({ id: z.number(), result: liveValidationSchema });
