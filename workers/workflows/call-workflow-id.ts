import { attemptOfChannel } from "../campaigns/campaign-ids";
import { DEFAULT_ASTERISK_ID } from "../default-asterisk-id";

/**
 * Workflow id of the call whose caller channel is `channelId` on the Asterisk `asteriskId`. Channel
 * ids are unique per Asterisk only (uniqueids are "<epoch>.<counter>"), so other servers' calls carry
 * their id: `call@<asteriskId>:<channelId>`. The default server keeps `call-<channelId>` (histories
 * and rows of calls made before several servers existed); the prefixes differ, so they never collide.
 * A channel a campaign originated (`cmp~<attempt>`) belongs to its attempt's workflow, whose id is the attempt id.
 */
export function callWorkflowId(channelId: string, asteriskId: string = DEFAULT_ASTERISK_ID): string {
  const attempt = attemptOfChannel(channelId);
  if (attempt !== null) return attempt;
  return asteriskId === DEFAULT_ASTERISK_ID ? `call-${channelId}` : `call@${asteriskId}:${channelId}`;
}

/** The inverse of callWorkflowId; null for a workflow id that is not a call's. */
export function callOfWorkflowId(workflowId: string): { asteriskId: string; channelId: string } | null {
  if (workflowId.startsWith("call-")) return { asteriskId: DEFAULT_ASTERISK_ID, channelId: workflowId.slice("call-".length) };
  const match = /^call@([a-z0-9_]+):(.+)$/s.exec(workflowId);
  const [, asteriskId, channelId] = match ?? [];
  return asteriskId !== undefined && channelId !== undefined ? { asteriskId, channelId } : null;
}
