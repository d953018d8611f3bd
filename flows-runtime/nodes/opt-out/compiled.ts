import { z } from "zod";

export const optOutCompiledSchema = z.object({ scope: z.enum(["all", "campaign"]) });
export type OptOutCompiled = z.infer<typeof optOutCompiledSchema>;
