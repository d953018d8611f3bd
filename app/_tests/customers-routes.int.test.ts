// Customer routes on a real database: who sees which customer (an agent only the customers of calls
// offered to them), the field rules through the API, the CSV import all or nothing (GBK, bad rows by
// row and field), the export, and the screen pop of an offered call.
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createQueueActivities } from "@/workers/queues/queue-activities";
import * as customersRoute from "@/app/api/customers/route";
import * as customerRoute from "@/app/api/customers/[customerId]/route";
import * as fieldsRoute from "@/app/api/customers/fields/route";
import * as fieldRoute from "@/app/api/customers/fields/[fieldKey]/route";
import * as importRoute from "@/app/api/customers/import/route";
import * as exportRoute from "@/app/api/customers/export/route";
import * as screenPopRoute from "@/app/api/customers/screen-pop/[callId]/route";
import { exportCustomersCsv } from "@/app/_server/customers/export-customers";
import { startTestApp, type TestApp, type TestUser } from "./support/test-app";

let app: TestApp;
let activities: ReturnType<typeof createQueueActivities>;
let ann: TestUser;
let bo: TestUser;

/** The language switcher's cookie: row and field messages follow the UI language. */
const zh = { cookie: "NEXT_LOCALE=zh-CN" };
const gbk = (text: string) => new Uint8Array(iconv.encode(text, "gbk"));

beforeAll(async () => {
  app = await startTestApp();
  activities = createQueueActivities(app.db.prisma);
  ann = app.users.agent;
  bo = await app.createUser("agent", "Bo");
  for (const [user, extension] of [[ann, "1001"], [bo, "1002"]] as const) {
    await app.db.prisma.agentProfile.create({ data: { userId: user.id, extension, languages: ["zh"] } });
  }
  const skill = await app.db.prisma.skill.create({ data: { name: "appliances", displayNameZh: "家电", displayNameEn: "Appliances" } });
  await app.db.prisma.agentSkill.create({ data: { agentId: ann.id, skillId: skill.id, proficiency: 3 } });
  await app.db.prisma.agentSkill.create({ data: { agentId: bo.id, skillId: skill.id, proficiency: 3 } });
  await app.db.prisma.queue.create({ data: { name: "after-sales", displayNameZh: "售后", displayNameEn: "After-sales", requiredSkills: [{ skillId: skill.id, minProficiency: 1 }], whenFull: { kind: "voicemail" }, whenClosed: { kind: "voicemail" } } });
});
afterAll(async () => {
  await app?.stop();
});

async function createCustomer(body: Record<string, unknown>) {
  const result = await app.call(customersRoute.POST, { as: "ops", method: "POST", path: "/api/customers", body });
  expect(result.status, JSON.stringify(result.body)).toBe(201);
  return result.body.customer;
}

