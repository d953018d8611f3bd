import type { z } from "zod";

function fieldOf(item: unknown, field: string): string | undefined {
  if (typeof item !== "object" || item === null) return undefined;
  const value = Object.getOwnPropertyDescriptor(item, field)?.value;
  return typeof value === "string" ? value : undefined;
}

/**
 * superRefine arguments for a list whose items must differ in `field`: flags every item repeating
 * an earlier one, at [index, field], with the issue code and the value as `param`. Runs even when
 * other items are invalid, so a duplicate is reported together with their problems.
 */
export function uniqueBy<T>(
  field: string,
  code: string,
  param: string,
  normalize: (value: string) => string = (value) => value,
): [(items: T[], ctx: z.core.$RefinementCtx<T[]>) => void, z.core.$ZodSuperRefineParams] {
  const check = (items: T[], ctx: z.core.$RefinementCtx<T[]>) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const value = fieldOf(item, field);
      if (value === undefined) return;
      if (seen.has(normalize(value))) {
        ctx.addIssue({ code: "custom", path: [index, field], input: value, params: { code, [param]: value } });
      }
      seen.add(normalize(value));
    });
  };
  return [check, { when: (payload) => Array.isArray(payload.value) }];
}
