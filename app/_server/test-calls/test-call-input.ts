import { z } from "zod";

export const callIdParamsSchema = z.object({ flowId: z.string().min(1).max(100), callId: z.string().min(1).max(200) });

export const dtmfInputSchema = z.object({
  digits: z.string().regex(/^[0-9*#]{1,32}$/, "must be keypad keys: 0-9, * and #"),
});
