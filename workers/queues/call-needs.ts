import { z } from "zod";
import type { Prisma } from "../../prisma/generated/client";
import { requiredSkillsSchema } from "./load-match-state";
import type { RequiredSkill } from "./match/match-model";
import { keyNameSchema } from "./queue-settings";

export const skillNeedsSchema = z
  .array(z.object({ skill: keyNameSchema, minProficiency: z.number().int().min(1, "must be 1 to 5").max(5, "must be 1 to 5") }))
  .max(20);

export type CallNeeds = { status: "ok"; queueId: string; required: RequiredSkill[] } | { status: "unknown-queue" | "unknown-skill"; name: string };

/**
 * What a call in `queue` needs of an agent: the queue's required skills and the call's own (the
 * higher minimum of each), every minimum capped at `maxProficiency` when set (a widened call).
 */
export async function loadCallNeeds(tx: Prisma.TransactionClient, queue: string, skills: z.infer<typeof skillNeedsSchema>, maxProficiency: number | null): Promise<CallNeeds> {
  const row = await tx.queue.findUnique({ where: { name: queue }, select: { id: true, requiredSkills: true } });
  if (!row) return { status: "unknown-queue", name: queue };
  const named = await tx.skill.findMany({ where: { name: { in: skills.map((s) => s.skill) } }, select: { id: true, name: true } });
  const ids = new Map(named.map((skill) => [skill.name, skill.id]));
  const required = new Map(requiredSkillsSchema.parse(row.requiredSkills).map((s) => [s.skillId, s.minProficiency]));
  for (const wanted of skills) {
    const skillId = ids.get(wanted.skill);
    if (skillId === undefined) return { status: "unknown-skill", name: wanted.skill };
    required.set(skillId, Math.max(required.get(skillId) ?? 0, wanted.minProficiency));
  }
  const cap = maxProficiency ?? 5;
  return { status: "ok", queueId: row.id, required: [...required].map(([skillId, minProficiency]) => ({ skillId, minProficiency: Math.min(cap, minProficiency) })) };
}

/** Agents signed in (any state but offline) who have every required skill at its minimum: TaskRouter's skip_if. */
export async function countAgentsWhoCouldServe(tx: Prisma.TransactionClient, required: RequiredSkill[]): Promise<number> {
  const rows = z.array(z.object({ agents: z.number() })).parse(
    await tx.$queryRaw`
      SELECT count(*)::int AS "agents" FROM "AgentProfile" a
      WHERE a."state" <> 'offline'
        AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset(${JSON.stringify(required)}::jsonb) AS r("skillId" text, "minProficiency" int)
                        WHERE COALESCE((SELECT s."proficiency" FROM "AgentSkill" s WHERE s."agentId" = a."userId" AND s."skillId" = r."skillId"), 0) < r."minProficiency")`,
  );
  return rows[0]?.agents ?? 0;
}
