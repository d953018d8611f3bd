import { z } from "zod";
import { mediaListSchema } from "../shared/media";

export const playSchema = z.object({
  media: mediaListSchema.min(1),
  /** A key press stops the prompt; the key stays buffered for the next menu or input. */
  bargeIn: z.boolean().default(false),
});
export type PlayConfig = z.infer<typeof playSchema>;
