import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevStack, type DevStack } from "@/workers/dev-stack";
import { addDoNotCall } from "@/app/_server/campaigns/manage-campaigns";
import { startCampaign } from "@/app/_server/campaigns/start-campaign";
import { answerPrompts, campaignOriginates, draftCampaign, stackCampaignRuntime } from "../support/campaigns";
import { until } from "../support/until";

// Campaign time runs 240 times faster than real time: 10 min of retry delay = 2.5 s.
const SPEED = 240;
// Wednesday 2026-06-10 10:50Z: 18:50 in Shanghai (70 min of window left), 12:50 in Berlin, 06:50 in New York (opens at 13:00Z).
const STARTS_AT = "2026-06-10T10:50:00.000Z";
const NEW_YORK_OPENS_REAL_MS = ((Date.parse("2026-06-10T13:00:00Z") - Date.parse(STARTS_AT)) / SPEED);

const SHANGHAI = { confirms: "+8613800000001", cancels: "+8613800000002", optsOut: "+8613800000003" };
const NEW_YORK = { busyFirst: "+12125550101", listedWhileRunning: "+12125550102" };
const BERLIN = { noAnswerFirst: "+4930123456701" };
const DNC = ["+8613900000001", "+8613900000002", "+8613900000003", "+8613900000004", "+8613900000005"];

