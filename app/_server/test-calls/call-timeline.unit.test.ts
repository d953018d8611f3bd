import { describe, expect, it } from "vitest";
import { compileGraph } from "@/flows-runtime/compiler/compile";
import fixture from "@/flows-runtime/fixtures/after-sales-ivr.json";
import { ivrGraph, tts as ttsItem } from "@/tests/support/graph-builder";
import { callTimeline, type TimelineStep } from "./call-timeline";

function plan() {
  const compiled = compileGraph(fixture);
  if (!compiled.ok) throw new Error(compiled.issues.map((issue) => issue.message).join("; "));
  return compiled.plan;
}

const t0 = Date.parse("2025-06-02T02:00:00.000Z");
const step = (seq: number, nodeId: string, at: number, durationMs: number, port: string | null, varsChanged: Record<string, { before: unknown; after: unknown }> = {}): TimelineStep => ({
  seq,
  nodeId,
  enteredAt: new Date(t0 + at),
  durationMs,
  port,
  input: null,
  varsChanged,
});
const callVars = { caller: "13800000000", dialed: "4001", id: "c1", language: "zh-CN", startedAt: new Date(t0).toISOString() };
const tts = "sound:http://127.0.0.1:8090/tts/0123.wav";

describe("callTimeline", () => {
  it("starts at the entry node before any step finished", () => {
    const timeline = callTimeline({ plan: plan(), steps: [], log: [], callVars, ended: false });
    expect(timeline.activeNodeId).toBe("start");
    expect(timeline.variables).toMatchObject({ customer_tier: "standard", call: { caller: "13800000000" } });
  });

  it("follows the ports taken and names the prompts the running node plays", () => {
    const steps = [step(0, "start", 0, 1, "next", { "call.language": { before: "", after: "zh-CN" } }), step(1, "hours", 2, 1, "open")];
    const log = [
      { t: t0 + 10, kind: "playRequest", media: [tts] },
      { t: t0 + 3000, kind: "dtmf", digit: "7" },
      { t: t0 + 3100, kind: "playRequest", media: [tts] },
      { t: t0 + 3400, kind: "playRequest", media: [tts] },
    ];
    const timeline = callTimeline({ plan: plan(), steps, log, callVars, ended: false });
    expect(timeline.activeNodeId).toBe("main_menu");
    expect(timeline.takenPorts).toEqual([
      { nodeId: "start", port: "next" },
      { nodeId: "hours", port: "open" },
    ]);
    const texts = timeline.prompts.map((prompt) => prompt.items.map((item) => item.text).join(""));
    expect(timeline.prompts.every((prompt) => prompt.nodeId === "main_menu")).toBe(true);
    expect(texts[0]).toContain("查询订单状态请按1");
    // A wrong key (7) was pressed: the wrong-key prompt, then the menu again.
    const menuNode = fixture.nodes.find((node) => node.id === "main_menu");
    const invalidText = JSON.stringify(menuNode?.data).match(/"invalidPrompt":\[\{"kind":"tts","text":"([^"]+)"/)?.[1];
    expect(invalidText).toBeDefined();
    expect(texts[1]).toBe(invalidText);
    expect(texts[2]).toContain("查询订单状态请按1");
  });

  it("renders variables into prompts as they were when the prompt played", () => {
    const steps = [
      step(0, "start", 0, 1, "next"),
      step(1, "hours", 2, 1, "open"),
      step(2, "main_menu", 3, 4000, "option:1"),
      step(3, "ask_order", 4010, 5000, "next", { order_number: { before: null, after: "123456" } }),
      step(4, "order_lookup", 9020, 100, "success", { order_status: { before: null, after: "已发货" } }),
    ];
    const log = [{ t: t0 + 9200, kind: "playRequest", media: [tts, "digits:123456", tts] }];
    const timeline = callTimeline({ plan: plan(), steps, log, callVars, ended: false });
    expect(timeline.activeNodeId).toBe("say_order");
    expect(timeline.prompts[0]?.items).toEqual([
      { kind: "tts", text: "您的订单", language: "zh-CN" },
      { kind: "digits", text: "123456" },
      { kind: "tts", text: "当前状态为:已发货。", language: "zh-CN" },
    ]);
    expect(timeline.variables).toMatchObject({ order_number: "123456", order_status: "已发货" });
  });

  it("has no active node once the call ended", () => {
    const timeline = callTimeline({ plan: plan(), steps: [step(0, "start", 0, 1, "next")], log: [], callVars, ended: true });
    expect(timeline.activeNodeId).toBeNull();
    expect(timeline.visitedNodeIds).toEqual(["start"]);
  });

  it("gives prompts played inside a subflow their text, also before the subflow's first steps are written", () => {
    const compile = (graph: unknown) => {
      const result = compileGraph(graph);
      if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join("; "));
      return result.plan;
    };
    const sub = compile(
      ivrGraph({
        name: "Greeting",
        nodes: [
          { id: "start", type: "start", data: { defaultLanguage: "zh-CN" } },
          { id: "hello", type: "play", data: { media: [ttsItem("欢迎致电。")] } },
        ],
        edges: [["start", "next", "hello"]],
      }),
    );
    const main = compile(
      ivrGraph({
        name: "Front desk",
        nodes: [
          { id: "start", type: "start", data: { defaultLanguage: "zh-CN" } },
          { id: "greet", type: "subflow", data: { flowId: "flow_greeting", inputs: [], outputs: [] } },
        ],
        edges: [["start", "next", "greet"]],
      }),
    );
    const log = [{ t: t0 + 100, kind: "playRequest", media: [tts] }];
    const traced = callTimeline({ plan: main, subflows: { flow_greeting: sub }, steps: [step(0, "start", 0, 1, "next"), step(1, "flow_greeting:start", 2, 1, "next")], log, callVars, ended: false });
    expect(traced.prompts[0]).toMatchObject({ nodeId: "flow_greeting:hello", items: [{ kind: "tts", text: "欢迎致电。" }] });
    const early = callTimeline({ plan: main, subflows: { flow_greeting: sub }, steps: [step(0, "start", 0, 1, "next")], log, callVars, ended: false });
    expect(early.prompts[0]?.items).toEqual([{ kind: "tts", text: "欢迎致电。", language: "zh-CN" }]);
    // Without the subflow's plan the media URL is all there is (what the designer showed before).
    const blind = callTimeline({ plan: main, steps: [step(0, "start", 0, 1, "next"), step(1, "flow_greeting:start", 2, 1, "next")], log, callVars, ended: false });
    expect(blind.prompts[0]?.items[0]).toEqual({ kind: "sound", text: tts.slice("sound:".length) });
  });
});
