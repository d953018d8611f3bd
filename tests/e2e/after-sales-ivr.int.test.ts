import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevStack, type DevStack } from "@/workers/dev-stack";
import { logOf, promptsHeard } from "../support/call-prompts";
import { loadFixture, withNodeData, type FixtureGraph } from "../support/fixtures";
import { allowLocalServer, sendJson, startLocalHttpServer, type LocalHttpServer } from "../support/local-http";

const SHOP_TOKEN = "shop-token";
const CRM_KEY = "crm-key-7c41e9b2d5";
/** How a careless (or hostile) CRM might echo the key back: none of these may reach the trace. */
const KEY_FORMS = [CRM_KEY, [...CRM_KEY].reverse().join(""), Buffer.from(CRM_KEY).toString("base64"), Buffer.from(CRM_KEY).toString("hex")];
const MENU = ["tts:您好,欢迎致电售后服务中心。查询订单状态请按1,售后服务请按2,人工客服请按0。"];
const ASK_ORDER = ["tts:请输入您的订单号,以井号键结束。"];
const VOICEMAIL = ["tts:您好,现在是非工作时间。请在提示音后留言,按井号键结束。"];
const THANKS = ["tts:感谢您的留言,我们会尽快与您联系。再见。"];

// Opening hours decide the path; the test sets them instead of depending on the clock.
const ALWAYS_OPEN = { weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, open: "00:00", close: "24:00" })), holidays: [], extraOpenDays: [] };
const NEVER_OPEN = { weekly: [], holidays: [], extraOpenDays: [] };

function afterSales(apiUrl: string, hours: Record<string, unknown>): FixtureGraph {
  let graph = loadFixture("after-sales-ivr");
  graph = withNodeData(graph, "hours", hours);
  graph = withNodeData(graph, "order_lookup", { url: `${apiUrl}/v2/orders/{{order_number}}` });
  graph = withNodeData(graph, "lookup_customer", { url: `${apiUrl}/v1/customers?phone={{call.caller}}` });
  return graph;
}

/** Temporal payloads are bytes: decoded to text so the history can be searched. */
function readable(value: unknown): unknown {
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  if (Array.isArray(value)) return value.map(readable);
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, readable(inner)]));
  return value;
}

async function queueVars(stack: DevStack, callId: string) {
  return Object.fromEntries((await logOf(stack, callId, "setVariable")).map((e) => [e.variable, e.value]));
}

