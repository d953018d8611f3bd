import type { PrismaClient } from "@/prisma/client";
import { AppError } from "@/app/_server/http/app-error";
import { normalizePhone } from "@/flows-runtime/campaigns/phone-number";
import type { CampaignInput } from "./campaign-inputs";

export const campaignNotFound = (campaignId: string) => new AppError(404, "campaign_not_found", `Campaign ${campaignId} does not exist.`, { campaignId });

/** A new campaign in draft; nothing is checked against the rules until it starts. */
export async function createCampaign(db: PrismaClient, input: CampaignInput, actorId: string | null) {
  const flow = await db.flow.findUnique({ where: { id: input.flowId } });
  if (flow === null || flow.deletedAt !== null) throw new AppError(400, "invalid_input", "flowId: no such flow", { issues: [{ path: ["flowId"], message: "no such flow" }] });
  return db.campaign.create({ data: { ...input, createdById: actorId } });
}

/** Changes a campaign's settings while it is not running (a refused start keeps everything entered, to fix here). */
export async function updateCampaign(db: PrismaClient, campaignId: string, input: CampaignInput) {
  const campaign = await db.campaign.findUnique({ where: { id: campaignId } });
  if (campaign === null) throw campaignNotFound(campaignId);
  if (campaign.state !== "draft" && campaign.state !== "paused") throw new AppError(409, "campaign_not_editable", "Only a draft or paused campaign can be changed.", { campaignId, state: campaign.state });
  return db.campaign.update({ where: { id: campaignId }, data: input });
}

/** Every campaign with its live counts: contacts, done, attempts dialed, answered, outcomes written. */
export async function listCampaigns(db: PrismaClient) {
  const campaigns = await db.campaign.findMany({ orderBy: { createdAt: "desc" } });
  return Promise.all(campaigns.map(async (campaign) => ({ ...campaign, counts: await campaignCounts(db, campaign.id) })));
}

export async function campaignCounts(db: PrismaClient, campaignId: string) {
  const [contacts, done, dialed, answered, skipped, outcomes] = await Promise.all([
    db.campaignContact.count({ where: { campaignId } }),
    db.campaignContact.count({ where: { campaignId, status: "done" } }),
    db.callAttempt.count({ where: { campaignId, dialedAt: { not: null } } }),
    db.callAttempt.count({ where: { campaignId, answeredAt: { not: null } } }),
    db.callAttempt.count({ where: { campaignId, status: "skipped" } }),
    db.campaignContact.count({ where: { campaignId, outcome: { not: null } } }),
  ]);
  return { contacts, done, dialed, answered, skipped, outcomes };
}

/** Puts a number on the global do-not-call list (campaignId null) or on one campaign's. */
export async function addDoNotCall(db: PrismaClient, input: { phone: string; campaignId: string | null }) {
  const phone = normalizePhone(input.phone);
  if (!phone.ok) throw new AppError(400, "invalid_input", `phone: "${input.phone}" is not a phone number`, { issues: [{ path: ["phone"], message: "is not a phone number" }] });
  const campaignId = input.campaignId ?? "";
  return db.doNotCall.upsert({ where: { phone_campaignId: { phone: phone.e164, campaignId } }, create: { phone: phone.e164, campaignId, source: "manual" }, update: {} });
}
