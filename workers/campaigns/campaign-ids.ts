/** Stasis(<app>,campaign,<attempt id>): the first argument of every channel a campaign originates. */
export const CAMPAIGN_CALL_ARG = "campaign";
const CHANNEL_PREFIX = "cmp~";

/** `<campaign>:<contact>:<n>`: the attempt's row id and its workflow id, the same on every retry and every worker. */
export function attemptId(campaignId: string, contactId: string, attempt: number): string {
  return `${campaignId}:${contactId}:${attempt}`;
}

/**
 * The channel id the attempt's originate asks for: derived from the attempt, so a second originate of
 * the same attempt is refused by Asterisk (409) while the first channel exists, and the bridge knows
 * from the id alone which workflow the channel's events go to.
 */
export function channelIdOfAttempt(attempt: string): string {
  return `${CHANNEL_PREFIX}${attempt}`;
}

/** The attempt whose originate created this channel; null for any other channel. */
export function attemptOfChannel(channelId: string): string | null {
  return channelId.startsWith(CHANNEL_PREFIX) && channelId.length > CHANNEL_PREFIX.length ? channelId.slice(CHANNEL_PREFIX.length) : null;
}

/** Workflow id of a campaign's dialer workflow. */
export function campaignWorkflowId(campaignId: string): string {
  return `campaign-${campaignId}`;
}
