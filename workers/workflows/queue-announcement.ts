/** The position announcement, in the call's language. */
export function positionText(position: number, language: string): string {
  const ahead = position - 1;
  if (language.toLowerCase().startsWith("zh")) return ahead === 0 ? "您是下一位，请稍候。" : `您前面还有${ahead}位客户，请稍候。`;
  if (ahead === 0) return "You are next in line. Please hold.";
  return ahead === 1 ? "There is 1 caller ahead of you. Please hold." : `There are ${ahead} callers ahead of you. Please hold.`;
}

/** A wait estimate, rounded up to whole minutes. */
export function estimatedWaitText(seconds: number, language: string): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  if (language.toLowerCase().startsWith("zh")) return `预计等待约${minutes}分钟。`;
  return minutes === 1 ? "The estimated wait is about 1 minute." : `The estimated wait is about ${minutes} minutes.`;
}
