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
  "user.deactivate",
  "user.reactivate",
  "apiToken.issue",
  "apiToken.revoke",
  "entryPoint.add",
  "entryPoint.remove",
  "testCall.start",
  "auth.signInFailed",
  "httpAllowList.add",
  "httpAllowList.remove",
  "httpSecretBinding.set",
  "httpSecretBinding.remove",
  "queue.create",
  "queue.update",
  "queue.delete",
  "skill.create",
  "skill.update",
  "skill.delete",
  "notReadyReason.create",
  "notReadyReason.update",
  "agentProfile.set",
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
  "user.deactivate": "user_deactivate",
  "user.reactivate": "user_reactivate",
  "apiToken.issue": "apiToken_issue",
  "apiToken.revoke": "apiToken_revoke",
  "entryPoint.add": "entryPoint_add",
  "entryPoint.remove": "entryPoint_remove",
  "testCall.start": "testCall_start",
  "auth.signInFailed": "auth_signInFailed",
  "httpAllowList.add": "httpAllowList_add",
  "httpAllowList.remove": "httpAllowList_remove",
  "httpSecretBinding.set": "httpSecretBinding_set",
  "httpSecretBinding.remove": "httpSecretBinding_remove",
  "queue.create": "queue_create",
  "queue.update": "queue_update",
  "queue.delete": "queue_delete",
  "skill.create": "skill_create",
  "skill.update": "skill_update",
  "skill.delete": "skill_delete",
  "notReadyReason.create": "notReadyReason_create",
  "notReadyReason.update": "notReadyReason_update",
  "agentProfile.set": "agentProfile_set",
} as const satisfies Record<AuditAction, string>;

/** "account": the e-mail address a failed sign-in named (it may belong to nobody). */
export const auditTargetTypes = ["flow", "version", "review", "user", "apiToken", "entryPoint", "testCall", "account", "httpAllowList", "httpSecretBinding", "queue", "skill", "notReadyReason", "agentProfile"] as const;
export type AuditTargetType = (typeof auditTargetTypes)[number];
