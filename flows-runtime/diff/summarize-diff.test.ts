import { describe, expect, it } from "vitest";
import type { Graph } from "../graph/schema";
import { diffGraphs } from "./diff-graphs";
import { loadFixture, type FixtureName } from "./fixtures/load-fixture";
import { summarizeDiff } from "./summarize-diff";
import type { DiffLocale } from "./types";

const summary = (name: FixtureName, locale: DiffLocale): string[] => {
  const { before, after } = loadFixture(name);
  return summarizeDiff(diffGraphs(before, after), before, after, locale);
};

const CASES: { fixture: FixtureName; en: string[]; zh: string[] }[] = [
  { fixture: "identical", en: [], zh: [] },
  { fixture: "shuffled", en: [], zh: [] },
  {
    fixture: "node-added",
    en: ['Node "Goodbye message" (Play prompt) added', 'Play prompt "Goodbye message": now goes to "Goodbye"'],
    zh: ["新增节点“Goodbye message”（播放语音）", "播放语音“Goodbye message”：现在转到“Goodbye”"],
  },
  {
    fixture: "node-removed",
    en: ['Node "Old prompt" (Play prompt) removed', 'Play prompt "Welcome": now goes to "Business hours" instead of "Old prompt"'],
    zh: ["删除节点“Old prompt”（播放语音）", "播放语音“Welcome”：改为转到“Business hours”（原为“Old prompt”）"],
  },
  { fixture: "node-moved", en: ['"Business hours" moved'], zh: ["“Business hours”已移动"] },
  { fixture: "nodes-moved-many", en: ["3 nodes moved"], zh: ["3 个节点已移动"] },
  {
    fixture: "node-renamed",
    en: [
      'Transfer "Agents" renamed to "Support agents"',
      'Transfer "Support agents": priority changed from 5 to 8',
      'Play prompt "Closed" renamed to "Closed notice"',
    ],
    zh: ["转接“Agents”重命名为“Support agents”", "转接“Support agents”：优先级从 5 改为 8", "播放语音“Closed”重命名为“Closed notice”"],
  },
  {
    fixture: "tts-text-changed",
    en: [
      'Play prompt "Welcome": caller can interrupt changed from off to on',
      'Play prompt "Welcome": prompt text changed from "Welcome" to "Welcome to ACME"',
    ],
    zh: ["播放语音“Welcome”：允许按键打断从关闭改为开启", "播放语音“Welcome”：提示音的文本从“Welcome”改为“Welcome to ACME”"],
  },
  {
    fixture: "menu-option-added",
    en: [
      'Node "After-sales queue" (Transfer) added',
      'Transfer "After-sales queue": now goes to "Goodbye"',
      'Menu "Main menu": option 3 added, goes to "After-sales queue"',
    ],
    zh: ["新增节点“After-sales queue”（转接）", "转接“After-sales queue”：现在转到“Goodbye”", "按键菜单“Main menu”：新增选项 3，转到“After-sales queue”"],
  },
  {
    fixture: "menu-option-removed",
    en: ['Menu "Main menu": option 2 removed (went to "Agents")'],
    zh: ["按键菜单“Main menu”：删除选项 2（原转到“Agents”）"],
  },
  {
    fixture: "menu-option-rekeyed",
    en: ['Menu "Main menu": option 2 is now option 9'],
    zh: ["按键菜单“Main menu”：选项 2 改为选项 9"],
  },
  {
    fixture: "nested-arrays",
    en: [
      'Transfer "Agents": skill 2 set to "vip"',
      'Business hours "Business hours": holiday "National Day" added',
      'Business hours "Business hours": opening hours 5 closes changed from "18:00" to "17:00"',
      'Business hours "Business hours": opening hours 6 added',
    ],
    zh: [
      "转接“Agents”：技能 2 设为“vip”",
      "工作时间“Business hours”：新增节假日“National Day”",
      "工作时间“Business hours”：营业时间段 5 的结束从“18:00”改为“17:00”",
      "工作时间“Business hours”：新增营业时间段 6",
    ],
  },
  {
    fixture: "edges-changed",
    en: [
      'Menu "Main menu": the invalid path no longer goes to "Goodbye"',
      'Menu "Main menu": the timeout path now goes to "Closed" instead of "Goodbye"',
      'Transfer "Sales queue": now goes to "Agents"',
    ],
    zh: [
      "按键菜单“Main menu”：“无效输入”分支不再转到“Goodbye”",
      "按键菜单“Main menu”：“超时”分支改为转到“Closed”（原为“Goodbye”）",
      "转接“Sales queue”：现在转到“Agents”",
    ],
  },
  {
    fixture: "type-changed",
    en: ['Node "Closed" (Play prompt) replaced by "Voicemail" (Record message)'],
    zh: ["节点“Closed”（播放语音）替换为“Voicemail”（录音留言）"],
  },
  {
    fixture: "variables-changed",
    en: [
      'Variable "order_id" (text) added',
      'Variable "attempts" (number) removed',
      'Variable "customer_tier": description set to "From CRM"',
      'Variable "customer_tier": initial value changed from "standard" to "gold"',
    ],
    zh: ["新增变量“order_id”（文本）", "删除变量“attempts”（数字）", "变量“customer_tier”：说明设为“From CRM”", "变量“customer_tier”：初始值从“standard”改为“gold”"],
  },
];

