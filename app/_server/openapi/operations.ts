import type { z } from "zod";
import { issueApiTokenInputSchema } from "@/app/_server/api-tokens/manage-api-tokens";
import { auditQuerySchema } from "@/app/_server/audit/list-audit";
import { callQueryFields } from "@/app/_server/calls/call-query";
import { addAllowedHostInputSchema, setSecretBindingInputSchema } from "@/app/_server/http-allow-list/manage-http-allow-list";
import type { Requirement } from "@/app/_server/auth/require-session";
import { createFlowInputSchema } from "@/app/_server/flows/create-flow";
import { duplicateFlowInputSchema } from "@/app/_server/flows/duplicate-flow";
import { entryPointInputSchema, removeEntryPointQuerySchema } from "@/app/_server/flows/entry-point-input";
import { listFlowsQuerySchema } from "@/app/_server/flows/list-flows";
import { renameFlowInputSchema } from "@/app/_server/flows/rename-flow";
import { saveDraftInputSchema } from "@/app/_server/flows/save-draft";
import { approveReviewInputSchema, requestChangesInputSchema } from "@/app/_server/reviews/decide-review";
import { listReviewsQuerySchema } from "@/app/_server/reviews/list-reviews";
import { addReviewCommentInputSchema } from "@/app/_server/reviews/review-comments";
import { submitReviewInputSchema } from "@/app/_server/reviews/submit-review";
import { testCaseInputSchema } from "@/app/_server/test-cases/test-case-input";
import {
  agentActionInputSchema,
  agentProfileInputSchema,
  dispositionCodeInputSchema,
  ownAgentStateInputSchema,
  queueInputSchema,
  reasonInputSchema,
  skillInputSchema,
  wrapUpInputSchema,
} from "@/app/_server/queues/queue-inputs";
import { customerInputSchema, customerSearchSchema, exportQuerySchema } from "@/app/_server/customers/customer-inputs";
import { customerFieldInputSchema } from "@/app/_server/customers/field-rules";
import { setUserLocaleInputSchema } from "@/app/_server/users/set-user-locale";
import { campaignInputSchema, contactRowsSchema, doNotCallInputSchema } from "@/app/_server/campaigns/campaign-inputs";
import { campaignControlSchema } from "@/app/_server/campaigns/campaign-control";
import { updateUserInputSchema } from "@/app/_server/users/update-user";
import { diffQuerySchema } from "@/app/_server/versions/diff-flow";
import { publishVersionInputSchema } from "@/app/_server/versions/publish-version";
import { rollbackInputSchema } from "@/app/_server/versions/rollback-flow";

export interface Operation {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  summary: string;
  tag: "flows" | "versions" | "reviews" | "calls" | "audit" | "customers" | "admin" | "campaigns";
  permission: Requirement;
  query?: z.ZodObject;
  /** JSON body; `true`: a JSON document the zod schemas do not describe (a flow file). */
  body?: z.ZodType | true;
  /** Success status and what it returns. */
  success: [number, string];
}

