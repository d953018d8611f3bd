import type { MatchAgent, MatchCall } from "./match-model";

/** The agent has every required skill at its minimum proficiency, speaks the call's language and has not declined it. */
export function agentMeetsCall(agent: MatchAgent, call: MatchCall): boolean {
  if (call.declinedBy.includes(agent.id)) return false;
  if (call.language !== null && !agent.languages.includes(call.language)) return false;
  return call.requiredSkills.every((required) => (agent.skills[required.skillId] ?? 0) >= required.minProficiency);
}

/** Sum of the agent's proficiency in the call's required skills: higher is a better match. */
export function proficiencyScore(agent: MatchAgent, call: MatchCall): number {
  return call.requiredSkills.reduce((sum, required) => sum + (agent.skills[required.skillId] ?? 0), 0);
}
