import { Prisma } from "../../prisma/generated/client";
import type { MatchAgent, MatchCall, MatchEffects, MatchState } from "./match/match-model";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const callColumns = (call: MatchCall) => ({
  id: call.id,
  status: call.status,
  agentId: call.agentId,
  offeredAt: iso(call.offeredAt),
  offerExpiresAt: iso(call.offerExpiresAt),
  offerCount: call.offerCount,
  declinedBy: call.declinedBy,
  connectedAt: iso(call.connectedAt),
  queueId: call.queueId,
  requiredSkills: call.requiredSkills.map((skill) => ({ skillId: skill.skillId, minProficiency: skill.minProficiency })),
});

const agentColumns = (agent: MatchAgent) => ({
  id: agent.id,
  state: agent.state,
  reasonId: agent.reasonId,
  stateSince: iso(agent.stateSince),
  wrapUpUntil: iso(agent.wrapUpUntil),
  lastCallEndedAt: iso(agent.lastCallEndedAt),
  currentCallId: agent.currentCallId,
});

interface Writes {
  left: MatchEffects["left"];
  inserted: MatchCall[];
  calls: MatchCall[];
  agents: MatchAgent[];
  log: MatchEffects["stateChanges"];
  offers: MatchEffects["offers"];
}

const noWrites = (): Writes => ({ left: [], inserted: [], calls: [], agents: [], log: [], offers: [] });

/**
 * Writes what one applied event changed (the pure step replaces every record it changes, so identity
 * tells) in one statement, or two when a row takes an agent or call another row lets go of: the
 * unique indexes on the agent's call and the call's agent are checked row by row, so rows that let go
 * are written by a first statement.
 */
export async function persistMatchChanges(tx: Prisma.TransactionClient, before: MatchState, after: MatchState, effects: MatchEffects): Promise<void> {
  const released = new Set<string>();
  for (const exit of effects.left) {
    const agentId = before.calls.get(exit.callId)?.agentId;
    if (agentId) released.add(`agent:${agentId}`);
    released.add(`call:${exit.callId}`);
  }
  const changedCalls = [...after.calls.values()].filter((call) => before.calls.get(call.id) !== call);
  const changedAgents = [...after.agents.values()].filter((agent) => before.agents.get(agent.id) !== agent);
  for (const call of changedCalls) {
    const was = before.calls.get(call.id)?.agentId;
    if (was && was !== call.agentId) released.add(`agent:${was}`);
  }
  for (const agent of changedAgents) {
    const was = before.agents.get(agent.id)?.currentCallId;
    if (was && was !== agent.currentCallId) released.add(`call:${was}`);
  }
  const takes = (call: MatchCall) => call.agentId !== null && released.has(`agent:${call.agentId}`);
  const takesCall = (agent: MatchAgent) => agent.currentCallId !== null && released.has(`call:${agent.currentCallId}`);
  const first = noWrites();
  const second = noWrites();
  first.left = effects.left;
  for (const call of changedCalls) {
    if (!before.calls.has(call.id)) second.inserted.push(call);
    else (takes(call) ? second : first).calls.push(call);
  }
  for (const agent of changedAgents) (takesCall(agent) ? second : first).agents.push(agent);
  first.log = effects.stateChanges;
  first.offers = effects.offers;
  const needsTwo = second.calls.length + second.agents.length > 0;
  if (needsTwo) {
    await write(tx, { ...first, log: [], offers: [] });
    await write(tx, { ...second, log: effects.stateChanges, offers: effects.offers });
  } else {
    await write(tx, { ...first, inserted: second.inserted });
  }
}

