import { z } from "zod";
import { templateAstSchema } from "../shared/ast-schemas";

export const httpRequestCompiledSchema = z.object({
  method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]),
  url: templateAstSchema,
  headers: z.array(z.object({ name: z.string(), value: templateAstSchema })),
  body: templateAstSchema.nullable(),
  timeoutMs: z.number(),
  responseMapping: z.array(z.object({ variable: z.string(), path: z.array(z.string()) })),
  statusVariable: z.string().nullable(),
  /** Every secret the request references, for the activity to resolve. */
  secretRefs: z.array(z.string()),
});
export type HttpRequestCompiled = z.infer<typeof httpRequestCompiledSchema>;