describe("summarizeDiff on saved version pairs", () => {
  for (const { fixture, en, zh } of CASES) {
    it(`${fixture} in English`, () => expect(summary(fixture, "en")).toEqual(en));
    it(`${fixture} in Chinese`, () => expect(summary(fixture, "zh-CN")).toEqual(zh));
  }
});

describe("summarizeDiff wording", () => {
  const graph = (nodes: Graph["nodes"], edges: Graph["edges"] = [], variables: Graph["variables"] = []): Graph => ({
    schemaVersion: 1,
    kind: "ivr",
    variables,
    nodes,
    edges,
  });
  const at = { x: 0, y: 0 };
  const menu = (options: { key: string; label: string }[], label?: string): Graph["nodes"][number] => ({
    id: "menu_1",
    type: "menu",
    position: at,
    data: { prompt: [{ kind: "tts", text: "Choose" }], options },
    ...(label === undefined ? {} : { label }),
  });
  const summarize = (before: Graph, after: Graph, locale: DiffLocale = "en") => summarizeDiff(diffGraphs(before, after), before, after, locale);

  it("names an unlabelled menu by its prompt text and keys, not its id", () => {
    const before = graph([menu([{ key: "1", label: "" }])]);
    const after = graph([menu([{ key: "1", label: "Sales" }])]);
    expect(summarize(before, after)).toEqual(['Menu "Choose" (key 1): option 1 meaning changed from (empty) to "Sales"']);
    expect(summarize(before, after, "zh-CN")).toEqual(["按键菜单“Choose”（按键 1）：选项 1 的含义从（空）改为“Sales”"]);
  });

  it("names added unlabelled nodes by what the caller hears and where a transfer goes", () => {
    const start: Graph["nodes"][number] = { id: "start", type: "start", label: "Start", position: at, data: {} };
    const play: Graph["nodes"][number] = { id: "play_1vyvru", type: "play", position: at, data: { media: [{ kind: "tts", text: "您好，欢迎致电售后服务" }] } };
    const queue: Graph["nodes"][number] = { id: "transfer_x2", type: "transfer", label: "", position: at, data: { target: { kind: "queue", queue: "after-sales" } } };
    const keys = { ...menu([{ key: "1", label: "" }, { key: "2", label: "" }, { key: "#", label: "" }]), data: { prompt: [], options: [{ key: "1" }, { key: "2" }, { key: "#" }] } };
    const before = graph([start]);
    const after = graph([start, play, queue, keys], [{ id: "e1", source: "play_1vyvru", sourcePort: "next", target: "transfer_x2" }]);
    const en = summarize(before, after);
    expect(en).toEqual([
      'Node with keys 1, 2, # (Menu) added',
      'Node "您好，欢迎致电售后服务" (Play prompt) added',
      'Play prompt "您好，欢迎致电售后服务": now goes to Transfer "after-sales"',
      'Node "after-sales" (Transfer) added',
    ]);
    expect(en.join("\n")).not.toMatch(/play_1vyvru|transfer_x2|menu_1/);
    expect(summarize(before, after, "zh-CN")).toEqual([
      "新增节点（按键 1、2、#）（按键菜单）",
      "新增节点“您好，欢迎致电售后服务”（播放语音）",
      "播放语音“您好，欢迎致电售后服务”：现在转到转接“after-sales”",
      "新增节点“after-sales”（转接）",
    ]);
  });

  it("clips a long prompt text used as a name, and falls back to the id when a node says nothing", () => {
    const long: Graph["nodes"][number] = { id: "p1", type: "play", position: at, data: { media: [{ kind: "tts", text: `Welcome\n${"y".repeat(80)}` }] } };
    const silent: Graph["nodes"][number] = { id: "h1", type: "hangup", position: at, data: {} };
    const lines = summarize(graph([]), graph([long, silent]));
    expect(lines).toEqual([`Node h1 (Hang up) added`, `Node "Welcome ${"y".repeat(31)}…" (Play prompt) added`]);
  });

  it("names the port, with the registry's label, on nodes with several exits", () => {
    const before = graph([menu([{ key: "1", label: "Sales" }], "Main"), { id: "q", type: "hangup", label: "Bye", position: at, data: {} }]);
    const after = graph(before.nodes, [{ id: "e", source: "menu_1", sourcePort: "option:1", target: "q" }]);
    expect(summarize(before, after)).toEqual(['Menu "Main": the key 1: Sales path now goes to "Bye"']);
    expect(summarize(before, after, "zh-CN")).toEqual(["按键菜单“Main”：“按键 1:Sales”分支现在转到“Bye”"]);
  });

  it("shows a node of an unknown type and its edges by raw type and port id", () => {
    const before = graph([{ id: "x1", type: "crm-lookup", position: at, data: {} }]);
    const after = graph(before.nodes, [{ id: "e", source: "x1", sourcePort: "found", target: "ghost" }]);
    expect(summarize(before, after)).toEqual(["crm-lookup x1: the found path now goes to ghost"]);
  });

  it("reports reordered menu options and cleared settings", () => {
    const before = graph([{ ...menu([{ key: "1", label: "A" }, { key: "2", label: "B" }], "Main"), data: { prompt: [], options: [{ key: "1" }, { key: "2" }], storeAs: "choice" } }]);
    const after = graph([{ ...menu([], "Main"), data: { prompt: [], options: [{ key: "2" }, { key: "1" }] } }]);
    expect(summarize(before, after)).toEqual(['Menu "Main": order of options changed', 'Menu "Main": store key in variable removed (was "choice")']);
    expect(summarize(before, after, "zh-CN")).toEqual(["按键菜单“Main”：选项顺序已调整", "按键菜单“Main”：删除按键保存到变量（原为“choice”）"]);
  });

  it("words a renamed variable type and an unlabelled node's removal", () => {
    const before = graph([{ id: "p9", type: "play", position: at, data: {} }], [], [{ name: "n", type: "string" }]);
    const after = graph([], [], [{ name: "n", type: "number" }]);
    expect(summarize(before, after)).toEqual(["Node p9 (Play prompt) removed", 'Variable "n": type changed from text to number']);
    expect(summarize(before, after, "zh-CN")).toEqual(["删除节点 p9（播放语音）", "变量“n”：类型从文本改为数字"]);
  });

  it("names two moved nodes in one line, after everything else", () => {
    const node = (id: string, label: string, x: number): Graph["nodes"][number] => ({ id, type: "hangup", label, position: { x, y: 0 }, data: {} });
    const before = graph([node("a", "A", 0), node("b", "B", 0), node("c", "C", 0)]);
    const after = graph([node("a", "A", 1), node("b", "B", 1), node("c", "C2", 0)]);
    expect(summarize(before, after)).toEqual(['Hang up "C" renamed to "C2"', '"A" and "B" moved']);
    expect(summarize(before, after, "zh-CN")).toEqual(["挂机“C”重命名为“C2”", "“A”、“B”已移动"]);
  });

  it("shortens long values and keeps them on one line", () => {
    const play = (text: string): Graph["nodes"][number] => ({ id: "p", type: "play", label: "P", position: at, data: { media: [{ kind: "tts", text }] } });
    const [line] = summarize(graph([play("short")]), graph([play(`line one\n${"x".repeat(200)}`)]));
    expect(line).toBe(`Play prompt "P": prompt text changed from "short" to "line one\\n${"x".repeat(69)}…"`);
  });
});
