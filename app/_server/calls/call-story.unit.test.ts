import { describe, expect, it } from "vitest";
import { compileGraph } from "@/flows-runtime/compiler/compile";
import fixture from "@/flows-runtime/fixtures/after-sales-ivr.json";
import { ivrGraph, tts } from "@/tests/support/graph-builder";
import { callStory, type StoryStep } from "./call-story";

function compiled(graph: unknown) {
  const result = compileGraph(graph);
  if (!result.ok) throw new Error(result.issues.map((issue) => `${issue.nodeId ?? ""} ${issue.message}`).join("; "));
  return result.plan;
}

const t0 = Date.parse("2026-12-01T02:00:00.000Z");
let seq = 0;
const step = (nodeId: string, nodeType: string, port: string | null, extra: Partial<StoryStep> = {}): StoryStep => ({
  seq: ++seq,
  nodeId,
  nodeType,
  label: null,
  enteredAt: new Date(t0 + seq * 1000),
  durationMs: 900,
  port,
  input: null,
  varsChanged: {},
  error: null,
  ...extra,
});
const callVars = { caller: "13800000000", dialed: "4001", id: "c1", language: "", startedAt: new Date(t0).toISOString() };
const texts = (entry: { heard: { items: { text: string }[] }[] } | undefined) => entry?.heard.map((prompt) => prompt.items.map((item) => item.text).join(""));

describe("callStory", () => {
  it("retells the menu attempts from the keys pressed: prompt, wrong-key prompt, prompt again", () => {
    const plan = compiled(fixture);
    const steps = [
      step("start", "start", "next", { varsChanged: { "call.language": { before: "", after: "zh-CN" } } }),
      step("hours", "business-hours", "open"),
      step("main_menu", "menu", "option:1", { input: "71" }),
    ];
    const story = callStory({ plans: { main: plan, subflows: {} }, steps, callVars });
    const menu = story[2];
    expect(menu?.heard.map((prompt) => prompt.list)).toEqual(["prompt", "invalidPrompt", "prompt"]);
    expect(texts(menu)?.[0]).toContain("查询订单状态请按1");
    expect(menu?.heard[0]?.items[0]).toMatchObject({ kind: "tts", language: "zh-CN" });
    expect(story[0]?.heard).toEqual([]);
  });

  it("counts the timeouts of a menu that ended on its timeout exit, with no failure prompt after the last one", () => {
    const plan = compiled(fixture);
    const story = callStory({ plans: { main: plan, subflows: {} }, steps: [step("main_menu", "menu", "timeout")], callVars });
    // maxRetries 2: three attempts, two timeout prompts between them.
    expect(story[0]?.heard.map((prompt) => prompt.list)).toEqual(["prompt", "timeoutPrompt", "prompt", "timeoutPrompt", "prompt"]);
  });

  it("renders prompts with the variables as they were when the step started, and reports HTTP requests without secret values", () => {
    const plan = compiled(fixture);
    const steps = [
      step("ask_order", "collect", "next", { input: "123456#", varsChanged: { order_number: { before: null, after: "123456" } } }),
      step("order_lookup", "http-request", "success", { durationMs: 140, varsChanged: { order_status: { before: null, after: "已发货" } } }),
      step("say_order", "play", null),
      step("lookup_customer", "http-request", "error", { durationMs: 3000, error: "HTTP status 503" }),
    ];
    const story = callStory({ plans: { main: plan, subflows: {} }, steps, callVars });
    expect(texts(story[2])).toEqual(["您的订单123456当前状态为:已发货。"]);
    expect(story[1]?.http).toEqual({ method: "GET", url: "https://api.example-shop.cn/v2/orders/123456", status: null, ok: true, durationMs: 140, error: null, canned: false });
    expect(story[3]?.http).toMatchObject({ url: "https://crm.example-shop.cn/v1/customers?phone=13800000000", status: 503, ok: false, error: "HTTP status 503" });
    expect(JSON.stringify(story)).not.toContain("SHOP_API_TOKEN");
  });

  it("marks an HTTP request answered by a test case's canned answer as canned, with the canned status", () => {
    const plan = compiled(fixture);
    const steps = [
      step("order_lookup", "http-request", "success", { durationMs: 2, detail: { cannedHttp: { status: 201 } } }),
      step("lookup_customer", "http-request", "error", { durationMs: 3000, error: "HTTP status 503" }),
    ];
    const story = callStory({ plans: { main: plan, subflows: {} }, steps, callVars });
    expect(story[0]?.http).toMatchObject({ method: "GET", status: 201, ok: true, canned: true });
    expect(story[1]?.http).toMatchObject({ status: 503, canned: false });
  });

  it("gives prompts inside a subflow their text, with the inputs the subflow node passed", () => {
    const sub = compiled(
      ivrGraph({
        name: "Greeting",
        variables: [{ name: "who", type: "string", initial: "" }],
        nodes: [
          { id: "start", type: "start", data: { defaultLanguage: "zh-CN" } },
          { id: "hello", type: "play", data: { media: [tts("您好，{{who}}。")] } },
        ],
        edges: [["start", "next", "hello"]],
      }),
    );
    const main = compiled(
      ivrGraph({
        name: "Front desk",
        nodes: [
          { id: "start", type: "start", data: { defaultLanguage: "zh-CN" } },
          { id: "greet", type: "subflow", data: { flowId: "flow_greeting", inputs: [{ name: "who", value: "'王先生'" }], outputs: [] } },
          { id: "bye", type: "play", data: { media: [tts("再见。")] } },
        ],
        edges: [
          ["start", "next", "greet"],
          ["greet", "next", "bye"],
        ],
      }),
    );
    const steps = [
      step("start", "start", "next"),
      step("flow_greeting:start", "start", "next"),
      step("flow_greeting:hello", "play", null),
      step("greet", "subflow", "next"),
      step("bye", "play", null),
    ];
    const story = callStory({ plans: { main, subflows: { flow_greeting: sub } }, steps, callVars });
    expect(story.map((entry) => [entry.flowId, entry.stepId])).toEqual([
      [null, "start"],
      ["flow_greeting", "start"],
      ["flow_greeting", "hello"],
      [null, "greet"],
      [null, "bye"],
    ]);
    expect(texts(story[2])).toEqual(["您好，王先生。"]);
    expect(story[2]?.heard[0]?.items[0]?.kind).toBe("tts");
    expect(texts(story[4])).toEqual(["再见。"]);
  });
});
