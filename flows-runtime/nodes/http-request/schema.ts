import { z } from "zod";
import { identifierSchema, jsonPathSchema } from "../shared/identifier";
import { requiredTemplateSchema, templateSourceSchema } from "../shared/sources";
import { uniqueBy } from "../shared/unique";

/* Scheme and host are literal text, or the whole base comes from a secret ({{secret.API_BASE}}/cards):
   a variable can then only change the path and query, never where the request goes. */
const URL_START = /^(https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?([/?#]|$)|\{\{\s*secret\.)/i;

export const httpUrlSchema = requiredTemplateSchema.refine((value) => URL_START.test(value), { params: { code: "bad-url" } });

const headerNameSchema = z
  .string()
  .min(1, { abort: true })
  .max(100, { abort: true })
  .refine((value) => /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(value), { params: { code: "bad-header-name" } });

export const httpRequestSchema = z.object({
  method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]).default("GET"),
  url: httpUrlSchema,
  headers: z
    .array(z.object({ name: headerNameSchema, value: templateSourceSchema }))
    .max(30)
    .default([])
    .superRefine(...uniqueBy<{ name: string; value: string }>("name", "duplicate-name", "name", (name) => name.toLowerCase())),
  body: templateSourceSchema.max(10000).nullable().default(null),
  timeoutSeconds: z.number().int().min(1).max(30).default(5),
  /** Copies fields of the JSON response into variables; a missing field gives null. */
  responseMapping: z.array(z.object({ variable: identifierSchema, path: jsonPathSchema })).max(50).default([]),
  /** Receives the HTTP status (null when there was no response). */
  statusVariable: identifierSchema.optional(),
});
export type HttpRequestConfig = z.infer<typeof httpRequestSchema>;
