import { z } from "zod";
import type { Prisma } from "../../prisma/generated/client";
import type { MatchState } from "./match/match-model";
import { requiredSkillSchema } from "./match/queue-events";

export const requiredSkillsSchema = z.array(requiredSkillSchema);

const ms = z.date().transform((d) => d.getTime());
const callRowSchema = z.object({
  id: z.string(),
  queueId: z.string(),
  priority: z.number(),
  requiredSkills: requiredSkillsSchema,
  language: z.string().nullable(),
  preferredAgentId: z.string().nullable(),
  arrivedAt: ms,
  status: z.enum(["waiting", "offered", "connected"]),
  agentId: z.string().nullable(),
  offeredAt: ms.nullable(),
  offerExpiresAt: ms.nullable(),
  offerCount: z.number(),
  declinedBy: z.array(z.string()),
  offerTimeoutSeconds: z.number(),
  connectedAt: ms.nullable(),
});
const agentRowSchema = z.object({
  id: z.string(),
  state: z.enum(["offline", "available", "offered", "on_call", "wrap_up", "not_ready"]),
  reasonId: z.string().nullable(),
  stateSince: ms,
  skills: z.record(z.string(), z.number()),
  languages: z.array(z.string()),
  wrapUpSeconds: z.number(),
  wrapUpUntil: ms.nullable(),
  lastCallEndedAt: ms.nullable(),
  currentCallId: z.string().nullable(),
});

/**
 * The rows the matcher decides on: calls still in a queue (waiting, offered, connected) and every
 * agent. Plain SQL (the ORM's mapping of 600 rows with their skills cost more than the queries).
 */
export async function loadMatchState(tx: Prisma.TransactionClient): Promise<MatchState> {
  const calls = await tx.$queryRaw`
    SELECT "id", "queueId", "priority", "requiredSkills", "language", "preferredAgentId", "arrivedAt", "status"::text AS "status", "agentId",
           "offeredAt", "offerExpiresAt", "offerCount", "declinedBy", "offerTimeoutSeconds", "connectedAt"
    FROM "QueuedCall" WHERE "status" IN ('waiting', 'offered', 'connected')`;
  const agents = await tx.$queryRaw`
    SELECT a."userId" AS "id", a."state"::text AS "state", a."stateReasonId" AS "reasonId", a."stateSince", a."languages", a."wrapUpSeconds",
           a."wrapUpUntil", a."lastCallEndedAt", a."currentCallId",
           COALESCE((SELECT jsonb_object_agg(s."skillId", s."proficiency") FROM "AgentSkill" s WHERE s."agentId" = a."userId"), '{}'::jsonb) AS "skills"
    FROM "AgentProfile" a`;
  const state: MatchState = { calls: new Map(), agents: new Map() };
  for (const row of z.array(callRowSchema).parse(calls)) {
    const { offerTimeoutSeconds, ...call } = row;
    state.calls.set(call.id, { ...call, offerTimeoutMs: offerTimeoutSeconds * 1000 });
  }
  for (const row of z.array(agentRowSchema).parse(agents)) {
    const { wrapUpSeconds, ...agent } = row;
    state.agents.set(agent.id, { ...agent, wrapUpMs: wrapUpSeconds * 1000 });
  }
  return state;
}
