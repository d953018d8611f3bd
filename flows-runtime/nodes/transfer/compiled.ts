import { z } from "zod";
import { templateAstSchema } from "../shared/ast-schemas";

export const transferCompiledSchema = z.object({
  target: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("queue"), queue: z.string(), priority: z.number(), skills: z.array(z.string()) }),
    z.object({ kind: z.literal("number"), number: templateAstSchema, callerId: z.string().nullable(), timeoutSeconds: z.number() }),
    z.object({ kind: z.literal("endpoint"), endpoint: z.string(), timeoutSeconds: z.number() }),
  ]),
});
export type TransferCompiled = z.infer<typeof transferCompiledSchema>;
