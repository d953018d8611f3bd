import { z } from "zod";
import type { Prisma } from "../../prisma/generated/client";
import type { PrismaClient } from "../../prisma/client";
import { compileBusinessHours } from "../../flows-runtime/nodes/business-hours/compile";
import { isOpen } from "../../flows-runtime/nodes/business-hours/execute";
import { localTime } from "../../flows-runtime/nodes/business-hours/local-time";
import { requiredSkillsSchema } from "./load-match-state";
import type { QueueEvent } from "./match/queue-events";
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
  /** The owning call: where offers and agent actions are signalled, and what the agent is shown. */
  workflowId: id.nullable().default(null),
  asteriskId: id.nullable().default(null),
  callerNumber: z.string().max(80).nullable().default(null),
  dialedNumber: z.string().max(80).nullable().default(null),
  variables: z.record(z.string(), z.unknown()).default({}),
});
export type EnqueueCallInput = z.input<typeof enqueueCallInputSchema>;

export type EnqueueResult =
  | { status: "queued"; callId: string; queueId: string; position: number; maxWaitSeconds: number; offer: { agentId: string } | null }
  | { status: "full" | "closed"; action: QueueAction }
  | { status: "unknown-queue" | "unknown-skill"; name: string };

const queueRowSchema = z.array(
  z.object({
    id: z.string(),
    hours: z.unknown(),
    maxWaiting: z.number(),
    maxWaitSeconds: z.number(),
    offerTimeoutSeconds: z.number(),
    requiredSkills: z.unknown(),
    whenFull: z.unknown(),
    whenClosed: z.unknown(),
    existing: z.boolean(),
    waiting: z.number(),
    skills: z.record(z.string(), z.string()),
    ahead: z.number(),
  }),
);

/**
 * Puts a call into a queue (idempotent: a retried activity finds the call already queued), unless the
 * queue is closed by its hours or already holds its maximum of waiting calls: then the queue's action.
 * The queue's required skills and the call's own are both required (the higher minimum of each).
 * One statement reads the queue, its load, the named skills and the new call's place.
 */
export async function enqueueCall(db: PrismaClient, rawInput: EnqueueCallInput, options?: MatchLockOptions): Promise<EnqueueResult> {
  const input = enqueueCallInputSchema.parse(rawInput);
  return withMatchLock(
    db,
    async (tx, at, timer) => {
      const [queue] = queueRowSchema.parse(
        await tx.$queryRaw`
          SELECT q."id", q."hours", q."maxWaiting", q."maxWaitSeconds", q."offerTimeoutSeconds", q."requiredSkills", q."whenFull", q."whenClosed",
            EXISTS (SELECT 1 FROM "QueuedCall" c WHERE c."id" = ${input.callId}) AS "existing",
            (SELECT count(*) FROM "QueuedCall" c WHERE c."queueId" = q."id" AND c."status" IN ('waiting', 'offered'))::int AS "waiting",
            COALESCE((SELECT jsonb_object_agg(s."name", s."id") FROM "Skill" s WHERE s."name" = ANY(${input.skills.map((s) => s.skill)}::text[])), '{}'::jsonb) AS "skills",
            (SELECT count(*) FROM "QueuedCall" c WHERE c."queueId" = q."id" AND c."status" = 'waiting'
               AND (c."priority" > ${input.priority} OR (c."priority" = ${input.priority} AND (c."arrivedAt" < ${new Date(at)} OR (c."arrivedAt" = ${new Date(at)} AND c."id" < ${input.callId})))))::int AS "ahead"
          FROM "Queue" q WHERE q."name" = ${input.queue}`,
      );
      if (!queue) return { status: "unknown-queue", name: input.queue };
      if (queue.existing) {
        const existing = await tx.queuedCall.findUniqueOrThrow({ where: { id: input.callId } });
        return { status: "queued", callId: existing.id, queueId: queue.id, position: await positionOf(tx, existing.id), maxWaitSeconds: queue.maxWaitSeconds, offer: existing.agentId === null ? null : { agentId: existing.agentId } };
      }
      const hours = queue.hours === null ? null : queueHoursSchema.parse(queue.hours);
      if (hours !== null && !isOpen(compileBusinessHours(hours), localTime(new Date(at), hours.timezone))) {
        return { status: "closed", action: queueActionSchema.parse(queue.whenClosed) };
      }
      if (queue.waiting >= queue.maxWaiting) return { status: "full", action: queueActionSchema.parse(queue.whenFull) };
      const required = new Map(requiredSkillsSchema.parse(queue.requiredSkills).map((s) => [s.skillId, s.minProficiency]));
      for (const wanted of input.skills) {
        const skillId = queue.skills[wanted.skill];
        if (skillId === undefined) return { status: "unknown-skill", name: wanted.skill };
        required.set(skillId, Math.max(required.get(skillId) ?? 0, wanted.minProficiency));
      }
      const event: QueueEvent = {
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
      };
      // The call is not there (checked above, under the lock): the event touches no stored row.
      const applied = await applyInTransaction(tx, event, timer, { calls: new Map(), agents: new Map() });
      if (applied.refused === null) {
        // The matcher's insert writes what it decides on; who the call is comes with it, in the same transaction.
        await tx.queuedCall.update({
          where: { id: input.callId },
          data: { workflowId: input.workflowId, asteriskId: input.asteriskId, callerNumber: input.callerNumber, dialedNumber: input.dialedNumber, variables: jsonOf(input.variables) },
        });
      }
      const agentId = applied.state.calls.get(input.callId)?.agentId ?? null;
      return { status: "queued", callId: input.callId, queueId: queue.id, position: agentId === null ? queue.ahead + 1 : 0, maxWaitSeconds: queue.maxWaitSeconds, offer: agentId === null ? null : { agentId } };
    },
    options,
  );
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

/** The IVR's variables as a JSON column: what JSON cannot hold (undefined, functions) is dropped. */
function jsonOf(variables: Record<string, unknown>): Prisma.InputJsonObject {
  const parsed: unknown = JSON.parse(JSON.stringify(variables));
  return z.record(z.string(), z.json()).parse(parsed);
}
