import { z } from "zod";

export const voicemailCompiledSchema = z.object({});
export type VoicemailCompiled = z.infer<typeof voicemailCompiledSchema>;
