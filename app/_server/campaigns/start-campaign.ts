import { checkCompliance, type ComplianceIssue } from "@/flows-runtime/campaigns/compliance";
import { countryOfPhone } from "@/flows-runtime/campaigns/phone-number";
import { campaignScheduleSchema, DEFAULT_LEGAL_WINDOWS, legalWindowsSchema } from "@/flows-runtime/campaigns/schedule-schema";
import { graphSchema } from "@/flows-runtime/graph/schema";
import type { PrismaClient } from "@/prisma/client";
import { AppError } from "@/app/_server/http/app-error";
import type { CampaignClock } from "@/workers/campaigns/campaign-types";
import type { CampaignRuntime } from "./campaign-temporal";
import { campaignNotFound } from "./manage-campaigns";

export type StartCampaignResult = { ok: true } | { ok: false; issues: ComplianceIssue[] };

/** The compliance check alone: what would keep the campaign from starting now. */
export async function checkCampaign(db: PrismaClient, campaignId: string): Promise<ComplianceIssue[]> {
  const campaign = await db.campaign.findUnique({ where: { id: campaignId } });
  if (campaign === null) throw campaignNotFound(campaignId);
  const flow = await db.flow.findUnique({ where: { id: campaign.flowId }, include: { liveVersion: true } });
  const settings = await db.campaignSettings.findUnique({ where: { id: "default" } });
  const phones = await db.campaignContact.findMany({ where: { campaignId }, select: { phone: true }, distinct: ["phone"] });
  const countries = [...new Set(phones.flatMap((contact) => countryOfPhone(contact.phone)?.country ?? []))];
  const graph = flow?.liveVersion ? graphSchema.safeParse(flow.liveVersion.graph) : null;
  return checkCompliance({
    mode: campaign.mode,
    schedule: campaignScheduleSchema.parse(campaign.schedule),
    callerId: campaign.callerId,
    abandonTarget: campaign.abandonTarget,
    legalWindows: settings ? legalWindowsSchema.parse(settings.legalWindows) : DEFAULT_LEGAL_WINDOWS,
    countries,
    flow: { kind: flow?.kind ?? "none", graph: graph?.success ? graph.data : null },
  });
}

/**
 * Starts a draft campaign after the compliance check: refused with every issue (nothing changes, so
 * the marketer fixes the settings or the flow and starts again), else running on its dialer workflow.
 * `clock` runs the campaign's time decisions on a clock of their own (tests).
 */
export async function startCampaign(db: PrismaClient, runtime: CampaignRuntime, campaignId: string, options: { clock?: CampaignClock } = {}): Promise<StartCampaignResult> {
  const campaign = await db.campaign.findUnique({ where: { id: campaignId } });
  if (campaign === null) throw campaignNotFound(campaignId);
  if (campaign.state !== "draft") throw new AppError(409, "campaign_not_draft", "Only a draft campaign can be started; a paused one is resumed.", { campaignId, state: campaign.state });
  const issues = await checkCampaign(db, campaignId);
  if (issues.length > 0) return { ok: false, issues };
  // The state first: a dialer that starts sees a running campaign; a start that fails leaves it running without one, and starting again is refused, so the workflow start is retried by the caller.
  await db.campaign.update({ where: { id: campaignId }, data: { state: "running", startedAt: new Date() } });
  await runtime.start(campaignId, options.clock);
  return { ok: true };
}

/** Pause, resume or stop a started campaign: a signal to its dialer, and the state for the lists. */
export async function controlCampaign(db: PrismaClient, runtime: CampaignRuntime, campaignId: string, action: "pause" | "resume" | "stop"): Promise<void> {
  const campaign = await db.campaign.findUnique({ where: { id: campaignId } });
  if (campaign === null) throw campaignNotFound(campaignId);
  const allowed = { pause: ["running"], resume: ["paused"], stop: ["running", "paused"] }[action];
  if (!allowed.includes(campaign.state)) throw new AppError(409, "campaign_state", `A ${campaign.state} campaign cannot be told to ${action}.`, { campaignId, state: campaign.state });
  const signals: Record<typeof action, "pauseCampaign" | "resumeCampaign" | "stopCampaign"> = { pause: "pauseCampaign", resume: "resumeCampaign", stop: "stopCampaign" };
  const delivered = await runtime.signal(campaignId, signals[action]);
  if (delivered === "not-running") throw new AppError(409, "campaign_not_running", "The campaign's dialer is not running.", { campaignId });
  if (action !== "stop") await db.campaign.update({ where: { id: campaignId }, data: { state: action === "pause" ? "paused" : "running" } });
}
