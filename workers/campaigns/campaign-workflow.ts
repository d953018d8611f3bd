import {
  ParentClosePolicy,
  WorkflowIdReusePolicy,
  allHandlersFinished,
  condition,
  continueAsNew,
  setHandler,
  startChild,
  workflowInfo,
} from "@temporalio/workflow";
import { nextCallingTime, type CallingRules } from "../../flows-runtime/campaigns/calling-window";
import { nextAttempt } from "../../flows-runtime/campaigns/retry-rules";
import { DEFAULT_ASTERISK_ID } from "../default-asterisk-id";
import { campaignDb } from "./campaign-activity-proxies";
import { campaignCallWorkflow } from "./campaign-call-workflow";
import { attemptId, channelIdOfAttempt } from "./campaign-ids";
import { attemptFinishedSignal, pauseCampaignSignal, resumeCampaignSignal, stopCampaignSignal } from "./campaign-signals";
import type { AttemptFinished, CampaignClock, CampaignRun, DialerContact } from "./campaign-types";

/** Dispatches this many attempts per run before continuing as new (the history stays small). */
const ATTEMPTS_PER_RUN = 500;

/** A contact between attempts: due at `dueAt` (campaign time, ms), or being called now. */
interface ContactState {
  contact: DialerContact;
  dueAt: number | null;
  inFlight: boolean;
}

export interface CampaignWorkflowInput {
  campaignId: string;
  /** Default: real time. */
  clock?: CampaignClock;
  /** What an earlier run left (continue-as-new). */
  carried?: {
    run: Omit<CampaignRun, "contacts">;
    contacts: ContactState[];
    paused: boolean;
    /** Real time (ms) at which the clock read clock.startsAt. */
    clockAnchorMs: number;
  };
}

/**
 * A campaign's dialer: keeps each contact's next allowed time (its calling windows in its own zone,
 * the legal window, the retry rules), starts one child workflow per attempt whose id is the attempt id
 * (so no attempt is started twice, whatever restarts), within the campaign's lines and dial rate.
 * Waits on durable timers and signals only; never polls.
 */
