import type { CampaignEffects } from "../../flows-runtime/interpreter/effects";
import type { IvrCallInput } from "../workflows/call-input";
import { campaignDb } from "./campaign-activity-proxies";
import type { CampaignCallContext } from "./campaign-types";

/** The campaign nodes' writes, each an activity run at once (an opt-out holds even if the call drops right after). */
export function campaignEffects(context: CampaignCallContext): CampaignEffects {
  return {
    optOut: (scope) => campaignDb.campaignOptOut({ campaignId: context.campaignId, phone: context.phone, scope }),
    setOutcome: (outcome) => campaignDb.campaignSetOutcome({ contactId: context.contactId, outcome }),
  };
}

/** contact.* and campaign.* for the flow's first step; none outside a campaign. */
export function campaignVariables(input: IvrCallInput): Record<string, unknown> {
  const context = input.campaign;
  if (context === undefined) return {};
  return {
    contact: { name: context.contact.name ?? "", phone: context.contact.phone, fields: context.contact.fields },
    campaign: { id: context.campaignId, attempt: context.attempt, dialResult: "answered" },
  };
}
