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
  "httpAllowList.add",
  "httpAllowList.remove",
  "httpSecretBinding.set",
  "httpSecretBinding.remove",
] as const;
export const auditActionSchema = z.enum(auditActions);
export type AuditAction = z.infer<typeof auditActionSchema>;

/** Keys of the "auditActions" message catalog (keys cannot contain dots). */
export const auditActionMessageKeys = {
  "review.submit": "review_submit",
  "review.approve": "review_approve",
  "review.requestChanges": "review_requestChanges",
  "review.comment": "review_comment",
  "review.void": "review_void",
  "version.publish": "version_publish",
  "version.rollback": "version_rollback",
  "flow.import": "flow_import",
  "flow.delete": "flow_delete",
  "flow.restore": "flow_restore",
  "user.roleChange": "user_roleChange",
  "apiToken.issue": "apiToken_issue",
  "apiToken.revoke": "apiToken_revoke",
  "httpAllowList.add": "httpAllowList_add",
  "httpAllowList.remove": "httpAllowList_remove",
  "httpSecretBinding.set": "httpSecretBinding_set",
  "httpSecretBinding.remove": "httpSecretBinding_remove",
} as const satisfies Record<AuditAction, string>;

export const auditTargetTypes = ["flow", "version", "review", "user", "apiToken", "httpAllowList", "httpSecretBinding"] as const;
export type AuditTargetType = (typeof auditTargetTypes)[number];
