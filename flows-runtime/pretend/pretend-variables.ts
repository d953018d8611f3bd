import type { Plan } from "../plan/schema";

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}

/**
 * The call's starting variables with the pretended values set: "customer.tier" changes one field of
 * the declared variable `customer` and keeps its other fields. Values are copies (the plan is shared).
 */
export function applyPretendVariables(plan: Plan, vars: Record<string, unknown>, pretended: readonly { name: string; value: unknown }[] = []): Record<string, unknown> {
  const result: Record<string, unknown> = { ...vars };
  for (const variable of plan.variables) {
    if (!Object.hasOwn(result, variable.name)) result[variable.name] = variable.initial === undefined ? null : copy(variable.initial);
  }
  for (const { name, value } of pretended) {
    const parts = name.split(".");
    const last = parts.pop();
    if (last === undefined) continue;
    let target = result;
    for (const part of parts) {
      const existing = Object.hasOwn(target, part) ? target[part] : undefined;
      const child: Record<string, unknown> = typeof existing === "object" && existing !== null && !Array.isArray(existing) ? { ...existing } : {};
      target[part] = child;
      target = child;
    }
    target[last] = copy(value);
  }
  return result;
}
