import { z } from "zod";

export const campaignStartCompiledSchema = z.object({ defaultLanguage: z.string() });
export type CampaignStartCompiled = z.infer<typeof campaignStartCompiledSchema>;
