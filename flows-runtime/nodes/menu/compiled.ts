import { z } from "zod";
import { compiledMediaListSchema } from "../shared/media-compiled";

export const menuCompiledSchema = z.object({
  prompt: compiledMediaListSchema,
  keys: z.array(z.string()),
  timeoutMs: z.number(),
  maxRetries: z.number(),
  timeoutPrompt: compiledMediaListSchema,
  invalidPrompt: compiledMediaListSchema,
  bargeIn: z.boolean(),
  storeAs: z.string().nullable(),
});
export type MenuCompiled = z.infer<typeof menuCompiledSchema>;
