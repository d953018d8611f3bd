import { condition, getExternalWorkflowHandle, log, setHandler, uuid4 } from "@temporalio/workflow";
import { resultOfHangupCause } from "../../flows-runtime/campaigns/dial-result";
import { ari } from "../workflows/activity-proxies";
import type { IvrCallInput } from "../workflows/call-input";
import { ivrCallWorkflow } from "../workflows/ivr-call";
import { campaignAnsweredSignal, hangupSignal, type HangupSignal } from "../workflows/signals";
import { campaignDb } from "./campaign-activity-proxies";
import { attemptFinishedSignal } from "./campaign-signals";
import type { AttemptResult, CampaignCallContext, PlaceAttemptInput } from "./campaign-types";

/** Beyond the ring time, how long the attempt waits for Asterisk's word before asking ARI about the channel. */
const DIAL_SETTLE_MARGIN_MS = 10_000;

export interface CampaignCallInput extends PlaceAttemptInput {
  asteriskId: string;
  flowId: string;
  flowVersionId: string;
  dialerWorkflowId: string;
}

/**
 * One attempt to call one contact (workflow id = attempt id): checks and dials through an activity
 * that never dials an attempt twice, waits for the answer or the hangup cause, runs the campaign flow
 * on the answered call (the IVR interpreter, with the contact's variables and the campaign nodes'
 * effects), writes the result and tells the dialer. A run continued as new by a long call arrives as
 * the call's IvrCallInput.
 */
export async function campaignCallWorkflow(input: CampaignCallInput | IvrCallInput): Promise<{ result: AttemptResult }> {
  if ("callId" in input) {
    const context = input.campaign;
    if (context === undefined) throw new Error("a campaign call continued without its campaign");
    await ivrCallWorkflow(input);
    return report(context, "answered", null);
  }

  let answered = false;
  let hangup: HangupSignal | null = null;
  setHandler(campaignAnsweredSignal, () => void (answered = true));
  setHandler(hangupSignal, (signal) => void (hangup ??= signal));

  const placed = await campaignDb.placeAttempt(input);
  const context = (contact: CampaignCallContext["contact"]): CampaignCallContext => ({
    campaignId: input.campaignId,
    contactId: input.contactId,
    attemptId: input.attemptId,
    attempt: input.attempt,
    phone: input.phone,
    dialerWorkflowId: input.dialerWorkflowId,
    contact,
  });
  const bare = context({ name: null, phone: input.phone, fields: {} });
  if (placed.kind === "skipped") return report(bare, placed.reason, null, false);
  if (placed.kind === "failed") {
    log.warn("campaign attempt not dialed", { attempt: input.attemptId, reason: placed.reason });
    return report(bare, "failed", null, false);
  }

  const settled = () => answered || hangup !== null;
  if (!(await condition(settled, input.ringSeconds * 1000 + DIAL_SETTLE_MARGIN_MS))) {
    // No word from the bridge (events lost, or the originate of an earlier run never happened): ARI knows.
    const probe = await ari.channelState(input.asteriskId, input.channelId);
    if (probe.kind === "gone" && placed.kind === "already-dialed") return report(context(placed.contact), "unknown", null);
    if (probe.kind === "gone") hangup = { cause: null };
    else if (probe.state === "Up") answered = true;
    else {
      await ari.hangupChannel(input.asteriskId, input.channelId);
      hangup = { cause: 19 };
    }
  }
  if (!answered) {
    const cause = hangup?.cause ?? null;
    return report(context(placed.contact), resultOfHangupCause(cause), cause);
  }

  await campaignDb.markAnswered({ attemptId: input.attemptId });
  if (hangup === null) {
    await ivrCallWorkflow({
      callId: input.channelId,
      asteriskId: input.asteriskId,
      executionId: uuid4(),
      flowId: input.flowId,
      flowVersionId: input.flowVersionId,
      caller: input.callerId,
      dialed: input.phone,
      language: "",
      campaign: context(placed.contact),
    });
  }
  return report(context(placed.contact), "answered", null);
}

/** Writes the result (when the attempt was dialed) and tells the dialer, which may have stopped meanwhile. */
async function report(context: CampaignCallContext, result: AttemptResult, cause: number | null, dialed = true): Promise<{ result: AttemptResult }> {
  if (dialed) await campaignDb.finishAttempt({ attemptId: context.attemptId, result, cause });
  try {
    await getExternalWorkflowHandle(context.dialerWorkflowId).signal(attemptFinishedSignal, {
      attemptId: context.attemptId,
      contactId: context.contactId,
      attempt: context.attempt,
      result,
    });
  } catch (err) {
    log.info("the campaign's dialer is gone: the attempt's result stays in its row", { attempt: context.attemptId, error: String(err) });
  }
  return { result };
}