/** Every route the app serves under /api (the OpenAPI document is generated from this list). */
export const operations: Operation[] = [
  { method: "get", path: "/api/campaigns", summary: "Campaigns with their live counts", tag: "campaigns", permission: "campaign.manage", success: [200, "{ campaigns }"] },
  { method: "post", path: "/api/campaigns", summary: "Create a draft campaign", tag: "campaigns", permission: "campaign.manage", body: campaignInputSchema, success: [201, "{ campaign }"] },
  { method: "put", path: "/api/campaigns/{campaignId}", summary: "Change a draft or paused campaign (409 campaign_not_editable)", tag: "campaigns", permission: "campaign.manage", body: campaignInputSchema, success: [200, "{ campaign }"] },
  { method: "post", path: "/api/campaigns/{campaignId}/contacts", summary: "Add contacts (numbers to E.164, duplicates merged, bad rows by row and field)", tag: "campaigns", permission: "campaign.manage", body: contactRowsSchema, success: [200, "{ added, merged, bad }"] },
  { method: "post", path: "/api/campaigns/{campaignId}/contacts/import", summary: "Body: the contact list as CSV (UTF-8 or GBK), draft campaigns only. `?mapping={field: column}` (phone, name, timeZone, fields.<header>); without `commit=1` a preview with duplicates and every row problem, with it all rows or none (422 import_rejected with the rows and fields)", tag: "campaigns", permission: "campaign.manage", success: [200, "{ encoding, header, mapping, targets, sample, rows, errors, errorCount, duplicates } or { added, merged: { inFile, existing }, encoding }"] },
  { method: "post", path: "/api/campaigns/{campaignId}/start", summary: "Start after the compliance check (422 compliance_refused lists every issue)", tag: "campaigns", permission: "campaign.manage", success: [200, "{ started }"] },
  { method: "post", path: "/api/campaigns/{campaignId}/control", summary: "Pause, resume or stop (409 campaign_state)", tag: "campaigns", permission: "campaign.manage", body: campaignControlSchema, success: [200, "{ action }"] },
  { method: "post", path: "/api/campaigns/do-not-call", summary: "Put a number on the global or a campaign's do-not-call list", tag: "campaigns", permission: "campaign.manage", body: doNotCallInputSchema, success: [201, "{ entry }"] },
  { method: "get", path: "/api/flows", summary: "List flows", tag: "flows", permission: "flow.view", query: listFlowsQuerySchema, success: [200, "{ flows }"] },
  { method: "post", path: "/api/flows", summary: "Create a flow", tag: "flows", permission: "flow.create", body: createFlowInputSchema, success: [201, "{ flow }"] },
  { method: "post", path: "/api/flows/import", summary: "Import a flow file (or a bare graph) as a new flow", tag: "flows", permission: "flow.import", body: true, success: [201, "{ flow }"] },
  { method: "get", path: "/api/flows/{flowId}", summary: "Get a flow", tag: "flows", permission: "flow.view", success: [200, "{ flow }"] },
  { method: "patch", path: "/api/flows/{flowId}", summary: "Rename a flow", tag: "flows", permission: "flow.rename", body: renameFlowInputSchema, success: [200, "{ flow }"] },
  { method: "delete", path: "/api/flows/{flowId}", summary: "Delete a flow (restorable)", tag: "flows", permission: "flow.delete", success: [200, "{ flow }"] },
  { method: "post", path: "/api/flows/{flowId}/restore", summary: "Restore a deleted flow", tag: "flows", permission: "flow.restore", success: [200, "{ flow }"] },
  { method: "post", path: "/api/flows/{flowId}/duplicate", summary: "Duplicate a flow", tag: "flows", permission: "flow.duplicate", body: duplicateFlowInputSchema, success: [201, "{ flow }"] },
  { method: "get", path: "/api/flows/{flowId}/export", summary: "Download the flow file", tag: "flows", permission: "flow.export", success: [200, "flow file (JSON)"] },
  { method: "get", path: "/api/flows/{flowId}/draft", summary: "Get the draft", tag: "flows", permission: "flow.view", success: [200, "{ draft }"] },
  { method: "put", path: "/api/flows/{flowId}/draft", summary: "Save the draft (409 draft_conflict on a stale baseRevision)", tag: "flows", permission: "flow.editDraft", body: saveDraftInputSchema, success: [200, "{ draft }"] },
  { method: "get", path: "/api/flows/{flowId}/entry-points", summary: "List the numbers that lead to the flow, and the proposed ones", tag: "flows", permission: "entryPoint.view", success: [200, "{ entryPoints, proposed, pending }"] },
  { method: "post", path: "/api/flows/{flowId}/entry-points", summary: "Propose a number (live once a version is approved and published)", tag: "flows", permission: "entryPoint.edit", body: entryPointInputSchema, success: [201, "{ entryPoint, entryPoints, proposed, pending }"] },
  { method: "delete", path: "/api/flows/{flowId}/entry-points", summary: "Propose removing a number (at once on a deleted flow)", tag: "flows", permission: "entryPoint.edit", query: removeEntryPointQuerySchema, success: [200, "{ removed, entryPoints, proposed, pending }"] },
  { method: "get", path: "/api/flows/{flowId}/versions", summary: "Version history, newest first", tag: "versions", permission: "flow.view", success: [200, "{ flow, versions }"] },
  { method: "get", path: "/api/flows/{flowId}/versions/{versionId}", summary: "One version with its graph", tag: "versions", permission: "flow.view", success: [200, "{ version }"] },
  { method: "get", path: "/api/flows/{flowId}/diff", summary: "Compare two versions, or the draft with the live version", tag: "versions", permission: "flow.view", query: diffQuerySchema, success: [200, "{ from, to, diff, summary, status, before, after }"] },
  { method: "post", path: "/api/flows/{flowId}/publish", summary: "Publish an approved version (409 version_not_approved, 409 live_version_changed)", tag: "versions", permission: "flow.publish", body: publishVersionInputSchema, success: [200, "{ live }"] },
  { method: "post", path: "/api/flows/{flowId}/rollback", summary: "Make a version that has been live before live again", tag: "versions", permission: "flow.rollback", body: rollbackInputSchema, success: [200, "{ live }"] },
  { method: "get", path: "/api/reviews", summary: "Review queue (pending, oldest first)", tag: "reviews", permission: "flow.view", query: listReviewsQuerySchema.omit({ flowId: true }), success: [200, "{ reviews }"] },
  { method: "get", path: "/api/flows/{flowId}/reviews", summary: "The flow's reviews", tag: "reviews", permission: "flow.view", query: listReviewsQuerySchema.omit({ flowId: true }), success: [200, "{ reviews }"] },
  { method: "post", path: "/api/flows/{flowId}/reviews", summary: "Submit the draft for review (422 invalid_graph lists every problem)", tag: "reviews", permission: "flow.submitReview", body: submitReviewInputSchema, success: [201, "{ review, warnings }"] },
  { method: "get", path: "/api/flows/{flowId}/reviews/{reviewId}", summary: "One review", tag: "reviews", permission: "flow.view", success: [200, "{ review }"] },
  { method: "post", path: "/api/flows/{flowId}/reviews/{reviewId}/approve", summary: "Approve (403 four_eyes for the change's own author)", tag: "reviews", permission: "flow.review", body: approveReviewInputSchema, success: [200, "{ review }"] },
  { method: "post", path: "/api/flows/{flowId}/reviews/{reviewId}/request-changes", summary: "Request changes", tag: "reviews", permission: "flow.review", body: requestChangesInputSchema, success: [200, "{ review }"] },
  { method: "get", path: "/api/flows/{flowId}/reviews/{reviewId}/comments", summary: "Comments, also grouped by node id", tag: "reviews", permission: "flow.view", success: [200, "{ comments, byNode, general }"] },
  { method: "post", path: "/api/flows/{flowId}/reviews/{reviewId}/comments", summary: "Comment on a node (or on the whole change with nodeId null)", tag: "reviews", permission: "flow.review", body: addReviewCommentInputSchema, success: [201, "{ comment }"] },
  { method: "get", path: "/api/flows/{flowId}/test-cases", summary: "The flow's saved test cases, each with its latest run", tag: "flows", permission: "flow.view", success: [200, "{ testCases }"] },
  { method: "post", path: "/api/flows/{flowId}/test-cases", summary: "Save a test case: what it pretends, the keys pressed, the path and outcome it expects (409 test_case_name_taken)", tag: "flows", permission: "flow.editDraft", body: testCaseInputSchema, success: [201, "{ testCase }"] },
  { method: "put", path: "/api/flows/{flowId}/test-cases/{caseId}", summary: "Replace a test case (404 test_case_not_found)", tag: "flows", permission: "flow.editDraft", body: testCaseInputSchema, success: [200, "{ testCase }"] },
  { method: "delete", path: "/api/flows/{flowId}/test-cases/{caseId}", summary: "Delete a test case (its past runs stay with their reviews)", tag: "flows", permission: "flow.editDraft", success: [200, "{ testCase }"] },
  { method: "post", path: "/api/flows/{flowId}/test-cases/{caseId}/runs", summary: "Run a test case on the draft through the engine and the simulator (422 invalid_graph); anyone who may see the flow: the call is simulated", tag: "flows", permission: "flow.view", success: [201, "{ run }"] },
  { method: "get", path: "/api/flows/{flowId}/test-cases/runs/{runId}", summary: "A test case run: running, then passed, failed (each expectation's result) or error", tag: "flows", permission: "flow.view", success: [200, "{ run }"] },
  { method: "get", path: "/api/flows/{flowId}/reviews/{reviewId}/test-cases", summary: "The saved test cases as they ran on the review's candidate", tag: "reviews", permission: "flow.view", success: [200, "{ runs }"] },
  { method: "get", path: "/api/calls", summary: "Call log, newest first (keyset pages: pass nextAfter as after)", tag: "calls", permission: "call.view", query: callQueryFields, success: [200, "{ calls, nextAfter }"] },
  { method: "get", path: "/api/calls/export", summary: "Call log as CSV (same filters, no paging)", tag: "calls", permission: "call.view", query: callQueryFields.omit({ after: true, limit: true }), success: [200, "text/csv"] },
  { method: "get", path: "/api/calls/{callId}", summary: "One call: step trace, prompts heard, HTTP requests (canned: true when a test case's canned answer stood in and nothing was sent), recordings (404 call_not_found)", tag: "calls", permission: "call.view", success: [200, "{ call }"] },
  { method: "get", path: "/api/calls/{callId}/recordings/{recordingId}/file", summary: "A recording's audio, streamed from Asterisk (404 recording_not_found, 502 recording_unavailable)", tag: "calls", permission: "call.view", success: [200, "audio/*"] },
  { method: "get", path: "/api/audit", summary: "Audit log, newest first", tag: "audit", permission: "audit.view", query: auditQuerySchema, success: [200, "{ entries, nextBefore }"] },
  { method: "get", path: "/api/audit/export", summary: "Audit log as CSV", tag: "audit", permission: "audit.view", query: auditQuerySchema.omit({ before: true, limit: true }), success: [200, "text/csv"] },
  { method: "get", path: "/api/users", summary: "List users", tag: "admin", permission: "user.manage", success: [200, "{ users }"] },
  { method: "patch", path: "/api/users/{userId}", summary: "Change a user's role, or deactivate / reactivate them", tag: "admin", permission: "user.manage", body: updateUserInputSchema, success: [200, "{ user }"] },
  { method: "get", path: "/api/api-tokens", summary: "List API tokens (an administrator: all; others: their own)", tag: "admin", permission: "person", success: [200, "{ apiTokens }"] },
  { method: "post", path: "/api/api-tokens", summary: "Issue an API token acting as yourself, by a signed-in person (returned once)", tag: "admin", permission: "person", body: issueApiTokenInputSchema, success: [201, "{ token, apiToken }"] },
  { method: "delete", path: "/api/api-tokens/{tokenId}", summary: "Revoke an API token (an administrator: anyone's; others: their own)", tag: "admin", permission: "person", success: [200, "{ apiToken }"] },
  { method: "get", path: "/api/http-allow-list", summary: "List the HTTP allow-list and secret bindings", tag: "admin", permission: "user.manage", success: [200, "{ hosts, secrets }"] },
  { method: "post", path: "/api/http-allow-list", summary: "Allow a destination for HTTP request nodes", tag: "admin", permission: "user.manage", body: addAllowedHostInputSchema, success: [201, "{ host }"] },
  { method: "delete", path: "/api/http-allow-list/{entryId}", summary: "Remove a destination from the HTTP allow-list", tag: "admin", permission: "user.manage", success: [200, "{ host }"] },
  { method: "put", path: "/api/http-allow-list/secrets", summary: "Set the destinations a secret may be sent to", tag: "admin", permission: "user.manage", body: setSecretBindingInputSchema, success: [200, "{ binding }"] },
  { method: "delete", path: "/api/http-allow-list/secrets/{secret}", summary: "Remove a secret's binding", tag: "admin", permission: "user.manage", success: [200, "{ binding }"] },
  { method: "get", path: "/api/http-allow-list/policy", summary: "The HTTP allow-list as the validator reads it (for live validation)", tag: "flows", permission: "flow.editDraft", success: [200, "{ policy }"] },
  { method: "get", path: "/api/queues", summary: "List queues with their waiting calls", tag: "admin", permission: "user.manage", success: [200, "{ queues }"] },
  { method: "post", path: "/api/queues", summary: "Create a queue (409 queue_name_taken)", tag: "admin", permission: "user.manage", body: queueInputSchema, success: [201, "{ queue }"] },
  { method: "put", path: "/api/queues/{queueId}", summary: "Change a queue", tag: "admin", permission: "user.manage", body: queueInputSchema, success: [200, "{ queue }"] },
  { method: "delete", path: "/api/queues/{queueId}", summary: "Delete a queue (409 queue_has_calls)", tag: "admin", permission: "user.manage", success: [200, "{ queue }"] },
  { method: "get", path: "/api/queues/names", summary: "The queues flows may transfer to (for the designer)", tag: "flows", permission: "flow.editDraft", success: [200, "{ queues }"] },
  { method: "get", path: "/api/queues/skills", summary: "List skills", tag: "admin", permission: "user.manage", success: [200, "{ skills }"] },
  { method: "post", path: "/api/queues/skills", summary: "Add a skill (409 skill_name_taken)", tag: "admin", permission: "user.manage", body: skillInputSchema, success: [201, "{ skill }"] },
  { method: "put", path: "/api/queues/skills/{skillId}", summary: "Change a skill", tag: "admin", permission: "user.manage", body: skillInputSchema, success: [200, "{ skill }"] },
  { method: "delete", path: "/api/queues/skills/{skillId}", summary: "Delete a skill (409 skill_in_use while a queue requires it)", tag: "admin", permission: "user.manage", success: [200, "{ skill }"] },
  { method: "get", path: "/api/queues/reasons", summary: "List not-ready reasons", tag: "admin", permission: "signed-in", success: [200, "{ reasons }"] },
  { method: "post", path: "/api/queues/reasons", summary: "Add a not-ready reason (409 reason_code_taken)", tag: "admin", permission: "user.manage", body: reasonInputSchema, success: [201, "{ reason }"] },
  { method: "put", path: "/api/queues/reasons/{reasonId}", summary: "Change or deactivate a not-ready reason (409 system_reason)", tag: "admin", permission: "user.manage", body: reasonInputSchema, success: [200, "{ reason }"] },
  { method: "get", path: "/api/queues/agents", summary: "Agents (users with the agent role) and their profiles", tag: "admin", permission: "user.manage", success: [200, "{ agents }"] },
  { method: "put", path: "/api/queues/agents/{userId}", summary: "Set an agent's profile and skills (409 not_an_agent, 409 extension_taken)", tag: "admin", permission: "user.manage", body: agentProfileInputSchema, success: [200, "{ agent }"] },
  { method: "get", path: "/api/queues/agents/me/state", summary: "My agent state (403 not_an_agent)", tag: "admin", permission: "signed-in", success: [200, "{ agentState }"] },
  { method: "put", path: "/api/queues/agents/me/state", summary: "Sign in, set not ready with a reason, or sign out (409 agent_busy during a call)", tag: "admin", permission: "signed-in", body: ownAgentStateInputSchema, success: [200, "{ agentState }"] },
  { method: "get", path: "/api/queues/agents/me/desk", summary: "My state and my offered, connected or wrap-up call with the IVR's variables (403 not_an_agent)", tag: "admin", permission: "signed-in", success: [200, "{ desk }"] },
  { method: "get", path: "/api/queues/agents/me/events", summary: "Server-sent events: `desk` now and whenever my state or call changes", tag: "admin", permission: "signed-in", success: [200, "text/event-stream"] },
  { method: "get", path: "/api/queues/agents/me/call/disposition", summary: "The disposition and note of my current or wrap-up call", tag: "admin", permission: "signed-in", success: [200, "{ call }"] },
  { method: "put", path: "/api/queues/agents/me/call/disposition", summary: "Save my last call's disposition and note and end wrap-up (403 not_your_call, 409 call_not_ended)", tag: "admin", permission: "signed-in", body: wrapUpInputSchema, success: [200, "{ desk }"] },
  { method: "post", path: "/api/queues/agents/me/call/actions", summary: "Decline my ringing call or hang up my connected call (403 not_your_call, 409 call_not_ringing / call_not_connected)", tag: "admin", permission: "signed-in", body: agentActionInputSchema, success: [202, "{ sent }"] },
  { method: "get", path: "/api/queues/dispositions", summary: "List disposition codes", tag: "admin", permission: "signed-in", success: [200, "{ dispositions }"] },
  { method: "post", path: "/api/queues/dispositions", summary: "Add a disposition code (409 disposition_code_taken)", tag: "admin", permission: "user.manage", body: dispositionCodeInputSchema, success: [201, "{ disposition }"] },
  { method: "put", path: "/api/queues/dispositions/{dispositionId}", summary: "Change or deactivate a disposition code", tag: "admin", permission: "user.manage", body: dispositionCodeInputSchema, success: [200, "{ disposition }"] },
  { method: "get", path: "/api/queues/wallboard", summary: "The wallboard now: per queue waiting, longest wait, service level and abandoned today, agents by state; agents; calls in progress", tag: "admin", permission: "queue.monitor", success: [200, "{ wallboard }"] },
  { method: "get", path: "/api/queues/wallboard/events", summary: "Server-sent events: `wallboard` snapshot now and after every change of calls or agents", tag: "admin", permission: "queue.monitor", success: [200, "text/event-stream"] },
  { method: "get", path: "/api/customers", summary: "Search all customers by part of the name, a phone number in any form, a tag or member level (50 a page, `after` = `nextAfter`)", tag: "customers", permission: "customer.view", query: customerSearchSchema, success: [200, "{ customers, nextAfter }"] },
  { method: "post", path: "/api/customers", summary: "Add a customer (phones normalised, attributes checked against the field list; errors name the field)", tag: "customers", permission: "customer.edit", body: customerInputSchema, success: [201, "{ customer }"] },
  { method: "get", path: "/api/customers/{customerId}", summary: "A customer and their interactions (agents: only customers of calls offered to them, else 404)", tag: "customers", permission: "signed-in", success: [200, "{ customer, interactions }"] },
  { method: "put", path: "/api/customers/{customerId}", summary: "Change a customer", tag: "customers", permission: "customer.edit", body: customerInputSchema, success: [200, "{ customer }"] },
  { method: "delete", path: "/api/customers/{customerId}", summary: "Delete a customer", tag: "customers", permission: "customer.edit", success: [204, "nothing"] },
  { method: "get", path: "/api/customers/fields", summary: "The customer field list", tag: "customers", permission: "signed-in", success: [200, "{ fields }"] },
  { method: "put", path: "/api/customers/fields", summary: "Add or change a customer field (by key)", tag: "customers", permission: "customer.fields", body: customerFieldInputSchema, success: [200, "{ field }"] },
  { method: "delete", path: "/api/customers/fields/{fieldKey}", summary: "Remove a customer field", tag: "customers", permission: "customer.fields", success: [204, "nothing"] },
  { method: "post", path: "/api/customers/import", summary: "Body: the CSV file (UTF-8 or GBK). `?mapping={field: column}`; without `commit=1` a preview with every row problem, with it all rows or none (422 import_rejected with the rows and fields)", tag: "customers", permission: "customer.edit", success: [200, "{ encoding, header, mapping, targets, sample, rows, errors, errorCount } or { created, updated, encoding }"] },
  { method: "get", path: "/api/customers/export", summary: "Every customer as CSV (`encoding=utf-8|gbk`)", tag: "customers", permission: "customer.view", query: exportQuerySchema, success: [200, "text/csv"] },
  { method: "get", path: "/api/customers/screen-pop/{callId}", summary: "The screen pop of one of my calls: customer, last interactions, IVR path, why it came (404 for another agent's call)", tag: "customers", permission: "signed-in", success: [200, "{ pop }"] },
  { method: "get", path: "/api/tts/voices", summary: "The text-to-speech voices installed (espeak-ng), for the prompt form", tag: "flows", permission: "flow.editDraft", success: [200, "{ voices }"] },
  { method: "put", path: "/api/me/locale", summary: "Set my UI language", tag: "admin", permission: "signed-in", body: setUserLocaleInputSchema, success: [200, "{ locale }"] },
];
