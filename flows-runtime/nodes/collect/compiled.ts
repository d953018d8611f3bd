import { z } from "zod";
import { compiledMediaListSchema } from "../shared/media-compiled";

export const collectCompiledSchema = z.object({
  prompt: compiledMediaListSchema,
  minLength: z.number(),
  maxLength: z.number(),
  terminator: z.string().nullable(),
  firstDigitTimeoutMs: z.number(),
  interDigitTimeoutMs: z.number(),
  totalTimeoutMs: z.number().nullable(),
  /** Regex source, anchored at run time (a RegExp does not survive JSON). */
  pattern: z.string().nullable(),
  variable: z.string(),
  maxRetries: z.number(),
  invalidPrompt: compiledMediaListSchema,
});
export type CollectCompiled = z.infer<typeof collectCompiledSchema>;
