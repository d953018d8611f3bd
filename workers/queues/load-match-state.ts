import { z } from "zod";
import { Prisma } from "../../prisma/generated/client";
import type { MatchAgent, MatchCall, MatchState } from "./match/match-model";
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

/** The columns of a call as the matcher sees it (alias c); only calls still in a queue. */
export const CALL_COLUMNS = Prisma.sql`c."id", c."queueId", c."priority", c."requiredSkills", c."language", c."preferredAgentId", c."arrivedAt", c."status"::text AS "status",
  c."agentId", c."offeredAt", c."offerExpiresAt", c."offerCount", c."declinedBy", c."offerTimeoutSeconds", c."connectedAt"`;
export const IN_QUEUE = Prisma.sql`c."status" IN ('waiting', 'offered', 'connected')`;
/** The columns of an agent with their skills (alias a). */
export const AGENT_COLUMNS = Prisma.sql`a."userId" AS "id", a."state"::text AS "state", a."stateReasonId" AS "reasonId", a."stateSince", a."languages", a."wrapUpSeconds",
  a."wrapUpUntil", a."lastCallEndedAt", a."currentCallId",
  COALESCE((SELECT jsonb_object_agg(s."skillId", s."proficiency") FROM "AgentSkill" s WHERE s."agentId" = a."userId"), '{}'::jsonb) AS "skills"`;

export function callsOfRows(rows: unknown): MatchCall[] {
  return z
    .array(callRowSchema)
    .parse(rows)
    .map(({ offerTimeoutSeconds, ...call }) => ({ ...call, offerTimeoutMs: offerTimeoutSeconds * 1000 }));
}

export function agentsOfRows(rows: unknown): MatchAgent[] {
  return z
    .array(agentRowSchema)
    .parse(rows)
    .map(({ wrapUpSeconds, ...agent }) => ({ ...agent, wrapUpMs: wrapUpSeconds * 1000 }));
}

export function stateOfRows(calls: MatchCall[], agents: MatchAgent[]): MatchState {
  return { calls: new Map(calls.map((call) => [call.id, call])), agents: new Map(agents.map((agent) => [agent.id, agent])) };
}

/**
 * Every call still in a queue (waiting, offered, connected) and every agent: what the whole-state
 * matcher decides on (tests, and a full rematch). Plain SQL: the ORM's mapping of 600 rows with their
 * skills cost more than the queries.
 */
export async function loadMatchState(tx: Prisma.TransactionClient): Promise<MatchState> {
  const calls = await tx.$queryRaw`SELECT ${CALL_COLUMNS} FROM "QueuedCall" c WHERE ${IN_QUEUE}`;
  const agents = await tx.$queryRaw`SELECT ${AGENT_COLUMNS} FROM "AgentProfile" a`;
  return stateOfRows(callsOfRows(calls), agentsOfRows(agents));
}
