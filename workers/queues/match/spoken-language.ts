/**
 * Which language a BCP 47 tag names for a voice call (README "Matching rules"): its primary subtag,
 * or its extended language subtag when it has one ("zh-yue" is Cantonese, RFC 5646 §2.2.2, whose
 * canonical form is "yue"), ASCII case folded. Region and script say nothing about whom the caller
 * can talk to: an agent who lists "zh" serves a "zh-CN" call, one who lists "zh-CN" serves "zh" and
 * "zh-TW" calls, one who lists "en" does not serve "zh-CN". load-match-rows.ts computes the same in SQL.
 */
export function spokenLanguage(tag: string): string {
  const [primary = "", second = ""] = asciiLower(tag).split("-");
  return EXTLANG.test(second) ? second : primary;
}

/** The agent speaks the call's language (a call without one is served by anyone). */
export function speaksLanguage(agentLanguages: readonly string[], callLanguage: string | null): boolean {
  if (callLanguage === null) return true;
  const wanted = spokenLanguage(callLanguage);
  return agentLanguages.some((tag) => spokenLanguage(tag) === wanted);
}

/** A three-letter subtag right after the primary one is always an extlang (a region is 2 letters or 3 digits, a script 4 letters). */
const EXTLANG = /^[a-z]{3}$/;

/** Only A–Z, like PostgreSQL's lower() under COLLATE "C", so both sides fold any string alike. */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => String.fromCharCode(letter.charCodeAt(0) + 32));
}
