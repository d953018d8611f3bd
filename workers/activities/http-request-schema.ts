import { z } from "zod";
import type { HttpRequest } from "@/flows-runtime/interpreter/effects";
import { SECRET_NAME } from "../secrets/secret-store";

/** The activity's input, checked because it crosses a process boundary (Temporal payloads). */
export const httpRequestInputSchema = z.object({
  method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]),
  url: z.string().min(1).max(8_192),
  headers: z.record(z.string(), z.string()),
  body: z.string().nullable(),
  timeoutMs: z.number().int().positive().max(300_000),
  secretRefs: z.array(z.string().regex(SECRET_NAME)),
  responseFields: z.array(z.array(z.string().max(200)).max(20)).max(50).optional(),
}) satisfies z.ZodType<HttpRequest>;
