const MAX_DEPTH = 100;

function sameValue(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b) return true;
  if (depth > MAX_DEPTH || typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every(
    (key) =>
      Object.hasOwn(b, key) &&
      sameValue(Object.getOwnPropertyDescriptor(a, key)?.value, Object.getOwnPropertyDescriptor(b, key)?.value, depth + 1),
  );
}

type Change = { before: unknown; after: unknown };

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? { ...value } : {};

/**
 * Variables a step changed: top-level names, and the system object `call` field by field
 * ("call.language"). A missing value shows as null so the diff survives JSON.
 */
export function varsDiff(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, Change> {
  const changes: Record<string, Change> = {};
  const record = (name: string, a: unknown, b: unknown) => {
    if (!sameValue(a, b)) changes[name] = { before: a ?? null, after: b ?? null };
  };
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (name === "call") {
      const callBefore = asRecord(before.call);
      const callAfter = asRecord(after.call);
      for (const field of new Set([...Object.keys(callBefore), ...Object.keys(callAfter)])) {
        record(`call.${field}`, callBefore[field], callAfter[field]);
      }
      continue;
    }
    record(name, before[name], after[name]);
  }
  return changes;
}
