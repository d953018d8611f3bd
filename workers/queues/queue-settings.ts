import { z } from "zod";
import { businessHoursSchema } from "../../flows-runtime/nodes/business-hours/schema";

export const keyNameSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "must be 1 to 64 lowercase letters, digits, '-' or '_', starting with a letter or digit");

/** What happens to a caller the queue cannot take (full or closed). */
export const queueActionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("hangup") }),
  z.object({ kind: z.literal("voicemail") }),
  z.object({ kind: z.literal("queue"), queue: keyNameSchema }),
]);
export type QueueAction = z.infer<typeof queueActionSchema>;

/** The business-hours node's calendar (time zone, weekly hours, holidays, make-up working days). */
export const queueHoursSchema = businessHoursSchema;
