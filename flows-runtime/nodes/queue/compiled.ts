import { z } from "zod";
import { exprAstSchema } from "../shared/ast-schemas";

export const queueNodeCompiledSchema = z.object({
  queue: z.string(),
  priority: exprAstSchema,
  skills: z.array(z.object({ skill: z.string(), minProficiency: exprAstSchema })),
  waitSeconds: z.number(),
  skipIfNoAgents: z.boolean(),
  hold: z.object({ mohClass: z.string().nullable(), announceEverySeconds: z.number(), position: z.boolean(), estimatedWait: z.boolean(), comfortText: z.string() }),
});
export type QueueNodeCompiled = z.infer<typeof queueNodeCompiledSchema>;
