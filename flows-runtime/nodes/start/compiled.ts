import { z } from "zod";

export const startCompiledSchema = z.object({ defaultLanguage: z.string() });
export type StartCompiled = z.infer<typeof startCompiledSchema>;