describe("an outbound campaign on the real stack", () => {
  let stack: DevStack;
  beforeAll(async () => {
    stack = await startDevStack({
      simulator: { busyNumbers: [NEW_YORK.busyFirst], noAnswerNumbers: [BERLIN.noAnswerFirst], ringAfterMs: 200, answerAfterMs: 300 },
      outboundTrunk: "carrier",
    });
  }, 120_000);
  afterAll(() => stack?.stop());

  it("calls three time zones in their windows, retries busy and no answer, never dials do-not-call numbers, writes outcomes and opt-outs", async () => {
    const { campaign } = await draftCampaign(
      stack,
      { schedule: { windows: [{ days: [1, 2, 3, 4, 5, 6, 7], start: "09:00", end: "20:00" }] }, ringSeconds: 5, maxLines: 5, maxDialsPerSecond: 5 },
      [
        { phone: "138 0000 0001", name: "Li Lei" },
        { phone: "+86 138-0000-0002", name: "Han Meimei" },
        { phone: "13800000003", name: "Wang Fang" },
        { phone: "+1 212 555 0101", name: "Jane Roe", timeZone: "America/New_York" },
        { phone: "+1 212 555 0102", name: "John Doe", timeZone: "America/New_York" },
        { phone: "+49 30 1234567 01", name: "Max Muster" },
        ...DNC.map((phone, index) => ({ phone, name: `listed ${index + 1}` })),
      ],
    );
    for (const phone of DNC) await addDoNotCall(stack.prisma, { phone, campaignId: null });
    const stopPressing = answerPrompts(stack, {
      [SHANGHAI.confirms]: "1",
      [SHANGHAI.cancels]: "2",
      [SHANGHAI.optsOut]: "9",
      [NEW_YORK.busyFirst]: "1",
      [BERLIN.noAnswerFirst]: "1",
    });
    const sim = stack.simulator;
    if (!sim) throw new Error("needs the simulator");

    const startedAt = Date.now();
    expect(await startCampaign(stack.prisma, stackCampaignRuntime(stack), campaign.id, { clock: { startsAt: STARTS_AT, speed: SPEED } })).toEqual({ ok: true });

    // Listed while the campaign runs, before its window opens: checked when dialing, so never dialed.
    await until("the first call", () => campaignOriginates(stack)[0], 60_000);
    await addDoNotCall(stack.prisma, { phone: NEW_YORK.listedWhileRunning, campaignId: campaign.id });
    expect(Date.now() - startedAt).toBeLessThan(NEW_YORK_OPENS_REAL_MS);
    // The busy and the silent phone are so once: their next attempts answer.
    await Promise.all([
      until("the first call to New York", () => campaignOriginates(stack).find((o) => o.phone === NEW_YORK.busyFirst), 120_000).then(() => sim.sw.cfg.busyNumbers.splice(0)),
      until("the first call to Berlin", () => campaignOriginates(stack).find((o) => o.phone === BERLIN.noAnswerFirst), 60_000).then(() => sim.sw.cfg.noAnswerNumbers.splice(0)),
    ]);

    const done = await until(
      "the campaign to complete",
      async () => {
        const row = await stack.prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id } });
        return row.state === "completed" ? row : undefined;
      },
      240_000,
      250,
    );
    await stopPressing();
    expect(done.endedAt).not.toBeNull();

    const originates = campaignOriginates(stack);
    const dialed = originates.map((o) => o.phone);
    // Never dialed: the five listed before the start, the one listed while running.
    for (const phone of [...DNC, NEW_YORK.listedWhileRunning]) expect(dialed).not.toContain(phone);
    // Each attempt dialed once; the busy and the silent number twice (two attempts).
    expect(new Set(originates.map((o) => o.channelId)).size).toBe(originates.length);
    expect(dialed.filter((phone) => phone === NEW_YORK.busyFirst)).toHaveLength(2);
    expect(dialed.filter((phone) => phone === BERLIN.noAnswerFirst)).toHaveLength(2);
    for (const phone of Object.values(SHANGHAI)) expect(dialed.filter((p) => p === phone)).toHaveLength(1);

    // New York was called only once its window opened (13:00Z campaign time); Shanghai and Berlin at once.
    const first = (phone: string) => originates.find((o) => o.phone === phone)?.t ?? Infinity;
    expect(first(NEW_YORK.busyFirst) - startedAt).toBeGreaterThanOrEqual(NEW_YORK_OPENS_REAL_MS - 1_000);
    for (const phone of [...Object.values(SHANGHAI), BERLIN.noAnswerFirst]) expect(first(phone) - startedAt).toBeLessThan(NEW_YORK_OPENS_REAL_MS - 1_000);

    const attempts = await stack.prisma.callAttempt.findMany({ where: { campaignId: campaign.id }, orderBy: [{ phone: "asc" }, { number: "asc" }] });
    const of = (phone: string) => attempts.filter((attempt) => attempt.phone === phone);
    expect(of(NEW_YORK.busyFirst).map((a) => [a.number, a.result, a.cause])).toEqual([[1, "busy", 17], [2, "answered", null]]);
    expect(of(BERLIN.noAnswerFirst).map((a) => [a.number, a.result, a.cause])).toEqual([[1, "no-answer", 19], [2, "answered", null]]);
    // Retried no sooner than the rules say: busy after 10 min, no answer after 30 min of campaign time.
    const gap = (phone: string) => {
      const [one, two] = of(phone);
      return (two?.dialedAt?.getTime() ?? 0) - (one?.endedAt?.getTime() ?? Infinity);
    };
    expect(gap(NEW_YORK.busyFirst)).toBeGreaterThanOrEqual((10 * 60_000) / SPEED);
    expect(gap(BERLIN.noAnswerFirst)).toBeGreaterThanOrEqual((30 * 60_000) / SPEED);
    for (const phone of DNC) expect(of(phone).map((a) => [a.status, a.result, a.dialedAt])).toEqual([["skipped", "do-not-call", null]]);
    expect(of(NEW_YORK.listedWhileRunning).map((a) => [a.status, a.result])).toEqual([["skipped", "do-not-call"]]);

    const contacts = await stack.prisma.campaignContact.findMany({ where: { campaignId: campaign.id } });
    const outcome = Object.fromEntries(contacts.map((contact) => [contact.phone, contact.outcome]));
    expect(outcome).toMatchObject({
      [SHANGHAI.confirms]: "confirmed",
      [SHANGHAI.cancels]: "cancelled",
      [SHANGHAI.optsOut]: "opted-out",
      [NEW_YORK.busyFirst]: "confirmed",
      [BERLIN.noAnswerFirst]: "confirmed",
    });
    expect(contacts.every((contact) => contact.status === "done")).toBe(true);
    const optOut = await stack.prisma.doNotCall.findMany({ where: { source: "opt-out" } });
    expect(optOut.map((row) => [row.phone, row.campaignId])).toEqual([[SHANGHAI.optsOut, ""]]);

    // The answered calls ran the flow in the call log, one CallExecution per answered attempt.
    const executions = await stack.prisma.callExecution.findMany({ where: { workflowId: { startsWith: `${campaign.id}:` } } });
    expect(executions).toHaveLength(5);
    expect(executions.every((execution) => execution.outcome === "completed")).toBe(true);
  }, 300_000);
});
