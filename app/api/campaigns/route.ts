import { withSession } from "@/app/_server/auth/require-session";
import { smallBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";
import { campaignInputSchema } from "@/app/_server/campaigns/campaign-inputs";
import { createCampaign, listCampaigns } from "@/app/_server/campaigns/manage-campaigns";
import { prisma } from "@/prisma/client";

export const GET = withSession("campaign.manage", async () => Response.json({ campaigns: await listCampaigns(prisma()) }));

export const POST = withSession("campaign.manage", async ({ req, session }) => {
  const input = parseInput(campaignInputSchema, await readJsonBody(req, smallBodyLimit));
  return Response.json({ campaign: await createCampaign(prisma(), input, session.userId) }, { status: 201 });
});
