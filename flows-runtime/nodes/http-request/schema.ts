import { z } from "zod";
import { identifierSchema, jsonPathSchema } from "../shared/identifier";
import { requiredTemplateSchema, templateSourceSchema } from "../shared/sources";
import { uniqueBy } from "../shared/unique";

/* Scheme, host and port are literal text: a variable or a secret can only change the path and query,
   never where the request goes (the allow-list and the secrets' bindings are checked against this host). */
const URL_START = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?([/?#]|$)/i;
const TEMPLATE_IN_HOST = /^(https?:\/\/[^/?#]*)?\{\{/i;

export const httpUrlSchema = requiredTemplateSchema.superRefine((value, ctx) => {
  if (TEMPLATE_IN_HOST.test(value)) ctx.addIssue({ code: "custom", input: value, params: { code: "url-host-template" } });
  else if (!URL_START.test(value)) ctx.addIssue({ code: "custom", input: value, params: { code: "bad-url" } });
});

const headerNameSchema = z
  .string()
  .min(1, { abort: true })
  .max(100, { abort: true })
  .refine((value) => /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(value), { params: { code: "bad-header-name" } })
  // The Host header follows the URL: set by hand it could reach another virtual host on an allowed address.
  .refine((value) => value.toLowerCase() !== "host", { params: { code: "host-header" } });

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
