import type { z } from "zod";

/**
 * For superRefine on a list: flags every item whose key was already used by an earlier item,
 * at [index, field], with the issue code and the key as `param`.
 */
export function rejectDuplicates<T>(
  keyOf: (item: T) => string,
  field: string,
  code: string,
  param: string,
): (items: T[], ctx: z.core.$RefinementCtx<T[]>) => void {
  return (items, ctx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const key = keyOf(item);
      if (seen.has(key)) {
        ctx.addIssue({ code: "custom", path: [index, field], input: key, params: { code, [param]: key } });
      }
      seen.add(key);
    });
  };
}
