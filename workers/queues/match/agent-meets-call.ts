import type { MatchAgent, MatchCall } from "./match-model";
import { speaksLanguage } from "./spoken-language";

/** The agent has every required skill at its minimum proficiency, speaks the call's language (spoken-language.ts) and has not declined it. */
export function agentMeetsCall(agent: MatchAgent, call: MatchCall): boolean {
  if (call.declinedBy.includes(agent.id)) return false;
  if (!speaksLanguage(agent.languages, call.language)) return false;
  return call.requiredSkills.every((required) => (agent.skills[required.skillId] ?? 0) >= required.minProficiency);
}

/** Sum of the agent's proficiency in the call's required skills: higher is a better match. */
export function proficiencyScore(agent: MatchAgent, call: MatchCall): number {
  return call.requiredSkills.reduce((sum, required) => sum + (agent.skills[required.skillId] ?? 0), 0);
}
