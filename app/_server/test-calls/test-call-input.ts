import { z } from "zod";
import { pretendSchema } from "@/flows-runtime/pretend/pretend-schema";

/** Body of POST …/test-calls: what the call pretends (all optional). */
export const testCallInputSchema = z.object({ pretend: pretendSchema.default({}) });

export const callIdParamsSchema = z.object({ flowId: z.string().min(1).max(100), callId: z.string().min(1).max(200) });

export const dtmfInputSchema = z.object({
  digits: z.string().regex(/^[0-9*#]{1,32}$/, "must be keypad keys: 0-9, * and #"),
});
