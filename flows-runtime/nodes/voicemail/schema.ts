import { z } from "zod";

export const voicemailSchema = z.object({});
export type VoicemailConfig = z.infer<typeof voicemailSchema>;