describe("customer fields and profiles", () => {
  it("let administrators define fields and check attributes against them, naming the field", async () => {
    const put = (body: unknown, as: "admin" | "ops" | "agent" = "admin") => app.call(fieldsRoute.PUT, { as, method: "PUT", path: "/api/customers/fields", body });
    expect((await put({ key: "orderNumber", labelZh: "订单号", labelEn: "Order number", type: "text" })).status).toBe(200);
    expect((await put({ key: "points", labelZh: "积分", labelEn: "Points", type: "number" })).status).toBe(200);
    expect((await put({ key: "x", labelZh: "甲", labelEn: "X", type: "text" }, "agent")).status).toBe(403);
    const bad = await put({ key: "product", labelZh: "产品", labelEn: "Product", type: "choice", options: [] });
    expect(bad.body.error.fields).toEqual([{ field: "options", message: "a choice field needs at least one option" }]);

    const wrong = await app.call(customersRoute.POST, { as: "ops", method: "POST", path: "/api/customers", headers: zh, body: { name: "王芳", phones: ["138-0013-8000", "12"], attributes: { points: "many", color: "red" } } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toEqual([
      { field: "phones.1", message: "“12”不是电话号码（3 到 20 位数字，可以 + 开头）" },
      { field: "attributes.color", message: "color不是客户字段（请先在字段列表中添加）" },
      { field: "attributes.points", message: "积分必须是数字" },
    ]);
    const wang = await createCustomer({ name: "王芳", memberLevel: "VIP", tags: ["VIP客户", "家电产品用户"], phones: ["138-0013-8000"], attributes: { orderNumber: "20261201", points: "120" } });
    expect(wang).toMatchObject({ phones: ["+8613800138000"], attributes: { orderNumber: "20261201", points: 120 } });
    const taken = await app.call(customersRoute.POST, { as: "ops", method: "POST", path: "/api/customers", body: { name: "别人", phones: ["+86 138 0013 8000"] } });
    expect(taken.body.error.fields).toEqual([{ field: "phones.0", message: "+8613800138000 already belongs to 王芳" }]);
    const english = await app.call(customersRoute.POST, { as: "ops", method: "POST", path: "/api/customers", body: { name: "x", phones: ["1"], attributes: { points: "x" } } });
    expect(english.body.error.fields.map((f: { message: string }) => f.message)).toEqual(['"1" is not a phone number (3 to 20 digits, optionally starting with +)', "Points must be a number"]);
    const found = await app.call(customersRoute.GET, { as: "admin", path: "/api/customers?q=13800138000" });
    expect(found.body.customers.map((c: { id: string }) => c.id)).toEqual([wang.id]);
    expect((await app.call(customersRoute.GET, { as: "admin", path: "/api/customers?q=VIP客户" })).body.customers).toHaveLength(1);
    expect((await app.call(fieldRoute.DELETE, { as: "admin", method: "DELETE", path: "/api/customers/fields/nope", params: { fieldKey: "nope" } })).status).toBe(404);
  });

  it("are not searchable by agents or marketers", async () => {
    for (const as of ["agent", "marketer"] as const) {
      expect((await app.call(customersRoute.GET, { as, path: "/api/customers" })).status).toBe(403);
      expect((await app.call(exportRoute.GET, { as, path: "/api/customers/export" })).status).toBe(403);
      expect((await app.call(importRoute.POST, { as, method: "POST", path: "/api/customers/import", rawBody: "a", headers: { "content-type": "text/csv" } })).status).toBe(403);
    }
    expect((await app.call(customersRoute.GET, { as: null, path: "/api/customers" })).status).toBe(401);
  });
});

describe("an agent and the screen pop", () => {
  it("shows an agent the customer of a call offered to them, and nobody else's (404)", async () => {
    const li = await createCustomer({ name: "李雷", memberLevel: "金卡", tags: ["多次投诉客户"], phones: ["13900139000"], attributes: { orderNumber: "555" } });
    const zhang = await createCustomer({ name: "张伟", phones: ["13700137000"] });
    await activities.queueSetAgentState({ agentId: ann.id, state: "available" });
    expect(await activities.queueEnqueue({ callId: "pop-1", queue: "after-sales", priority: 7 })).toMatchObject({ status: "queued", offer: { agentId: ann.id } });
    await app.db.prisma.queuedCall.update({ where: { id: "pop-1" }, data: { callerNumber: "13900139000", variables: { orderNumber: "555", customer: { id: li.id, tier: "金卡" } } } });

    const pop = await app.call(screenPopRoute.GET, { as: ann, path: "/api/customers/screen-pop/pop-1", params: { callId: "pop-1" } });
    expect(pop.status, JSON.stringify(pop.body)).toBe(200);
    expect(pop.body.pop).toMatchObject({
      callerNumber: "13900139000",
      customer: { id: li.id, name: "李雷", memberLevel: "金卡", tags: ["多次投诉客户"] },
      reason: { queue: { displayNameZh: "售后" }, priority: 7, skills: [{ name: "appliances", displayNameZh: "家电", minProficiency: 1 }] },
      lastInteractions: [],
    });
    expect((await app.call(screenPopRoute.GET, { as: bo, path: "/api/customers/screen-pop/pop-1", params: { callId: "pop-1" } })).status).toBe(404);
    expect((await app.call(screenPopRoute.GET, { as: "ops", path: "/api/customers/screen-pop/pop-1", params: { callId: "pop-1" } })).status).toBe(404);

    const own = await app.call(customerRoute.GET, { as: ann, path: `/api/customers/${li.id}`, params: { customerId: li.id } });
    expect(own.status).toBe(200);
    expect(own.body.customer.name).toBe("李雷");
    for (const [as, id] of [[ann, zhang.id], [bo, li.id], [ann, "no-such-customer"]] as const) {
      const refused = await app.call(customerRoute.GET, { as, path: `/api/customers/${id}`, params: { customerId: id } });
      expect(refused.status, `${as.name} ${id}`).toBe(404);
      expect(refused.body.error.code).toBe("customer_not_found");
    }
    expect((await app.call(customerRoute.PUT, { as: ann, method: "PUT", path: `/api/customers/${li.id}`, params: { customerId: li.id }, body: { name: "x", phones: ["1"] } })).status).toBe(403);
    expect((await app.call(customerRoute.GET, { as: "ops", path: `/api/customers/${zhang.id}`, params: { customerId: zhang.id } })).status).toBe(200);
  });

  it("puts an answered call on the customer's timeline with its agent, wait, disposition and note", async () => {
    expect((await activities.queueOfferResult({ callId: "pop-1", agentId: ann.id, result: "accepted" })).refused).toBeNull();
    expect((await activities.queueEndCall({ callId: "pop-1" })).refused).toBeNull();
    await app.db.prisma.queuedCall.update({ where: { id: "pop-1" }, data: { disposition: "resolved", wrapUpNote: "换货" } });
    const li = await app.db.prisma.customer.findFirstOrThrow({ where: { name: "李雷" } });
    const page = await app.call(customerRoute.GET, { as: "ops", path: `/api/customers/${li.id}`, params: { customerId: li.id } });
    expect(page.body.interactions).toHaveLength(1);
    expect(page.body.interactions[0]).toMatchObject({ callId: "pop-1", agentName: ann.name, disposition: "resolved", note: "换货", queue: { name: "after-sales" }, variables: { orderNumber: "555" } });
    expect(page.body.interactions[0].waitedMs).toBeGreaterThanOrEqual(0);
    // The agent still sees the customer of a call they took, after it ended.
    expect((await app.call(customerRoute.GET, { as: ann, path: `/api/customers/${li.id}`, params: { customerId: li.id } })).status).toBe(200);
  });
});

describe("CSV import and export", () => {
  const header = "姓名,电话,会员等级,标签,订单号\r\n";

  it("reports every bad row by row and field, imports nothing, then imports the fixed GBK file in full", async () => {
    const before = await app.db.prisma.customer.count();
    const file = `${header}赵敏,13600136000,VIP,VIP客户;家电产品用户,A-1\r\n,13500135000,,,\r\n钱多,不是号码,,,\r\n孙悟,13600136000,,,\r\n`;
    const post = (bytes: Uint8Array<ArrayBuffer>, query = "") => app.call(importRoute.POST, { as: "ops", method: "POST", path: `/api/customers/import${query}`, rawBody: bytes, headers: { "content-type": "text/csv", ...zh } });
    const preview = await post(gbk(file));
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ encoding: "gbk", header: ["姓名", "电话", "会员等级", "标签", "订单号"], mapping: { name: 0, phones: 1, memberLevel: 2, tags: 3, "attributes.orderNumber": 4 }, rows: 4, errorCount: 3 });
    expect(preview.body.errors).toEqual([
      { row: 3, field: "name", message: "姓名为必填项" },
      { row: 4, field: "phones", message: "“不是号码”不是电话号码（3 到 20 位数字，可以 + 开头）" },
      { row: 5, field: "phones", message: "+8613600136000 与第 2 行重复" },
    ]);
    const rejected = await post(gbk(file), "?commit=1");
    expect(rejected.status).toBe(422);
    expect(rejected.body.error).toMatchObject({ code: "import_rejected", errorCount: 3 });
    expect(await app.db.prisma.customer.count()).toBe(before);

    const fixed = `${header}赵敏,13600136000,VIP,VIP客户;家电产品用户,A-1\r\n周芷若,13500135000,,,\r\n钱多,+86 135 0013 5001,,,\r\n孙悟,13600136001,,,\r\n`;
    const imported = await post(gbk(fixed), "?commit=1");
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body).toEqual({ created: 4, updated: 0, encoding: "gbk" });
    const zhao = await app.db.prisma.customer.findFirstOrThrow({ where: { name: "赵敏" }, include: { phones: true } });
    expect(zhao).toMatchObject({ memberLevel: "VIP", tags: ["VIP客户", "家电产品用户"], attributes: { orderNumber: "A-1" } });
    expect(zhao.phones.map((phone) => phone.number)).toEqual(["+8613600136000"]);
  });

  it("takes a chosen column mapping, updates a customer found by phone and round-trips its own export", async () => {
    const mapped = await app.call(importRoute.POST, {
      as: "ops",
      method: "POST",
      path: `/api/customers/import?commit=1&mapping=${encodeURIComponent(JSON.stringify({ phones: 0, name: 1, memberLevel: 2 }))}`,
      rawBody: new Uint8Array(Buffer.from("手机,客户,级别\n13600136000,赵敏敏,金卡\n", "utf8")),
      headers: { "content-type": "text/csv" },
    });
    expect(mapped.body).toEqual({ created: 0, updated: 1, encoding: "utf-8" });
    const zhao = await app.db.prisma.customer.findFirstOrThrow({ where: { phones: { some: { number: "+8613600136000" } } } });
    expect(zhao).toMatchObject({ name: "赵敏敏", memberLevel: "金卡", attributes: { orderNumber: "A-1" } });

    const exported = await app.call(exportRoute.GET, { as: "admin", path: "/api/customers/export", headers: zh });
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    // (Reading the body as text drops the byte order mark the file starts with.)
    expect(String(exported.body).split("\r\n")[0]).toBe('"姓名","电话","会员等级","标签","时区","首选语言","订单号","积分"');
    expect(String(exported.body)).toContain('"赵敏敏","\'+8613600136000","金卡","VIP客户;家电产品用户","","","A-1",""');
    const inGbk = await exportCustomersCsv("zh-CN", "gbk", app.db.prisma);
    expect(iconv.decode(inGbk, "gbk")).toContain('"赵敏敏"');
    const count = await app.db.prisma.customer.count();
    const again = await app.call(importRoute.POST, { as: "ops", method: "POST", path: "/api/customers/import?commit=1", rawBody: new Uint8Array(inGbk), headers: { "content-type": "text/csv" } });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toMatchObject({ created: 0, updated: count });
  });
});
