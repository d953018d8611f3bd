import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { reminderFlow } from "@/tests/support/campaigns";
import { publishFlow } from "@/app/_server/flows/publish-flow";
import { addContacts } from "./add-contacts";
import { campaignInputSchema, contactRowsSchema } from "./campaign-inputs";
import type { CampaignRuntime } from "./campaign-temporal";
import { createCampaign, updateCampaign } from "./manage-campaigns";
import { controlCampaign, startCampaign } from "./start-campaign";

function fakeRuntime() {
  const started: string[] = [];
  const signals: string[] = [];
  const runtime: CampaignRuntime = {
    start: async (campaignId) => void started.push(campaignId),
    signal: async (_campaignId, name) => {
      signals.push(name);
      return "delivered";
    },
  };
  return { runtime, started, signals };
}

describe("campaigns on PostgreSQL", () => {
  let db: TestDatabase;
  let flowId: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    const published = await publishFlow({ graph: reminderFlow() }, db.prisma);
    if (!published.ok) throw new Error("the reminder flow does not compile");
    flowId = published.flowId;
  });
  afterAll(() => db?.drop());

  it("adds contacts in E.164, merges duplicates, reports every bad row by row and field", async () => {
    const campaign = await createCampaign(db.prisma, campaignInputSchema.parse({ name: "import", flowId }), null);
    const rows = contactRowsSchema.parse({
      contacts: [
        { phone: "138 0013 8000", name: "张三" },
        { phone: "+86 13800138000", name: "张三 again" },
        { phone: "010-62345678", name: "李四" },
        { phone: "12345", name: "bad" },
        { phone: "+1 212 555 0100", name: "no zone" },
        { phone: "+1 212 555 0101", name: "bad zone", timeZone: "Nowhere/City" },
        { phone: "+1 212 555 0102", name: "NY", timeZone: "America/New_York" },
      ],
    }).contacts;
    const result = await addContacts(db.prisma, campaign.id, rows);
    expect(result.added).toBe(3);
    expect(result.merged).toBe(1);
    expect(result.bad.map((bad) => [bad.row, bad.field])).toEqual([
      [4, "phone"],
      [5, "timeZone"],
      [6, "timeZone"],
    ]);
    expect(result.bad[0]?.message).toContain('"12345"');
    const again = await addContacts(db.prisma, campaign.id, rows.slice(0, 1));
    expect(again).toEqual({ added: 0, merged: 1, bad: [] });
    const phones = (await db.prisma.campaignContact.findMany({ where: { campaignId: campaign.id }, orderBy: { phone: "asc" } })).map((c) => c.phone);
    expect(phones).toEqual(["+12125550102", "+861062345678", "+8613800138000"]);
  });

  it("refuses a start that breaks the rules, keeps everything entered, and starts once it is fixed", async () => {
    const entered = campaignInputSchema.parse({
      name: "reminders",
      flowId,
      callerId: null,
      schedule: { windows: [{ days: [1, 2, 3, 4, 5], start: "07:00", end: "22:00" }] },
      maxLines: 7,
    });
    const campaign = await createCampaign(db.prisma, entered, null);
    await addContacts(db.prisma, campaign.id, contactRowsSchema.parse({ contacts: [{ phone: "13800138001" }] }).contacts);
    const { runtime, started, signals } = fakeRuntime();

    const refused = await startCampaign(db.prisma, runtime, campaign.id);
    expect(refused.ok ? [] : refused.issues.map((issue) => [issue.code, issue.setting])).toEqual([
      ["window-outside-legal-hours", "schedule.windows.0"],
      ["caller-id-missing", "callerId"],
    ]);
    expect(started).toEqual([]);
    const kept = await db.prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id } });
    expect(kept).toMatchObject({ state: "draft", maxLines: 7, callerId: null, schedule: entered.schedule });

    await updateCampaign(db.prisma, campaign.id, { ...entered, callerId: "4008001234", schedule: { ...entered.schedule, windows: [{ days: [1, 2, 3, 4, 5], start: "09:00", end: "20:00" }] } });
    expect(await startCampaign(db.prisma, runtime, campaign.id)).toEqual({ ok: true });
    expect(started).toEqual([campaign.id]);
    await expect(startCampaign(db.prisma, runtime, campaign.id)).rejects.toMatchObject({ code: "campaign_not_draft" });

    await controlCampaign(db.prisma, runtime, campaign.id, "pause");
    await expect(controlCampaign(db.prisma, runtime, campaign.id, "pause")).rejects.toMatchObject({ code: "campaign_state" });
    await controlCampaign(db.prisma, runtime, campaign.id, "resume");
    await controlCampaign(db.prisma, runtime, campaign.id, "stop");
    expect(signals).toEqual(["pauseCampaign", "resumeCampaign", "stopCampaign"]);
  });
});
