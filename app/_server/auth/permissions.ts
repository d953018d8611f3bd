import type { FlowKind } from "@/flows-runtime/graph/schema";
import type { AppRole } from "./roles";

export const flowActions = [
  "flow.view",
  "flow.create",
  "flow.rename",
  "flow.duplicate",
  "flow.delete",
  "flow.restore",
  "flow.editDraft",
  "flow.import",
  "flow.export",
  "flow.publish",
  "flow.submitReview",
  "flow.review",
  "flow.rollback",
  "entryPoint.view",
  "entryPoint.edit",
  "audit.view",
  "call.view",
  "queue.monitor",
  "customer.view",
  "customer.edit",
  "customer.fields",
  "user.manage",
  "apiToken.manage",
  "campaign.manage",
] as const;
export type FlowAction = (typeof flowActions)[number];

/** Which flow kinds an action is granted on: every kind, or only the listed ones. Absent = denied. */
export type Grant = "all" | readonly FlowKind[];

const everything: Record<FlowAction, Grant> = {
  "flow.view": "all",
  "flow.create": "all",
  "flow.rename": "all",
  "flow.duplicate": "all",
  "flow.delete": "all",
  "flow.restore": "all",
  "flow.editDraft": "all",
  "flow.import": "all",
  "flow.export": "all",
  "flow.publish": "all",
  "flow.submitReview": "all",
  "flow.review": "all",
  "flow.rollback": "all",
  "entryPoint.view": "all",
  "entryPoint.edit": "all",
  "audit.view": "all",
  "call.view": "all",
  "queue.monitor": "all",
  "customer.view": "all",
  "customer.edit": "all",
  "customer.fields": "all",
  "user.manage": "all",
  "apiToken.manage": "all",
  "campaign.manage": "all",
};

/** Ops run the flows; users and API tokens are the administrator's. */
const { "user.manage": _users, "apiToken.manage": _tokens, ...operations } = everything;

/**
 * The single source of who may do what. Route handlers check `canOnSomeKind` before parsing input;
 * domain functions check `can` once they know the flow's kind. Actions that are not about a flow
 * (audit, users, API tokens) are granted on "all" kinds or not at all.
 *
 * Publishing: an author (editDraft) submits the draft for review; ops review (approve, request
 * changes, comment); only an approved version can be published, and nobody approves their own
 * change (enforced in app/_server/reviews/decide-review.ts, whatever the role).
 */
export const permissions: Record<AppRole, Partial<Record<FlowAction, Grant>>> = {
  admin: everything,
  ops: operations,
  // Marketers own outbound campaigns; IVR flows stay read-only for them. They submit campaign
  // changes for review; ops review and publish them.
  marketer: {
    "flow.view": "all",
    "flow.export": "all",
    "entryPoint.view": "all",
    "flow.create": ["campaign"],
    "flow.editDraft": ["campaign"],
    "flow.submitReview": ["campaign"],
    // Campaigns, their contacts and do-not-call entries; starting one runs only a published (reviewed) flow.
    "campaign.manage": "all",
  },
  agent: {},
};

export function can(role: AppRole, action: FlowAction, kind: FlowKind): boolean {
  const grant = permissions[role][action];
  return grant === "all" || (grant !== undefined && grant.includes(kind));
}

/** True when the role holds the action on at least one kind (the early check before loading a flow). */
export function canOnSomeKind(role: AppRole, action: FlowAction): boolean {
  const grant = permissions[role][action];
  return grant === "all" || (grant !== undefined && grant.length > 0);
}

/** The kinds a role may perform an action on; null means every kind. */
export function grantedKinds(role: AppRole, action: FlowAction): readonly FlowKind[] | null {
  const grant = permissions[role][action];
  if (grant === "all") return null;
  return grant ?? [];
}
