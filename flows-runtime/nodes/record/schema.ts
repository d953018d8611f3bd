import { z } from "zod";
import { identifierSchema } from "../shared/identifier";
import { mediaListSchema } from "../shared/media";

export const recordSchema = z.object({
  prompt: mediaListSchema.default([]),
  maxDurationSeconds: z.number().int().min(1).max(3600).default(120),
  beep: z.boolean().default(true),
  /** Seconds of silence that end the recording; 0 disables. */
  maxSilenceSeconds: z.number().int().min(0).max(60).default(5),
  terminateOn: z.enum(["#", "*"]).nullable().default("#"),
  /** Receives the recording name; `<variable>_duration` receives its length in seconds. */
  variable: identifierSchema.default("recording"),
});
export type RecordConfig = z.infer<typeof recordSchema>;
