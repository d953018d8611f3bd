import { z } from "zod";
import { contactZone } from "../../flows-runtime/campaigns/contact-zone";
import { retryRulesSchema, type SkipReason } from "../../flows-runtime/campaigns/retry-rules";
import { campaignScheduleSchema, DEFAULT_LEGAL_WINDOWS, legalWindowsSchema } from "../../flows-runtime/campaigns/schedule-schema";
import type { OptOutScope } from "../../flows-runtime/interpreter/effects";
import type { PrismaClient } from "../../prisma/client";
import type { AsteriskConnection } from "../activities/ari-activities";
import { AriHttpError } from "../ari/errors";
import { DEFAULT_ASTERISK_ID } from "../default-asterisk-id";
import { CAMPAIGN_CALL_ARG } from "./campaign-ids";
import type { AttemptResult, CampaignRun, PlaceAttemptInput, PlaceAttemptResult } from "./campaign-types";

const fieldsSchema = z.record(z.string(), z.unknown());
const countSchema = z.array(z.object({ count: z.coerce.number() }));

/** Activities of the campaign dialer and of the flow's campaign nodes (all I/O of a campaign). */
export function createCampaignActivities(prisma: PrismaClient, asterisks: ReadonlyMap<string, AsteriskConnection>, app: string) {
  const asterisk = () => {
    const connection = asterisks.get(DEFAULT_ASTERISK_ID) ?? [...asterisks.values()][0];
    if (connection === undefined) throw new Error("no Asterisk configured");
    return connection;
  };

  return {
    /** The campaign's settings, its flow's live version (pinned from now on) and its contacts still to call. */
    async loadCampaignRun(campaignId: string): Promise<CampaignRun> {
      const campaign = await prisma.campaign.findUniqueOrThrow({ where: { id: campaignId } });
      const flow = await prisma.flow.findUniqueOrThrow({ where: { id: campaign.flowId } });
      if (flow.liveVersionId === null) throw new Error(`flow ${flow.id} has no published version`);
      const settings = await prisma.campaignSettings.findUnique({ where: { id: "default" } });
      const contacts = await prisma.campaignContact.findMany({
        where: { campaignId, status: "pending" },
        orderBy: { createdAt: "asc" },
        select: { id: true, phone: true, timeZone: true, _count: { select: { attempts: true } } },
      });
      return {
        campaignId,
        flowId: flow.id,
        flowVersionId: flow.liveVersionId,
        schedule: campaignScheduleSchema.parse(campaign.schedule),
        retryRules: retryRulesSchema.parse(campaign.retryRules),
        legalWindows: settings ? legalWindowsSchema.parse(settings.legalWindows) : DEFAULT_LEGAL_WINDOWS,
        maxLines: campaign.maxLines,
        maxDialsPerSecond: campaign.maxDialsPerSecond,
        ringSeconds: campaign.ringSeconds,
        callerId: campaign.callerId ?? "",
        contacts: contacts.map((contact) => {
          const zone = contactZone({ phone: contact.phone, timeZone: contact.timeZone });
          return { id: contact.id, phone: contact.phone, zone: zone.ok ? zone.zone : null, country: zone.ok ? zone.country : null, attempts: contact._count.attempts };
        }),
      };
    },

    /**
     * Checks the do-not-call lists and the frequency cap at the moment of dialing, writes the attempt
     * (status dialing) and only then originates, with the attempt's own channel id. A run of this
     * activity that finds the attempt already written never originates: the earlier run may have dialed.
     */
    async placeAttempt(input: PlaceAttemptInput): Promise<PlaceAttemptResult> {
      const decision = await prisma.$transaction(async (tx) => {
        // One number at a time across campaigns: two campaigns cannot both pass the cap for it.
        await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${input.phone}))::text AS locked`;
        const existing = await tx.callAttempt.findUnique({ where: { id: input.attemptId } });
        if (existing !== null) return existing.status === "skipped" ? { kind: "skipped-before" as const, reason: existing.result } : { kind: "already-dialed" as const };
        const blocked = await tx.doNotCall.findFirst({ where: { phone: input.phone, campaignId: { in: ["", input.campaignId] } } });
        const settings = await tx.campaignSettings.findUnique({ where: { id: "default" } });
        const capCalls = settings?.frequencyCapCalls ?? 3;
        const capDays = settings?.frequencyCapDays ?? 7;
        const [recent] = countSchema.parse(
          await tx.$queryRaw`SELECT count(*) AS count FROM "CallAttempt" WHERE phone = ${input.phone} AND "dialedAt" > now() - make_interval(days => ${capDays}::int)`,
        );
        const skip: SkipReason | null = blocked !== null ? "do-not-call" : (recent?.count ?? 0) >= capCalls ? "frequency-cap" : null;
        await tx.callAttempt.create({
          data: {
            id: input.attemptId,
            campaignId: input.campaignId,
            contactId: input.contactId,
            number: input.attempt,
            phone: input.phone,
            channelId: input.channelId,
            status: skip === null ? "dialing" : "skipped",
            result: skip,
            dialedAt: skip === null ? new Date() : null,
            endedAt: skip === null ? null : new Date(),
          },
        });
        return skip === null ? { kind: "dial" as const } : { kind: "skipped" as const, reason: skip };
      });
      if (decision.kind === "skipped") return { kind: "skipped", reason: decision.reason };
      if (decision.kind === "skipped-before") return { kind: "skipped", reason: decision.reason === "frequency-cap" ? "frequency-cap" : "do-not-call" };
      const contact = await loadContact(prisma, input.contactId);
      if (decision.kind === "already-dialed") return { kind: "already-dialed", contact };
      const { ari, outboundTrunk } = asterisk();
      if (!outboundTrunk) return failed(prisma, input.attemptId, "no outbound trunk configured (ARI_OUTBOUND_TRUNK, or outboundTrunk in ASTERISK_SERVERS)");
      try {
        await ari.channels.originate({
          endpoint: `PJSIP/${input.phone}@${outboundTrunk}`,
          app,
          appArgs: `${CAMPAIGN_CALL_ARG},${input.attemptId}`,
          channelId: input.channelId,
          callerId: input.callerId,
          timeout: input.ringSeconds,
        });
      } catch (err) {
        if (err instanceof AriHttpError && err.isConflict) return { kind: "already-dialed", contact };
        // 500 Allocation failed: no route to the number, the trunk is down (CHANUNAVAIL).
        if (err instanceof AriHttpError) return failed(prisma, input.attemptId, `originate failed: ${err.ariMessage} (${err.status})`);
        throw err;
      }
      return { kind: "dialed", contact };
    },

    /** The attempt's result; a second write of the same attempt changes nothing. */
    async finishAttempt(input: { attemptId: string; result: AttemptResult; cause: number | null }): Promise<void> {
      await prisma.callAttempt.updateMany({
        where: { id: input.attemptId, status: "dialing" },
        data: { status: "ended", result: input.result, cause: input.cause, endedAt: new Date() },
      });
    },

    /** The contact answered: the flow runs now; the attempt ends with the call. */
    async markAnswered(input: { attemptId: string }): Promise<void> {
      await prisma.callAttempt.updateMany({ where: { id: input.attemptId, status: "dialing", answeredAt: null }, data: { answeredAt: new Date() } });
    },

    /** The campaign is done with the contact (answered, out of attempts, never callable). */
    async settleContact(input: { contactId: string; reason: string }): Promise<void> {
      await prisma.campaignContact.updateMany({ where: { id: input.contactId, status: "pending" }, data: { status: "done", doneReason: input.reason } });
    },

    async setCampaignState(input: { campaignId: string; state: "running" | "paused" | "stopped" | "completed" }): Promise<void> {
      const ended = input.state === "stopped" || input.state === "completed";
      await prisma.campaign.update({ where: { id: input.campaignId }, data: { state: input.state, ...(ended ? { endedAt: new Date() } : {}) } });
    },

    /** The opt-out node: on the list at once, so no later attempt of any campaign (or this one) dials the number. */
    async campaignOptOut(input: { campaignId: string; phone: string; scope: OptOutScope }): Promise<void> {
      const campaignId = input.scope === "all" ? "" : input.campaignId;
      await prisma.doNotCall.upsert({
        where: { phone_campaignId: { phone: input.phone, campaignId } },
        create: { phone: input.phone, campaignId, source: "opt-out" },
        update: {},
      });
    },

    /** The set-outcome node. */
    async campaignSetOutcome(input: { contactId: string; outcome: string }): Promise<void> {
      await prisma.campaignContact.update({ where: { id: input.contactId }, data: { outcome: input.outcome, outcomeAt: new Date() } });
    },
  };
}

async function loadContact(prisma: PrismaClient, contactId: string) {
  const contact = await prisma.campaignContact.findUniqueOrThrow({ where: { id: contactId }, select: { name: true, phone: true, fields: true } });
  return { name: contact.name, phone: contact.phone, fields: fieldsSchema.parse(contact.fields) };
}

async function failed(prisma: PrismaClient, attemptId: string, reason: string): Promise<PlaceAttemptResult> {
  await prisma.callAttempt.updateMany({ where: { id: attemptId, status: "dialing" }, data: { status: "ended", result: "failed", endedAt: new Date() } });
  return { kind: "failed", reason };
}

export type CampaignActivities = ReturnType<typeof createCampaignActivities>;
