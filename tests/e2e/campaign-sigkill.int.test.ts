import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevStack, type DevStack } from "@/workers/dev-stack";
import { startCampaign } from "@/app/_server/campaigns/start-campaign";
import { answerPrompts, campaignOriginates, draftCampaign, stackCampaignRuntime } from "../support/campaigns";
import { until } from "../support/until";

const CONTACTS = Array.from({ length: 24 }, (_, index) => `+86139${String(10_000_000 + index).slice(-8)}`);

describe("a campaign whose worker is killed with SIGKILL", () => {
  let stack: DevStack;
  beforeAll(async () => {
    stack = await startDevStack({ worker: "child-process", simulator: { ringAfterMs: 200, answerAfterMs: 300 }, outboundTrunk: "carrier" });
  }, 120_000);
  afterAll(() => stack?.stop());

  it("dials every attempt at most once and completes after the restart", async () => {
    const { campaign } = await draftCampaign(
      stack,
      { schedule: { windows: [{ days: [1, 2, 3, 4, 5, 6, 7], start: "08:00", end: "21:00" }] }, ringSeconds: 10, maxLines: 6, maxDialsPerSecond: 3 },
      CONTACTS.map((phone, index) => ({ phone, name: `contact ${index + 1}` })),
    );
    const stopPressing = answerPrompts(stack, Object.fromEntries(CONTACTS.map((phone) => [phone, "1"])));
    // 10:00 in Shanghai, on real-time speed: the windows stay open throughout.
    expect(await startCampaign(stack.prisma, stackCampaignRuntime(stack), campaign.id, { clock: { startsAt: "2026-06-10T02:00:00.000Z", speed: 1 } })).toEqual({ ok: true });

    await until("eight calls dialed", () => (campaignOriginates(stack).length >= 8 ? true : undefined), 120_000, 20);
    await stack.childWorker?.kill("SIGKILL");
    const dialedWhileDown = campaignOriginates(stack).length;
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    // Nothing dials while no worker runs.
    expect(campaignOriginates(stack).length).toBe(dialedWhileDown);
    await stack.startChildWorker();

    await until(
      "the campaign to complete",
      async () => ((await stack.prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).state === "completed" ? true : undefined),
      240_000,
      250,
    );
    await stopPressing();

    const originates = campaignOriginates(stack);
    const perChannel = new Map<string, number>();
    for (const originate of originates) perChannel.set(originate.channelId, (perChannel.get(originate.channelId) ?? 0) + 1);
    expect([...perChannel.values()].every((count) => count === 1)).toBe(true);
    // No second originate of any attempt reached Asterisk, not even one it refused (409).
    const originateRequests = (stack.simulator?.sw.log.entries ?? []).filter((entry) => entry.kind === "ariRequest" && entry.method === "POST" && typeof entry.path === "string" && /^\/channels(\/[^/]+)?$/.test(entry.path));
    expect(originateRequests.filter((entry) => entry.status !== 200)).toEqual([]);
    expect(originateRequests).toHaveLength(originates.length);

    const attempts = await stack.prisma.callAttempt.findMany({ where: { campaignId: campaign.id } });
    const contacts = await stack.prisma.campaignContact.findMany({ where: { campaignId: campaign.id } });
    expect(contacts).toHaveLength(CONTACTS.length);
    for (const contact of contacts) {
      const own = attempts.filter((attempt) => attempt.contactId === contact.id);
      // Never skipped: every contact was dialed, each attempt once, and the campaign is done with it.
      expect(own.length, contact.phone).toBeGreaterThanOrEqual(1);
      expect(originates.filter((originate) => originate.phone === contact.phone)).toHaveLength(own.filter((attempt) => attempt.dialedAt !== null).length);
      expect(contact.status).toBe("done");
    }
    expect(contacts.filter((contact) => contact.outcome === "confirmed").length).toBeGreaterThanOrEqual(CONTACTS.length - 6);
  }, 360_000);
});
