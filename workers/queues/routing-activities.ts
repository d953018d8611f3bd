import { z } from "zod";
import type { PrismaClient } from "../../prisma/client";
import { countAgentsWhoCouldServe, loadCallNeeds, skillNeedsSchema } from "./call-needs";
import { withMatchLock } from "./match-lock";
import { keyNameSchema } from "./queue-settings";
import { applyInTransaction } from "./run-queue-event";

const id = z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters");
const proficiency = z.number().int().min(1, "must be 1 to 5").max(5, "must be 1 to 5");

const needsInputSchema = z.object({ queue: keyNameSchema, skills: skillNeedsSchema.default([]) });
const retargetInputSchema = needsInputSchema.extend({ callId: id, maxProficiency: proficiency.nullable().default(null) });
const estimateInputSchema = z.object({ callId: id, position: z.number().int().min(0) });

/** Without ended calls to learn from, a call is taken to last this long. */
const DEFAULT_HANDLE_SECONDS = 180;

/**
 * What a routing flow asks of the queues besides joining and leaving them (README "Routing flows").
 * Retargeting is one matcher event under the lock; the two reads are advisory (what the caller hears
 * or which exit it takes), so they run without it.
 */
export function createRoutingActivities(db: PrismaClient) {
  return {
    /** How many signed-in agents could take a call with these needs (0: the no-agents exit). */
    async queueAgentsSignedIn(input: z.input<typeof needsInputSchema>): Promise<number | { unknown: string }> {
      const parsed = needsInputSchema.parse(input);
      return db.$transaction(async (tx) => {
        const needs = await loadCallNeeds(tx, parsed.queue, parsed.skills, null);
        return needs.status === "ok" ? countAgentsWhoCouldServe(tx, needs.required) : { unknown: needs.name };
      });
    },
    /** Widens a waiting call in place (its arrival time kept): another queue's needs, lower minimums. */
    async queueRetarget(input: z.input<typeof retargetInputSchema>): Promise<{ refused: string | null }> {
      const parsed = retargetInputSchema.parse(input);
      return withMatchLock(db, async (tx, at, timer) => {
        const needs = await loadCallNeeds(tx, parsed.queue, parsed.skills, parsed.maxProficiency);
        if (needs.status !== "ok") return { refused: `${needs.status}: ${needs.name}` };
        const applied = await applyInTransaction(tx, { type: "retarget", callId: parsed.callId, queueId: needs.queueId, requiredSkills: needs.required, at }, timer);
        return { refused: applied.refused };
      });
    },
    /**
     * Seconds until an agent is likely free for the call at `position`: position × the queue's mean
     * handling time (its calls ended in the last day) ÷ the agents signed in who could take it.
     */
    async queueWaitEstimate(input: z.input<typeof estimateInputSchema>): Promise<number | null> {
      const parsed = estimateInputSchema.parse(input);
      const call = await db.queuedCall.findUnique({ where: { id: parsed.callId }, select: { queueId: true, requiredSkills: true } });
      if (!call || parsed.position === 0) return null;
      const rows = z.array(z.object({ seconds: z.number().nullable() })).parse(
        await db.$queryRaw`
          SELECT avg(EXTRACT(EPOCH FROM (c."endedAt" - c."connectedAt")))::float8 AS "seconds" FROM "QueuedCall" c
          WHERE c."queueId" = ${call.queueId} AND c."status" = 'ended' AND c."connectedAt" IS NOT NULL AND c."endedAt" > now() - interval '1 day'`,
      );
      const handleSeconds = rows[0]?.seconds ?? DEFAULT_HANDLE_SECONDS;
      const agents = await db.$transaction((tx) => countAgentsWhoCouldServe(tx, z.array(z.object({ skillId: z.string(), minProficiency: z.number() })).parse(call.requiredSkills)));
      return Math.round((parsed.position * handleSeconds) / Math.max(1, agents));
    },
  };
}

export type RoutingActivities = ReturnType<typeof createRoutingActivities>;
