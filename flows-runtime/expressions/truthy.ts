/** JavaScript-like truthiness: null, false, 0, NaN and "" are false; everything else (even [] and {}) is true. */
export function isTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === "") return false;
  if (typeof value === "number") return value !== 0 && !Number.isNaN(value);
  return true;
}
