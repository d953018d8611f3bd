import { z } from "zod";
import type { Prisma } from "@/prisma/generated/client";
import type { MatchAgent, MatchCall, MatchState } from "./match/match-model";
import { requiredSkillSchema } from "./match/queue-events";

export const requiredSkillsSchema = z.array(requiredSkillSchema);

const ms = (date: Date | null) => (date === null ? null : date.getTime());

/** The rows the matcher decides on: calls still in a queue (waiting, offered, connected) and every agent. */
export async function loadMatchState(tx: Prisma.TransactionClient): Promise<MatchState> {
  const [calls, agents] = await Promise.all([
    tx.queuedCall.findMany({ where: { status: { in: ["waiting", "offered", "connected"] } } }),
    tx.agentProfile.findMany({ include: { skills: true } }),
  ]);
  const state: MatchState = { calls: new Map(), agents: new Map() };
  for (const row of calls) {
    if (row.status === "ended" || row.status === "abandoned") continue;
    const call: MatchCall = {
      id: row.id,
      queueId: row.queueId,
      priority: row.priority,
      requiredSkills: requiredSkillsSchema.parse(row.requiredSkills),
      language: row.language,
      preferredAgentId: row.preferredAgentId,
      arrivedAt: row.arrivedAt.getTime(),
      status: row.status,
      agentId: row.agentId,
      offeredAt: ms(row.offeredAt),
      offerExpiresAt: ms(row.offerExpiresAt),
      offerCount: row.offerCount,
      declinedBy: row.declinedBy,
      offerTimeoutMs: row.offerTimeoutSeconds * 1000,
      connectedAt: ms(row.connectedAt),
    };
    state.calls.set(call.id, call);
  }
  for (const row of agents) {
    const agent: MatchAgent = {
      id: row.userId,
      state: row.state,
      reasonId: row.stateReasonId,
      stateSince: row.stateSince.getTime(),
      skills: Object.fromEntries(row.skills.map((skill) => [skill.skillId, skill.proficiency])),
      languages: row.languages,
      wrapUpMs: row.wrapUpSeconds * 1000,
      wrapUpUntil: ms(row.wrapUpUntil),
      lastCallEndedAt: ms(row.lastCallEndedAt),
      currentCallId: row.currentCallId,
    };
    state.agents.set(agent.id, agent);
  }
  return state;
}
