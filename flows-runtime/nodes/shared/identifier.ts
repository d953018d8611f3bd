import { z } from "zod";

export const IDENTIFIER_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Names that reach JavaScript internals when used as property keys. */
export function isForbiddenName(name: string): boolean {
  return name === "constructor" || name === "prototype" || name.startsWith("__");
}

const forbiddenSegment = (value: string): string | undefined => value.split(".").find(isForbiddenName);

/** A variable name: `card_number`. */
export const identifierSchema = z
  .string()
  .min(1, { abort: true })
  .max(64, { abort: true })
  .refine((value) => IDENTIFIER_PATTERN.test(value), { params: { code: "bad-identifier" }, abort: true })
  .superRefine((value, ctx) => {
    if (isForbiddenName(value)) ctx.addIssue({ code: "custom", input: value, params: { code: "forbidden-name", name: value } });
  });

const VARIABLE_PATH_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** A variable name or a dotted path inside an object variable: `customer.tier`. */
export const variablePathSchema = z
  .string()
  .min(1, { abort: true })
  .max(200, { abort: true })
  .refine((value) => VARIABLE_PATH_PATTERN.test(value), { params: { code: "bad-variable-path" }, abort: true })
  .superRefine((value, ctx) => {
    const bad = forbiddenSegment(value);
    if (bad !== undefined) ctx.addIssue({ code: "custom", input: value, params: { code: "forbidden-name", name: bad } });
  });

/** Dotted path into a JSON document; digits index arrays: `data.cards.0.status`. */
export const jsonPathSchema = z
  .string()
  .min(1, { abort: true })
  .max(200, { abort: true })
  .refine((value) => /^[A-Za-z0-9_$-]+(\.[A-Za-z0-9_$-]+)*$/.test(value), { params: { code: "bad-json-path" }, abort: true })
  .superRefine((value, ctx) => {
    const bad = forbiddenSegment(value);
    if (bad !== undefined) ctx.addIssue({ code: "custom", input: value, params: { code: "forbidden-name", name: bad } });
  });

export const rootOf = (path: string): string => path.split(".")[0] ?? path;
