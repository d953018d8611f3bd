import { z } from "zod";

export const hangupCompiledSchema = z.object({});
export type HangupCompiled = z.infer<typeof hangupCompiledSchema>;
