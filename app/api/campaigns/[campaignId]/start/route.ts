import { withSession } from "@/app/_server/auth/require-session";
import { paramFrom } from "@/app/_server/http/route-param";
import { temporalCampaignRuntime } from "@/app/_server/campaigns/campaign-temporal";
import { startCampaign } from "@/app/_server/campaigns/start-campaign";
import { prisma } from "@/prisma/client";

/** 422 compliance_refused with every issue (the campaign stays a draft, nothing lost); 200 once running. */
export const POST = withSession("campaign.manage", async ({ params }) => {
  const result = await startCampaign(prisma(), temporalCampaignRuntime(), paramFrom(params, "campaignId"));
  if (!result.ok) return Response.json({ error: { code: "compliance_refused", message: "The campaign breaks compliance rules.", issues: result.issues } }, { status: 422 });
  return Response.json({ started: true });
});