async function write(tx: Prisma.TransactionClient, w: Writes): Promise<void> {
  if (w.left.length + w.inserted.length + w.calls.length + w.agents.length + w.log.length + w.offers.length === 0) return;
  const left = JSON.stringify(w.left.map((exit) => ({ id: exit.callId, status: exit.exit, endedAt: iso(exit.at) })));
  const inserted = JSON.stringify(
    w.inserted.map((call) => ({
      ...callColumns(call),
      priority: call.priority,
      language: call.language,
      preferredAgentId: call.preferredAgentId,
      arrivedAt: iso(call.arrivedAt),
      offerTimeoutSeconds: Math.round(call.offerTimeoutMs / 1000),
    })),
  );
  const calls = JSON.stringify(w.calls.map(callColumns));
  const agents = JSON.stringify(w.agents.map(agentColumns));
  const log = JSON.stringify(w.log.map((change) => ({ agentId: change.agentId, state: change.state, reasonId: change.reasonId, callId: change.callId, at: iso(change.at) })));
  // Delivered on commit only: whoever rings agents (the call workflows, the agent page) listens.
  const offers = JSON.stringify(w.offers.map((offer) => JSON.stringify(offer)));
  const callRecord = Prisma.sql`"id" text, "status" text, "agentId" text, "offeredAt" timestamp(3), "offerExpiresAt" timestamp(3), "offerCount" int, "declinedBy" text[], "connectedAt" timestamp(3), "queueId" text, "requiredSkills" jsonb`;
  await tx.$queryRaw`
    WITH left_queue AS (
      UPDATE "QueuedCall" c SET "status" = r."status"::"QueuedCallStatus", "agentId" = NULL, "offerExpiresAt" = NULL, "endedAt" = r."endedAt", "updatedAt" = now()
      FROM jsonb_to_recordset(${left}::jsonb) AS r("id" text, "status" text, "endedAt" timestamp(3)) WHERE c."id" = r."id" RETURNING 1
    ), inserted AS (
      INSERT INTO "QueuedCall" ("id", "queueId", "priority", "requiredSkills", "language", "preferredAgentId", "arrivedAt", "offerTimeoutSeconds",
                                "status", "agentId", "offeredAt", "offerExpiresAt", "offerCount", "declinedBy", "connectedAt", "updatedAt")
      SELECT r."id", r."queueId", r."priority", r."requiredSkills", r."language", r."preferredAgentId", r."arrivedAt", r."offerTimeoutSeconds",
             r."status"::"QueuedCallStatus", r."agentId", r."offeredAt", r."offerExpiresAt", r."offerCount", r."declinedBy", r."connectedAt", now()
      FROM jsonb_to_recordset(${inserted}::jsonb) AS r(${callRecord}, "priority" int, "language" text,
                                                         "preferredAgentId" text, "arrivedAt" timestamp(3), "offerTimeoutSeconds" int)
      RETURNING 1
    ), changed_calls AS (
      UPDATE "QueuedCall" c SET "status" = r."status"::"QueuedCallStatus", "agentId" = r."agentId", "offeredAt" = r."offeredAt", "offerExpiresAt" = r."offerExpiresAt",
             "offerCount" = r."offerCount", "declinedBy" = r."declinedBy", "connectedAt" = r."connectedAt",
             "queueId" = r."queueId", "requiredSkills" = r."requiredSkills", "updatedAt" = now()
      FROM jsonb_to_recordset(${calls}::jsonb) AS r(${callRecord}) WHERE c."id" = r."id" RETURNING 1
    ), changed_agents AS (
      UPDATE "AgentProfile" a SET "state" = r."state"::"AgentState", "stateReasonId" = r."reasonId", "stateSince" = r."stateSince", "wrapUpUntil" = r."wrapUpUntil",
             "lastCallEndedAt" = r."lastCallEndedAt", "currentCallId" = r."currentCallId", "updatedAt" = now()
      FROM jsonb_to_recordset(${agents}::jsonb) AS r("id" text, "state" text, "reasonId" text, "stateSince" timestamp(3), "wrapUpUntil" timestamp(3),
                                                     "lastCallEndedAt" timestamp(3), "currentCallId" text)
      WHERE a."userId" = r."id" RETURNING 1
    ), logged AS (
      INSERT INTO "AgentStateChange" ("agentId", "state", "reasonId", "callId", "at")
      SELECT r."agentId", r."state"::"AgentState", r."reasonId", r."callId", r."at"
      FROM ROWS FROM (jsonb_to_recordset(${log}::jsonb) AS ("agentId" text, "state" text, "reasonId" text, "callId" text, "at" timestamp(3)))
           WITH ORDINALITY AS r("agentId", "state", "reasonId", "callId", "at", n)
      ORDER BY r.n RETURNING 1
    ), notified AS (
      SELECT pg_notify('cc_queues_offer', o.payload) FROM jsonb_array_elements_text(${offers}::jsonb) AS o(payload)
    )
    SELECT (SELECT count(*) FROM left_queue) + (SELECT count(*) FROM inserted) + (SELECT count(*) FROM changed_calls)
         + (SELECT count(*) FROM changed_agents) + (SELECT count(*) FROM logged) + (SELECT count(*) FROM notified) AS "rows"`;
}
