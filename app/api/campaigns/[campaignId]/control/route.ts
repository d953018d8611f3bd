import { withSession } from "@/app/_server/auth/require-session";
import { smallBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";
import { paramFrom } from "@/app/_server/http/route-param";
import { campaignControlSchema } from "@/app/_server/campaigns/campaign-control";
import { temporalCampaignRuntime } from "@/app/_server/campaigns/campaign-temporal";
import { controlCampaign } from "@/app/_server/campaigns/start-campaign";
import { prisma } from "@/prisma/client";

export const POST = withSession("campaign.manage", async ({ req, params }) => {
  const { action } = parseInput(campaignControlSchema, await readJsonBody(req, smallBodyLimit));
  await controlCampaign(prisma(), temporalCampaignRuntime(), paramFrom(params, "campaignId"), action);
  return Response.json({ action });
});
