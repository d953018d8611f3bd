import { z } from "zod";
import { compiledMediaListSchema } from "../shared/media-compiled";

export const recordCompiledSchema = z.object({
  prompt: compiledMediaListSchema,
  maxDurationSeconds: z.number(),
  beep: z.boolean(),
  maxSilenceSeconds: z.number(),
  terminateOn: z.string().nullable(),
  variable: z.string(),
});
export type RecordCompiled = z.infer<typeof recordCompiledSchema>;
