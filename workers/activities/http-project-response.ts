import { readJsonPath } from "@/flows-runtime/nodes/http-request/execute";

/**
 * Only the fields the flow maps, at the same paths, so the interpreter reads them as before.
 * Used for requests that carried a secret: the rest of the body (which may echo the secret in some
 * encoding no scrubber knows) never leaves the activity, so it reaches neither Temporal's history,
 * nor the step trace, nor a variable.
 */
export function projectResponse(body: unknown, paths: readonly (readonly string[])[]): unknown {
  if (paths.length === 0) return null;
  const out: Record<string, unknown> = {};
  for (const path of paths) {
    const value = readJsonPath(body, [...path]);
    if (value === null || path.length === 0) continue;
    let container = out;
    for (const segment of path.slice(0, -1)) {
      const inner = Object.hasOwn(container, segment) ? Object.getOwnPropertyDescriptor(container, segment)?.value : undefined;
      const next: Record<string, unknown> = typeof inner === "object" && inner !== null && !Array.isArray(inner) ? inner : {};
      Object.defineProperty(container, segment, { value: next, enumerable: true, writable: true, configurable: true });
      container = next;
    }
    const last = path[path.length - 1] ?? "";
    Object.defineProperty(container, last, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
