import type { Prisma } from "../../prisma/generated/client";
import type { MatchCall, MatchEffects, MatchState } from "./match/match-model";

const date = (ms: number | null) => (ms === null ? null : new Date(ms));

const callColumns = (call: MatchCall) => ({
  status: call.status,
  agentId: call.agentId,
  offeredAt: date(call.offeredAt),
  offerExpiresAt: date(call.offerExpiresAt),
  offerCount: call.offerCount,
  declinedBy: call.declinedBy,
  connectedAt: date(call.connectedAt),
});

/**
 * Writes what one applied event changed (the pure step replaces every record it changes, so identity
 * tells). Rows that let go of an agent are written before rows that take one: the unique indexes on
 * the agent's call and the call's agent are checked per statement.
 */
export async function persistMatchChanges(tx: Prisma.TransactionClient, before: MatchState, after: MatchState, effects: MatchEffects): Promise<void> {
  for (const exit of effects.left) {
    await tx.queuedCall.update({ where: { id: exit.callId }, data: { status: exit.exit, agentId: null, offerExpiresAt: null, endedAt: new Date(exit.at) } });
  }
  const changedCalls = [...after.calls.values()].filter((call) => before.calls.get(call.id) !== call);
  changedCalls.sort((a, b) => Number(a.agentId !== null) - Number(b.agentId !== null));
  for (const call of changedCalls) {
    if (before.calls.has(call.id)) {
      await tx.queuedCall.update({ where: { id: call.id }, data: callColumns(call) });
    } else {
      await tx.queuedCall.create({
        data: {
          id: call.id,
          queueId: call.queueId,
          priority: call.priority,
          requiredSkills: call.requiredSkills.map((skill) => ({ skillId: skill.skillId, minProficiency: skill.minProficiency })),
          language: call.language,
          preferredAgentId: call.preferredAgentId,
          arrivedAt: new Date(call.arrivedAt),
          offerTimeoutSeconds: Math.round(call.offerTimeoutMs / 1000),
          ...callColumns(call),
        },
      });
    }
  }
  const changedAgents = [...after.agents.values()].filter((agent) => before.agents.get(agent.id) !== agent);
  changedAgents.sort((a, b) => Number(a.currentCallId !== null) - Number(b.currentCallId !== null));
  for (const agent of changedAgents) {
    await tx.agentProfile.update({
      where: { userId: agent.id },
      data: {
        state: agent.state,
        stateReasonId: agent.reasonId,
        stateSince: new Date(agent.stateSince),
        wrapUpUntil: date(agent.wrapUpUntil),
        lastCallEndedAt: date(agent.lastCallEndedAt),
        currentCallId: agent.currentCallId,
      },
    });
  }
  if (effects.stateChanges.length > 0) {
    await tx.agentStateChange.createMany({
      data: effects.stateChanges.map((change) => ({ agentId: change.agentId, state: change.state, reasonId: change.reasonId, callId: change.callId, at: new Date(change.at) })),
    });
  }
  // Delivered on commit only: whoever rings agents (the call workflows, the agent page) listens.
  for (const offer of effects.offers) {
    await tx.$executeRaw`SELECT pg_notify('cc_queues_offer', ${JSON.stringify(offer)})`;
  }
}
