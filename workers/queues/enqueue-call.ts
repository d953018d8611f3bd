import { z } from "zod";
import type { Prisma } from "../../prisma/generated/client";
import type { PrismaClient } from "../../prisma/client";
import { compileBusinessHours } from "../../flows-runtime/nodes/business-hours/compile";
import { isOpen } from "../../flows-runtime/nodes/business-hours/execute";
import { localTime } from "../../flows-runtime/nodes/business-hours/local-time";
import { requiredSkillsSchema } from "./load-match-state";
import { withMatchLock, type MatchLockOptions } from "./match-lock";
import { keyNameSchema, queueActionSchema, queueHoursSchema, type QueueAction } from "./queue-settings";
import { applyInTransaction } from "./run-queue-event";

const id = z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters");

/** What the call workflow hands over: names, as flows write them. */
export const enqueueCallInputSchema = z.object({
  callId: id,
  queue: keyNameSchema,
  priority: z.number().int().min(0, "must be 0 to 9").max(9, "must be 0 to 9").default(5),
  skills: z.array(z.object({ skill: keyNameSchema, minProficiency: z.number().int().min(1, "must be 1 to 5").max(5, "must be 1 to 5") })).max(20).default([]),
  language: z.string().min(2).max(35).nullable().default(null),
  preferredAgentId: id.nullable().default(null),
});
export type EnqueueCallInput = z.input<typeof enqueueCallInputSchema>;

export type EnqueueResult =
  | { status: "queued"; callId: string; queueId: string; position: number; maxWaitSeconds: number; offer: { agentId: string } | null }
  | { status: "full" | "closed"; action: QueueAction }
  | { status: "unknown-queue" | "unknown-skill"; name: string };

/**
 * Puts a call into a queue (idempotent: a retried activity finds the call already queued), unless the
 * queue is closed by its hours or already holds its maximum of waiting calls: then the queue's action.
 * The queue's required skills and the call's own are both required (the higher minimum of each).
 */
export async function enqueueCall(db: PrismaClient, rawInput: EnqueueCallInput, options?: MatchLockOptions): Promise<EnqueueResult> {
  const input = enqueueCallInputSchema.parse(rawInput);
  return withMatchLock(db, async (tx, at, timer) => {
    const queue = await tx.queue.findUnique({ where: { name: input.queue } });
    if (!queue) return { status: "unknown-queue", name: input.queue };
    const existing = await tx.queuedCall.findUnique({ where: { id: input.callId } });
    if (existing) return queued(tx, existing.id, queue.id, queue.maxWaitSeconds, existing.agentId);
    const hours = queue.hours === null ? null : queueHoursSchema.parse(queue.hours);
    if (hours !== null && !isOpen(compileBusinessHours(hours), localTime(new Date(at), hours.timezone))) {
      return { status: "closed", action: queueActionSchema.parse(queue.whenClosed) };
    }
    const waiting = await tx.queuedCall.count({ where: { queueId: queue.id, status: { in: ["waiting", "offered"] } } });
    if (waiting >= queue.maxWaiting) return { status: "full", action: queueActionSchema.parse(queue.whenFull) };
    const named = await tx.skill.findMany({ where: { name: { in: input.skills.map((s) => s.skill) } } });
    const required = new Map(requiredSkillsSchema.parse(queue.requiredSkills).map((s) => [s.skillId, s.minProficiency]));
    for (const wanted of input.skills) {
      const skill = named.find((s) => s.name === wanted.skill);
      if (!skill) return { status: "unknown-skill", name: wanted.skill };
      required.set(skill.id, Math.max(required.get(skill.id) ?? 0, wanted.minProficiency));
    }
    const applied = await applyInTransaction(tx, {
      type: "enqueue",
      at,
      call: {
        id: input.callId,
        queueId: queue.id,
        priority: input.priority,
        requiredSkills: [...required].map(([skillId, minProficiency]) => ({ skillId, minProficiency })),
        language: input.language,
        preferredAgentId: input.preferredAgentId,
        offerTimeoutMs: queue.offerTimeoutSeconds * 1000,
      },
    }, timer);
    const result = await queued(tx, input.callId, queue.id, queue.maxWaitSeconds, applied.state.calls.get(input.callId)?.agentId ?? null);
    timer.mark("load");
    return result;
  }, options);
}

async function queued(tx: Prisma.TransactionClient, callId: string, queueId: string, maxWaitSeconds: number, agentId: string | null): Promise<EnqueueResult> {
  return { status: "queued", callId, queueId, position: await positionOf(tx, callId), maxWaitSeconds, offer: agentId === null ? null : { agentId } };
}

/** 1 = next in line among the queue's waiting calls; 0 when it is not waiting (offered already). */
async function positionOf(tx: Prisma.TransactionClient, callId: string): Promise<number> {
  const call = await tx.queuedCall.findUnique({ where: { id: callId } });
  if (!call || call.status !== "waiting") return 0;
  const ahead = await tx.queuedCall.count({
    where: {
      queueId: call.queueId,
      status: "waiting",
      OR: [{ priority: { gt: call.priority } }, { priority: call.priority, arrivedAt: { lt: call.arrivedAt } }, { priority: call.priority, arrivedAt: call.arrivedAt, id: { lt: call.id } }],
    },
  });
  return ahead + 1;
}
