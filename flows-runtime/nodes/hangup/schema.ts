import { z } from "zod";

export const hangupSchema = z.object({});
export type HangupConfig = z.infer<typeof hangupSchema>;