export async function campaignWorkflow(input: CampaignWorkflowInput): Promise<{ state: "completed" | "stopped" }> {
  const clockAnchorMs = input.carried?.clockAnchorMs ?? Date.now();
  const speed = input.clock?.speed ?? 1;
  const startsAt = input.clock ? Date.parse(input.clock.startsAt) : clockAnchorMs;
  const now = () => startsAt + (Date.now() - clockAnchorMs) * speed;

  let run: Omit<CampaignRun, "contacts">;
  let states: Map<string, ContactState>;
  if (input.carried) {
    run = input.carried.run;
    states = new Map(input.carried.contacts.map((state) => [state.contact.id, state]));
  } else {
    const loaded = await campaignDb.loadCampaignRun(input.campaignId);
    const { contacts, ...settings } = loaded;
    run = settings;
    states = new Map();
    for (const contact of contacts) {
      const dueAt = contact.attempts >= run.retryRules.maxAttempts ? null : nextCallable(contact, now(), run);
      if (dueAt === null) {
        await campaignDb.settleContact({ contactId: contact.id, reason: contact.zone === null ? "no-time-zone" : contact.attempts >= run.retryRules.maxAttempts ? "max-attempts" : "never-callable" });
        continue;
      }
      states.set(contact.id, { contact, dueAt, inFlight: false });
    }
  }

  let paused = input.carried?.paused ?? false;
  let stopped = false;
  const finished: AttemptFinished[] = [];
  setHandler(pauseCampaignSignal, () => void (paused = true));
  setHandler(resumeCampaignSignal, () => void (paused = false));
  setHandler(stopCampaignSignal, () => void (stopped = true));
  setHandler(attemptFinishedSignal, (result) => void finished.push(result));

  const dialGapMs = 1000 / run.maxDialsPerSecond;
  let lastDialAt = -Infinity;
  let dispatched = 0;

  for (;;) {
    for (const result of finished.splice(0)) await settle(result);
    if (stopped) break;
    const inFlight = [...states.values()].filter((state) => state.inFlight).length;
    if (states.size === 0) break;
    const waiting = [...states.values()].filter((state) => !state.inFlight && state.dueAt !== null);
    const due = waiting.filter((state) => (state.dueAt ?? Infinity) <= now()).sort((a, b) => (a.dueAt ?? 0) - (b.dueAt ?? 0));
    const next = due[0];
    const sinceDial = Date.now() - lastDialAt;
    if (!paused && next !== undefined && inFlight < run.maxLines && sinceDial >= dialGapMs) {
      await dispatch(next);
      dispatched += 1;
      lastDialAt = Date.now();
      if (dispatched >= ATTEMPTS_PER_RUN || workflowInfo().continueAsNewSuggested) {
        await condition(allHandlersFinished);
        for (const result of finished.splice(0)) await settle(result);
        return await continueAsNew<typeof campaignWorkflow>({
          campaignId: input.campaignId,
          ...(input.clock ? { clock: input.clock } : {}),
          carried: { run, contacts: [...states.values()], paused, clockAnchorMs },
        });
      }
      continue;
    }
    // Sleep until something can change: a result, a signal, the next contact due, the dial gap.
    const earliestDue = Math.min(...waiting.map((state) => state.dueAt ?? Infinity));
    const realWaits = [
      paused || inFlight >= run.maxLines ? Infinity : (earliestDue - now()) / speed,
      next !== undefined && inFlight < run.maxLines ? dialGapMs - sinceDial : Infinity,
    ].filter((ms) => Number.isFinite(ms));
    const seen = { paused, stopped };
    const changed = () => finished.length > 0 || paused !== seen.paused || stopped !== seen.stopped;
    if (realWaits.length === 0) await condition(changed);
    else await condition(changed, Math.max(1, Math.ceil(Math.min(...realWaits))));
  }

  const state = stopped ? "stopped" : "completed";
  await campaignDb.setCampaignState({ campaignId: input.campaignId, state });
  return { state };

  async function dispatch(state: ContactState): Promise<void> {
    state.inFlight = true;
    state.contact.attempts += 1;
    const id = attemptId(run.campaignId, state.contact.id, state.contact.attempts);
    await startChild(campaignCallWorkflow, {
      workflowId: id,
      args: [
        {
          attemptId: id,
          campaignId: run.campaignId,
          contactId: state.contact.id,
          attempt: state.contact.attempts,
          phone: state.contact.phone,
          channelId: channelIdOfAttempt(id),
          asteriskId: DEFAULT_ASTERISK_ID,
          callerId: run.callerId,
          ringSeconds: run.ringSeconds,
          flowId: run.flowId,
          flowVersionId: run.flowVersionId,
          dialerWorkflowId: workflowInfo().workflowId,
        },
      ],
      // The attempt outlives a continue-as-new of the dialer (and a stop: its call is not cut off).
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      workflowTaskTimeout: "2s",
    });
  }

  async function settle(result: AttemptFinished): Promise<void> {
    const state = states.get(result.contactId);
    if (state === undefined || !state.inFlight || state.contact.attempts !== result.attempt) return;
    state.inFlight = false;
    if (result.result === "do-not-call" || result.result === "frequency-cap") {
      states.delete(result.contactId);
      await campaignDb.settleContact({ contactId: result.contactId, reason: result.result });
      return;
    }
    // An attempt that may never have been dialed is not a reason to give up on the contact.
    const dialResult = result.result === "unknown" ? "no-answer" : result.result;
    const after = nextAttempt(dialResult, result.attempt, new Date(now()), run.retryRules);
    const dueAt = after.kind === "retry" ? nextCallable(state.contact, after.notBefore.getTime(), run) : null;
    if (dueAt === null) {
      states.delete(result.contactId);
      await campaignDb.settleContact({ contactId: result.contactId, reason: after.kind === "done" ? after.reason : "never-callable" });
      return;
    }
    state.dueAt = dueAt;
  }
}

function rulesOf(contact: DialerContact, run: Omit<CampaignRun, "contacts">): CallingRules | null {
  if (contact.zone === null) return null;
  return { schedule: run.schedule, legal: contact.country === null ? null : (run.legalWindows[contact.country] ?? null), zone: contact.zone };
}

function nextCallable(contact: DialerContact, from: number, run: Omit<CampaignRun, "contacts">): number | null {
  const rules = rulesOf(contact, run);
  return rules === null ? null : (nextCallingTime(new Date(from), rules)?.getTime() ?? null);
}
