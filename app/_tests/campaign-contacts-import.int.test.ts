// The contact-list import of a campaign through its route on a real database: a GBK file with a bad
// row is refused by row and field with nothing written; the fixed file imports in one go; numbers
// repeated in the file or already in the campaign are merged and counted.
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as importRoute from "@/app/api/campaigns/[campaignId]/contacts/import/route";
import { campaignInputSchema } from "@/app/_server/campaigns/campaign-inputs";
import { createCampaign } from "@/app/_server/campaigns/manage-campaigns";
import { publishFlow } from "@/app/_server/flows/publish-flow";
import { reminderFlow } from "@/tests/support/campaigns";
import { startTestApp, type TestApp } from "./support/test-app";

let app: TestApp;
let flowId: string;
const zh = { cookie: "NEXT_LOCALE=zh-CN" };
const gbk = (text: string) => new Uint8Array(iconv.encode(text, "gbk"));

beforeAll(async () => {
  app = await startTestApp();
  const published = await publishFlow({ graph: reminderFlow() }, app.db.prisma);
  if (!published.ok) throw new Error("the reminder flow does not compile");
  flowId = published.flowId;
});
afterAll(async () => {
  await app?.stop();
});

async function draftCampaign(name: string): Promise<string> {
  return (await createCampaign(app.db.prisma, campaignInputSchema.parse({ name, flowId }), null)).id;
}

const post = (campaignId: string, bytes: Uint8Array<ArrayBuffer>, query = "", headers: Record<string, string> = zh) =>
  app.call(importRoute.POST, { as: "marketer", method: "POST", path: `/api/campaigns/${campaignId}/contacts/import${query}`, params: { campaignId }, rawBody: bytes, headers: { "content-type": "text/csv", ...headers } });

const contactsOf = (campaignId: string) => app.db.prisma.campaignContact.findMany({ where: { campaignId }, orderBy: { phone: "asc" }, select: { phone: true, name: true, timeZone: true, fields: true } });

describe("contact list import", () => {
  const header = "手机号,姓名,时区,车型\r\n";

  it("refuses a GBK file with a bad row by row and field, then imports the fixed file with duplicates merged", async () => {
    const campaignId = await draftCampaign("保养提醒");
    const file = `${header}138 0013 8000,张三,,轿车\r\n12345,错号,,\r\n+1 212 555 0100,纽约,,\r\n+86 13800138000,,Asia/Shanghai,SUV\r\n`;
    const preview = await post(campaignId, gbk(file));
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ encoding: "gbk", header: ["手机号", "姓名", "时区", "车型"], mapping: { phone: 0, name: 1, timeZone: 2, "fields.车型": 3 }, rows: 4, errorCount: 2, duplicates: { inFile: 1, existing: 0 } });
    expect(preview.body.errors).toEqual([
      { row: 3, field: "phone", message: "号码“12345”不是有效的手机或固话号码（E.164 格式，或带区号的国内号码）" },
      { row: 4, field: "timeZone", message: "该号码所在国家有多个时区，请填写联系人的时区" },
    ]);
    const rejected = await post(campaignId, gbk(file), "?commit=1", {});
    expect(rejected.status).toBe(422);
    expect(rejected.body.error).toMatchObject({ code: "import_rejected", errorCount: 2, errors: [{ row: 3, field: "phone" }, { row: 4, field: "timeZone" }] });
    expect(rejected.body.error.errors[0].message).toBe('phone "12345" is not a valid mobile or landline number (E.164, or Chinese with area code)');
    expect(await contactsOf(campaignId)).toEqual([]);

    const fixed = `${header}138 0013 8000,张三,,轿车\r\n010-6234 5678,李四,,\r\n+1 212 555 0100,纽约,America/New_York,\r\n+86 13800138000,,Asia/Shanghai,SUV\r\n`;
    const imported = await post(campaignId, gbk(fixed), "?commit=1");
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body).toEqual({ added: 3, merged: { inFile: 1, existing: 0 }, encoding: "gbk" });
    // Row 5 merged into row 2: row 2's values win, the zone it lacked comes from row 5.
    expect(await contactsOf(campaignId)).toEqual([
      { phone: "+12125550100", name: "纽约", timeZone: "America/New_York", fields: {} },
      { phone: "+861062345678", name: "李四", timeZone: null, fields: {} },
      { phone: "+8613800138000", name: "张三", timeZone: "Asia/Shanghai", fields: { 车型: "轿车" } },
    ]);
  });

  it("merges numbers already in the campaign into their contact, with a chosen mapping, in UTF-8", async () => {
    const campaignId = await draftCampaign("回访");
    await post(campaignId, new Uint8Array(Buffer.from("phone,name\n13800138000,\n", "utf8")), "?commit=1");
    // The file's phone is in its second column; the "备注" column is not imported.
    const mapping = encodeURIComponent(JSON.stringify({ phone: 1, name: 0, "fields.城市": 2 }));
    const again = await post(campaignId, new Uint8Array(Buffer.from("名字,号码,城市,备注\n王五,+8613800138000,北京,x\n赵六,13900139000,上海,y\n", "utf8")), `?commit=1&mapping=${mapping}`);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toEqual({ added: 1, merged: { inFile: 0, existing: 1 }, encoding: "utf-8" });
    expect(await contactsOf(campaignId)).toEqual([
      { phone: "+8613800138000", name: "王五", timeZone: null, fields: { 城市: "北京" } },
      { phone: "+8613900139000", name: "赵六", timeZone: null, fields: { 城市: "上海" } },
    ]);
    const badMapping = await post(campaignId, new Uint8Array(Buffer.from("a,b\n1,2\n", "utf8")), `?mapping=${encodeURIComponent(JSON.stringify({ name: 0 }))}`);
    expect(badMapping.body).toMatchObject({ errorCount: 1, errors: [{ row: 1, field: "phone", message: "needs a column" }] });
  });

  it("takes contact lists only into draft campaigns", async () => {
    const campaignId = await draftCampaign("已开始");
    await app.db.prisma.campaign.update({ where: { id: campaignId }, data: { state: "running" } });
    const refused = await post(campaignId, new Uint8Array(Buffer.from("phone\n13800138000\n", "utf8")), "?commit=1");
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("campaign_state");
    expect((await post("nope", new Uint8Array(Buffer.from("phone\n1\n", "utf8")))).status).toBe(404);
    expect(await contactsOf(campaignId)).toEqual([]);
  });
});
