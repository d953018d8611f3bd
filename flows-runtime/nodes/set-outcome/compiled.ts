import { z } from "zod";

export const setOutcomeCompiledSchema = z.object({ outcome: z.string() });
export type SetOutcomeCompiled = z.infer<typeof setOutcomeCompiledSchema>;
