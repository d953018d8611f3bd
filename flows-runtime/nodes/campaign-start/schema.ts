import { z } from "zod";
import { languageCodeSchema } from "../shared/languages";

export const campaignStartSchema = z.object({
  /** Language of the call's prompts; an outbound call has no line that sets one. */
  defaultLanguage: languageCodeSchema.default("zh-CN"),
});
export type CampaignStartConfig = z.infer<typeof campaignStartSchema>;
