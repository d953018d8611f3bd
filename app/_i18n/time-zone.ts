/** One zone for server and browser rendering (no hydration mismatch); a contact center works in one. */
export function timeZone(): string {
  return process.env.CC_TIME_ZONE ?? "Asia/Shanghai";
}
