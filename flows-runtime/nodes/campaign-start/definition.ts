import type { NodeDefinition } from "../node-definition";
import { CALL_FIELDS } from "../shared/call-fields";
import { campaignStartSchema, type CampaignStartConfig } from "./schema";
import { CAMPAIGN_CALL_VARIABLES } from "./variables";

export const campaignStartDefinition: NodeDefinition<CampaignStartConfig> = {
  type: "campaign-start",
  kinds: ["campaign"],
  category: "entry",
  label: { en: "Campaign call answered", zh: "外呼接通" },
  description: {
    en: "Where a campaign call enters the flow once the contact answers. Provides campaign.dialResult (answered), campaign.attempt, contact.name, contact.phone and contact.fields.",
    zh: "外呼被联系人接听后进入流程的入口。提供 campaign.dialResult（answered）、campaign.attempt、contact.name、contact.phone 和 contact.fields。",
  },
  icon: "phone-outgoing",
  schema: campaignStartSchema,
  entry: true,
  defaults: () => campaignStartSchema.parse({}),
  ports: () => [{ id: "answered", label: { en: "Answered", zh: "已接通" }, required: true }],
  expressions: () => [],
  writes: () => [...CALL_FIELDS.map((field) => ({ name: `call.${field}`, type: "string" as const })), ...CAMPAIGN_CALL_VARIABLES],
  formHints: {
    defaultLanguage: {
      widget: "select",
      label: { en: "Language", zh: "语言" },
      help: { en: "The language of the call's prompts.", zh: "通话提示音使用的语言。" },
    },
  },
};
