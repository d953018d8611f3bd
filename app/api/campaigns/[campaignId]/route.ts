import { withSession } from "@/app/_server/auth/require-session";
import { smallBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";
import { paramFrom } from "@/app/_server/http/route-param";
import { campaignInputSchema } from "@/app/_server/campaigns/campaign-inputs";
import { updateCampaign } from "@/app/_server/campaigns/manage-campaigns";
import { prisma } from "@/prisma/client";

/** 409 campaign_not_editable unless draft or paused. */
export const PUT = withSession("campaign.manage", async ({ req, params }) => {
  const input = parseInput(campaignInputSchema, await readJsonBody(req, smallBodyLimit));
  return Response.json({ campaign: await updateCampaign(prisma(), paramFrom(params, "campaignId"), input) });
});
