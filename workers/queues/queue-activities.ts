import { z } from "zod";
import type { PrismaClient } from "../../prisma/client";
import { agentSetStateSchema, offerResultSchema } from "./match/queue-events";
import { enqueueCall, type EnqueueCallInput, type EnqueueResult } from "./enqueue-call";
import { runQueueEvent } from "./run-queue-event";

const id = z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters");
const callInputSchema = z.object({ callId: id });
const offerResultInputSchema = z.object({ callId: id, agentId: id, result: offerResultSchema });
const agentStateInputSchema = z.object({ agentId: id, state: agentSetStateSchema, reasonId: id.nullable().default(null) });

export interface QueueStepResult {
  /** Null when applied; otherwise why nothing changed (e.g. "stale-offer": a late answer). */
  refused: string | null;
  offers: { callId: string; agentId: string; expiresAt: number }[];
}

const stepResult = (applied: Awaited<ReturnType<typeof runQueueEvent>>): QueueStepResult => ({
  refused: applied.refused,
  offers: applied.effects.offers.map((o) => ({ callId: o.callId, agentId: o.agentId, expiresAt: o.expiresAt })),
});

/**
 * What the call workflow (and the agent's own requests) call. Each is one transaction under the
 * matcher's lock and safe to retry: a repeated enqueue finds its call, a repeated leave or answer is
 * refused as unknown or stale and changes nothing.
 */
export function createQueueActivities(db: PrismaClient) {
  return {
    async queueEnqueue(input: EnqueueCallInput): Promise<EnqueueResult> {
      return enqueueCall(db, input);
    },
    /** The caller hung up (or the flow takes the call elsewhere): out of the queue at once. */
    async queueLeave(input: z.input<typeof callInputSchema>): Promise<QueueStepResult> {
      return stepResult(await runQueueEvent(db, { type: "leave", ...callInputSchema.parse(input) }));
    },
    async queueOfferResult(input: z.input<typeof offerResultInputSchema>): Promise<QueueStepResult> {
      return stepResult(await runQueueEvent(db, { type: "offerResult", ...offerResultInputSchema.parse(input) }));
    },
    /** The connected call ended: the agent goes to wrap-up. */
    async queueEndCall(input: z.input<typeof callInputSchema>): Promise<QueueStepResult> {
      return stepResult(await runQueueEvent(db, { type: "endCall", ...callInputSchema.parse(input) }));
    },
    async queueSetAgentState(input: z.input<typeof agentStateInputSchema>): Promise<QueueStepResult> {
      return stepResult(await runQueueEvent(db, { type: "agentState", ...agentStateInputSchema.parse(input) }));
    },
    /** Expires unanswered offers and ends wrap-ups that are due (the queue clock calls it). */
    async queueTick(): Promise<QueueStepResult> {
      return stepResult(await runQueueEvent(db, { type: "tick" }));
    },
  };
}
export type QueueActivities = ReturnType<typeof createQueueActivities>;
