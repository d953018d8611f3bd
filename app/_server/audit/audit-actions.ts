import { z } from "zod";

/** Everything that changes what callers hear or who may change it is written to the audit log. */
export const auditActions = [
  "review.submit",
  "review.approve",
  "review.requestChanges",
  "review.comment",
  "review.void",
  "version.publish",
  "version.rollback",
  "flow.import",
  "flow.delete",
  "flow.restore",
  "user.roleChange",
  "apiToken.issue",
  "apiToken.revoke",
] as const;
export const auditActionSchema = z.enum(auditActions);
export type AuditAction = z.infer<typeof auditActionSchema>;

export const auditTargetTypes = ["flow", "version", "review", "user", "apiToken"] as const;
export type AuditTargetType = (typeof auditTargetTypes)[number];
