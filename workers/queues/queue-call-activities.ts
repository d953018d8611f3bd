import type { PrismaClient } from "../../prisma/client";
import type { EnqueueCallInput, EnqueueResult } from "./enqueue-call";
import { callbackSettingsOf, recordingModeSchema, type CallbackSettings, type RecordingMode } from "./callback-settings";
import { createQueueActivities } from "./queue-activities";
import { createQueueCallbackActivities } from "./queue-callback-activities";
import { queueActionSchema, type QueueAction } from "./queue-settings";

/** How a waiting caller is held: the worker's configuration (QUEUE_MOH_CLASS, QUEUE_ANNOUNCE_SECONDS). */
export interface QueueHoldSettings {
  mohClass: string;
  announceEverySeconds: number;
  /** What a routing flow's queue step has announced (README "Routing flows"); absent: the position only. */
  say?: { position: boolean; estimatedWait: boolean; comfortText: string; silent: boolean };
}

/** Queued: also how to hold the caller, and what to do once it has waited the maximum (the when-full action). */
export type QueueJoinResult = Exclude<EnqueueResult, { status: "queued" }> | (Extract<EnqueueResult, { status: "queued" }> & { hold: QueueHoldSettings; overflow: QueueAction; callback?: CallbackSettings | null; recording?: RecordingMode });

/**
 * The queue activities a call workflow runs (regular activities: retried on another worker when
 * this one dies; each is one idempotent transaction under the matcher's lock).
 */
export function createQueueCallActivities(db: PrismaClient, hold: QueueHoldSettings) {
  const queues = createQueueActivities(db);
  return {
    async queueJoin(input: EnqueueCallInput): Promise<QueueJoinResult> {
      const result = await queues.queueEnqueue(input);
      if (result.status !== "queued") return result;
      const queue = await db.queue.findUniqueOrThrow({ where: { id: result.queueId } });
      return { ...result, hold, overflow: queueActionSchema.parse(queue.whenFull), callback: callbackSettingsOf(queue), recording: recordingModeSchema.parse(queue.recording) };
    },
    /** 1 = next in line; 0 when the call is not waiting (offered, or gone). */
    async queuePosition(callId: string): Promise<number> {
      const call = await db.queuedCall.findUnique({ where: { id: callId } });
      if (!call || call.status !== "waiting") return 0;
      const ahead = await db.queuedCall.count({
        where: {
          queueId: call.queueId,
          status: "waiting",
          OR: [{ priority: { gt: call.priority } }, { priority: call.priority, arrivedAt: { lt: call.arrivedAt } }],
        },
      });
      return ahead + 1;
    },
    queueLeave: queues.queueLeave,
    queueOfferResult: queues.queueOfferResult,
    queueEndCall: queues.queueEndCall,
    ...createQueueCallbackActivities(db),
  };
}

export type QueueCallActivities = ReturnType<typeof createQueueCallActivities>;
