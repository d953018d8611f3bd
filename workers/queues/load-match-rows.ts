import { Prisma } from "../../prisma/generated/client";
import type { MatchFrontier } from "./match/incremental-match";
import { candidateLimits } from "./match/incremental-match";
import type { MatchAgent, MatchCall, MatchState } from "./match/match-model";
import type { QueueEvent } from "./match/queue-events";
import { spokenLanguage } from "./match/spoken-language";
import { AGENT_COLUMNS, agentsOfRows, CALL_COLUMNS, callsOfRows, IN_QUEUE, stateOfRows } from "./load-match-state";

/**
 * The rows one event reads or changes (what `touchedRows` in match/incremental-match.ts picks from
 * the whole state): its call with the call's agent, its agent, or for a tick the offers that rang out
 * and the wrap-ups that are over.
 */
export async function loadTouchedRows(tx: Prisma.TransactionClient, event: QueueEvent): Promise<MatchState> {
  const callFilter = touchedCalls(event);
  const calls = callFilter === null ? [] : callsOfRows(await tx.$queryRaw`SELECT ${CALL_COLUMNS} FROM "QueuedCall" c WHERE ${IN_QUEUE} AND (${callFilter})`);
  const agentIds = calls.flatMap((call) => (call.agentId === null ? [] : [call.agentId]));
  if (event.type === "offerResult" || event.type === "agentState") agentIds.push(event.agentId);
  const due = event.type === "tick" ? Prisma.sql`(a."state" = 'wrap_up' AND a."wrapUpUntil" <= ${new Date(event.at)})` : Prisma.sql`false`;
  const agents = agentIds.length === 0 && event.type !== "tick" ? [] : agentsOfRows(await tx.$queryRaw`SELECT ${AGENT_COLUMNS} FROM "AgentProfile" a WHERE a."userId" = ANY(${agentIds}::text[]) OR ${due}`);
  return stateOfRows(calls, agents);
}

function touchedCalls(event: QueueEvent): Prisma.Sql | null {
  switch (event.type) {
    case "enqueue":
      return Prisma.sql`c."id" = ${event.call.id}`;
    case "leave":
    case "endCall":
    case "offerResult":
    case "retarget":
      return Prisma.sql`c."id" = ${event.callId}`;
    case "agentState":
      return null;
    case "tick":
      return Prisma.sql`c."status" = 'offered' AND c."offerExpiresAt" <= ${new Date(event.at)}`;
  }
}

/**
 * The runtime's version of `pickCandidates`: for each agent the event freed, the first waiting calls
 * it meets in waiting order; for each call the event put into waiting, its best free agents. Rows
 * already known are left out (they may carry the event's change). Ties on ids are broken bytewise
 * (COLLATE "C"), like JavaScript's string comparison in match/rank.ts.
 */
export async function loadCandidates(tx: Prisma.TransactionClient, frontier: MatchFrontier, known: MatchState): Promise<MatchState> {
  const limits = candidateLimits(frontier);
  const knownCalls = [...known.calls.keys()];
  const knownAgents = [...known.agents.keys()];
  const calls = new Map<string, MatchCall>();
  const agents = new Map<string, MatchAgent>();
  for (const agent of frontier.freeAgents) {
    for (const call of callsOfRows(await tx.$queryRaw`${callsMetBy(agent, knownCalls)} LIMIT ${limits.callsPerAgent}`)) calls.set(call.id, call);
  }
  for (const call of frontier.waitingCalls) {
    for (const agent of agentsOfRows(await tx.$queryRaw`${agentsMeeting(call, knownAgents)} LIMIT ${limits.agentsPerCall}`)) agents.set(agent.id, agent);
  }
  return { calls, agents };
}

/** Waiting calls the agent meets (match/agent-meets-call.ts), in waiting order (match/rank.ts). */
function callsMetBy(agent: MatchAgent, knownCalls: string[]): Prisma.Sql {
  return Prisma.sql`SELECT ${CALL_COLUMNS} FROM "QueuedCall" c
    WHERE c."status" = 'waiting' AND NOT (c."id" = ANY(${knownCalls}::text[]))
      AND NOT (${agent.id} = ANY(c."declinedBy"))
      AND (c."language" IS NULL OR ${spokenLanguageSql(Prisma.sql`c."language"`)} = ANY(${agent.languages.map(spokenLanguage)}::text[]))
      AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(c."requiredSkills") r
                      WHERE COALESCE((${JSON.stringify(agent.skills)}::jsonb ->> (r->>'skillId'))::int, 0) < (r->>'minProficiency')::int)
    ORDER BY c."priority" DESC, c."arrivedAt" ASC, c."id" COLLATE "C" ASC`;
}

/** Free agents who meet the call, best first: preferred, highest proficiency, longest idle (match/rank.ts). */
function agentsMeeting(call: MatchCall, knownAgents: string[]): Prisma.Sql {
  const required = JSON.stringify(call.requiredSkills);
  const language = call.language === null ? null : spokenLanguage(call.language);
  return Prisma.sql`SELECT ${AGENT_COLUMNS} FROM "AgentProfile" a
    WHERE a."state" = 'available' AND a."currentCallId" IS NULL AND NOT (a."userId" = ANY(${knownAgents}::text[]))
      AND NOT (a."userId" = ANY(${call.declinedBy}::text[]))
      AND (${language}::text IS NULL OR EXISTS (SELECT 1 FROM unnest(a."languages") AS l("tag") WHERE ${spokenLanguageSql(Prisma.sql`l."tag"`)} = ${language}::text))
      AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset(${required}::jsonb) AS r("skillId" text, "minProficiency" int)
                      WHERE COALESCE((SELECT s."proficiency" FROM "AgentSkill" s WHERE s."agentId" = a."userId" AND s."skillId" = r."skillId"), 0) < r."minProficiency")
    ORDER BY CASE WHEN a."userId" = ${call.preferredAgentId}::text THEN 0 ELSE 1 END,
      (SELECT COALESCE(SUM(s."proficiency"), 0) FROM jsonb_to_recordset(${required}::jsonb) AS r("skillId" text, "minProficiency" int)
         JOIN "AgentSkill" s ON s."agentId" = a."userId" AND s."skillId" = r."skillId") DESC,
      a."lastCallEndedAt" ASC NULLS FIRST, a."userId" COLLATE "C" ASC`;
}

/** match/spoken-language.ts in SQL: the extlang if the second subtag is one, else the primary subtag, A–Z folded. */
function spokenLanguageSql(tag: Prisma.Sql): Prisma.Sql {
  const folded = Prisma.sql`lower(${tag} COLLATE "C")`;
  return Prisma.sql`(CASE WHEN split_part(${folded}, '-', 2) ~ '^[a-z]{3}$' THEN split_part(${folded}, '-', 2) ELSE split_part(${folded}, '-', 1) END)`;
}
