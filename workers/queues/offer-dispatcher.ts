import type { PrismaClient } from "../../prisma/client";
import { listenForRoutingChanges } from "../persistence/routing-notifications";
import { WorkflowNotFoundError } from "@temporalio/common";
import type { Client } from "@temporalio/client";
import { queueOfferSignal, type QueueOfferSignal } from "../workflows/signals";

/** Channel of persistMatchChanges' NOTIFY (one per committed offer). */
export const OFFER_CHANNEL = "cc_queues_offer";

/** Sends one offer to the call's workflow; "not-running" when the call is over. */
export type SignalOffer = (workflowId: string, offer: QueueOfferSignal) => Promise<unknown>;

export interface OfferDispatcher {
  /** Signals every offer not delivered by this process yet (the sweep; also on every (re)connect). */
  sweep(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Hands the matcher's offers to the call workflows that ring the agents. The offers are rows
 * (QueuedCall status 'offered'), so nothing lives only here: a NOTIFY starts a sweep at once, and the
 * sweep also runs every `sweepEveryMs`, on start and on every reconnect, so a lost notification or a
 * restarted worker delays an offer by at most that long. Every worker may run one: a workflow rings
 * each offer (agent, offeredAt) once, whoever signals it how often.
 */
export function startOfferDispatcher(db: PrismaClient, options: { databaseUrl: string; signal: SignalOffer; sweepEveryMs?: number; log?: (message: string) => void }): OfferDispatcher {
  /** Offers this process has signalled: not sent again by its own sweeps. */
  const delivered = new Set<string>();
  let running: Promise<number> | null = null;
  let again = false;

  const sweepOnce = async (): Promise<number> => {
    const offered = await db.queuedCall.findMany({
      where: { status: "offered", workflowId: { not: null }, agentId: { not: null } },
      select: { id: true, workflowId: true, agentId: true, offeredAt: true, offerExpiresAt: true },
    });
    const agentIds = [...new Set(offered.flatMap((call) => (call.agentId === null ? [] : [call.agentId])))];
    const agents = new Map((await db.agentProfile.findMany({ where: { userId: { in: agentIds } }, select: { userId: true, extension: true, endpoint: true } })).map((a) => [a.userId, a]));
    const current = new Set<string>();
    let sent = 0;
    for (const call of offered) {
      const agent = call.agentId === null ? undefined : agents.get(call.agentId);
      if (!agent || call.workflowId === null || call.offeredAt === null || call.offerExpiresAt === null) continue;
      const key = `${call.id}/${agent.userId}@${call.offeredAt.getTime()}`;
      current.add(key);
      if (delivered.has(key)) continue;
      const endpoint = agent.endpoint === null || agent.endpoint.trim() === "" ? `PJSIP/${agent.extension}` : agent.endpoint;
      try {
        await options.signal(call.workflowId, { callId: call.id, agentId: agent.userId, endpoint, offeredAt: call.offeredAt.getTime(), expiresAt: call.offerExpiresAt.getTime() });
        delivered.add(key);
        sent += 1;
      } catch (error) {
        options.log?.(`offer of ${call.id} to ${agent.userId} not signalled (next sweep retries): ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    for (const key of delivered) if (!current.has(key)) delivered.delete(key);
    return sent;
  };

  /** One sweep at a time; a request during one runs another right after (it may have missed a new offer). */
  const sweep = (): Promise<number> => {
    if (running !== null) {
      again = true;
      return running;
    }
    const run = (async () => {
      let sent = 0;
      do {
        again = false;
        try {
          sent += await sweepOnce();
        } catch (error) {
          options.log?.(`offer sweep failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      } while (again);
      return sent;
    })();
    running = run;
    void run.finally(() => {
      running = null;
    });
    return run;
  };

  const notifications = listenForRoutingChanges({ databaseUrl: options.databaseUrl, channel: OFFER_CHANNEL, onChange: () => void sweep(), log: options.log });
  const timer = setInterval(() => void sweep(), options.sweepEveryMs ?? 2_000);
  timer.unref();
  return {
    sweep,
    async close() {
      clearInterval(timer);
      await notifications.close();
      await running;
    },
  };
}

/** Signals through Temporal; a call whose workflow has ended is not an error (the row goes stale). */
export function temporalOfferSignal(client: Client): SignalOffer {
  return async (workflowId, offer) => {
    try {
      await client.workflow.getHandle(workflowId).signal(queueOfferSignal, offer);
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
  };
}