describe("e-commerce after-sales IVR (Chinese prompts, business hours)", () => {
  let stack: DevStack;
  let api: LocalHttpServer;

  beforeAll(async () => {
    api = await startLocalHttpServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const order = /^\/v2\/orders\/(\d+)$/.exec(url.pathname)?.[1];
      if (order && req.headers.authorization === `Bearer ${SHOP_TOKEN}`) {
        return sendJson(res, 200, { data: { statusText: "已发货", eta: "2025-06-01" } });
      }
      if (url.pathname === "/v1/customers" && req.headers["x-api-key"] === CRM_KEY) {
        const key = String(req.headers["x-api-key"]);
        const echo = { raw: key, reversed: [...key].reverse().join(""), base64: Buffer.from(key).toString("base64"), hex: Buffer.from(key).toString("hex") };
        return sendJson(res, 200, { data: { tier: url.searchParams.get("phone") === "13811112222" ? "vip" : "standard" }, echo });
      }
      sendJson(res, 403, { error: "forbidden" });
    });
    stack = await startDevStack({
      simulator: { timeScale: 0.2 },
      secrets: { SHOP_API_TOKEN: SHOP_TOKEN, CRM_API_KEY: CRM_KEY },
      httpPolicy: allowLocalServer(api, ["SHOP_API_TOKEN", "CRM_API_KEY"]),
    });
    await stack.publishFlow(afterSales(api.url, ALWAYS_OPEN), { did: "4008001" });
    await stack.publishFlow(afterSales(api.url, NEVER_OPEN), { did: "4008002" });
  });
  afterAll(async () => {
    await stack?.stop();
    await api?.close();
  });

  it("order status (1) reads the order back, then after-sales (2) goes to its queue", async () => {
    const callId = await stack.placeCall({
      to: "4008001",
      from: "13800000000",
      // The order read-back is one playback of three media: each one starts separately.
      script: "wait prompt; press 1; wait prompt; press 202501#; wait prompt; wait prompt; wait prompt; wait prompt; press 2; expect end; wait 30s",
    });
    const { status, result } = await stack.waitForCall(callId);

    expect(result?.outcome).toBe("transferred");
    expect(await promptsHeard(stack, callId)).toEqual([
      MENU,
      ASK_ORDER,
      ["tts:您的订单", "digits:202501", "tts:当前状态为:已发货。"],
      MENU,
    ]);
    expect(status.continuedTo).toEqual({ context: "cc-queues", exten: "after-sales", priority: 1 });
    expect(await queueVars(stack, callId)).toEqual({ CC_QUEUE: "after-sales", CC_PRIORITY: "5", CC_SKILLS: "after-sales" });

    const execution = await stack.getExecution(callId);
    expect(execution?.steps.map((s) => [s.nodeId, s.port, s.input])).toEqual([
      ["start", "next", null],
      ["hours", "open", null],
      ["main_menu", "option:1", "1"],
      ["ask_order", "next", "202501#"],
      ["order_lookup", "success", null],
      ["say_order", "next", null],
      ["main_menu", "option:2", "2"],
      ["to_after_sales", null, null],
    ]);
    expect(execution?.steps[0]?.varsChanged).toEqual({ "call.language": { before: "", after: "zh-CN" } });
    expect(execution?.steps[4]?.varsChanged).toEqual({
      order_status: { before: null, after: "已发货" },
      order_eta: { before: null, after: "2025-06-01" },
    });
    expect(execution?.steps[6]?.varsChanged).toEqual({ menu_choice: { before: "1", after: "2" } });
    expect(execution?.handover).toEqual({ kind: "queue", queue: "after-sales", priority: 5, skills: ["after-sales"], context: "cc-queues" });
  });

  it("agent (0) looks the caller up in the CRM and sends a VIP to the VIP queue", async () => {
    const callId = await stack.placeCall({ to: "4008001", from: "13811112222", script: "wait prompt; press 0; expect end; wait 30s" });
    const { result } = await stack.waitForCall(callId);

    expect(result?.outcome).toBe("transferred");
    expect(api.requests.some((r) => r.url === "/v1/customers?phone=13811112222")).toBe(true);
    expect(await queueVars(stack, callId)).toEqual({ CC_QUEUE: "agents", CC_PRIORITY: "9", CC_SKILLS: "vip" });
    const execution = await stack.getExecution(callId);
    expect(execution?.steps.map((s) => s.nodeId)).toEqual(["start", "hours", "main_menu", "lookup_customer", "tier_branch", "to_agents_vip"]);
    expect(execution?.steps[3]?.varsChanged).toEqual({ customer_tier: { before: "standard", after: "vip" } });
    // The CRM echoed the key in four spellings; only the mapped field left the activity.
    const history = JSON.stringify(readable(await stack.temporal.client.workflow.getHandle(`call-${callId}`).fetchHistory()));
    // Payloads decoded: the activity's input (placeholder, not value) and its mapped answer are there to see.
    expect(history).toContain("{{secret.CRM_API_KEY}}");
    expect(history).toContain('\\"tier\\":\\"vip\\"');
    for (const [where, text] of [["trace", JSON.stringify(execution, (_key, value: unknown) => (typeof value === "bigint" ? String(value) : value))], ["workflow history", history]] as const) {
      for (const form of KEY_FORMS) expect(text, `${where}: ${form}`).not.toContain(form);
      expect(text, where).not.toContain("reversed");
    }
  });

  it("outside business hours takes a voicemail and keeps the recording", async () => {
    const callId = await stack.placeCall({
      to: "4008002",
      from: "13800000000",
      script: "wait prompt; wait prompt end; wait 1500ms; talk 3s; press #; expect hangup",
    });
    const { result } = await stack.waitForCall(callId);

    expect(result?.outcome).toBe("completed");
    expect(await promptsHeard(stack, callId)).toEqual([VOICEMAIL, THANKS]);
    const [record] = await logOf(stack, callId, "record");
    expect(record).toMatchObject({ format: "wav", beep: true, terminateOn: "#", maxDurationSeconds: 120, maxSilenceSeconds: 5 });

    const execution = await stack.getExecution(callId);
    expect(execution?.steps.map((s) => [s.nodeId, s.port])).toEqual([
      ["start", "next"],
      ["hours", "closed"],
      ["voicemail", "next"],
      ["thanks", "next"],
      ["hangup", null],
    ]);
    expect(execution?.recordings).toHaveLength(1);
    const recording = execution?.recordings[0];
    expect(recording?.nodeId).toBe("voicemail");
    expect(recording?.name).toBe(record?.name);
    expect(recording?.durationSeconds).toBeGreaterThanOrEqual(3);
    expect(execution?.steps[2]?.varsChanged).toMatchObject({ voicemail: { before: null, after: recording?.name } });
  });

  it("a line that sends no audio leaves a 0-second voicemail after 4 s; the flow goes on and keeps it as 0 s", async () => {
    const callId = await stack.placeCall({ to: "4008002", from: "13800000003", sendsAudio: false, script: "wait prompt; wait prompt end; expect hangup" });
    const { result } = await stack.waitForCall(callId);

    expect(result?.outcome).toBe("completed");
    expect(await promptsHeard(stack, callId)).toEqual([VOICEMAIL, THANKS]);
    const [stop] = await logOf(stack, callId, "recordingStop");
    expect(stop?.reason).toBe("noAudio");
    const execution = await stack.getExecution(callId);
    expect(execution?.steps.map((s) => [s.nodeId, s.port])).toEqual([
      ["start", "next"],
      ["hours", "closed"],
      ["voicemail", "next"],
      ["thanks", "next"],
      ["hangup", null],
    ]);
    expect(execution?.recordings.map((r) => r.durationSeconds)).toEqual([0]);
    expect(execution?.steps[2]?.varsChanged).toMatchObject({ voicemail_duration: { after: 0 } });
  });
});
