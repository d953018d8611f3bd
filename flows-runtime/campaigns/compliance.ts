import type { Graph } from "../graph/schema";
import type { LocalizedText } from "../nodes/node-definition";
import { parseTimeOfDay } from "../nodes/business-hours/time-of-day";
import type { CampaignSchedule, LegalWindows } from "./schedule-schema";

export type ComplianceCode =
  | "window-outside-legal-hours"
  | "caller-id-missing"
  | "no-opt-out-path"
  | "abandon-target-missing"
  | "flow-not-campaign"
  | "flow-not-published";

/** One reason a campaign may not start, naming the setting (a field path) or the flow's node it concerns. */
export interface ComplianceIssue {
  code: ComplianceCode;
  /** e.g. "schedule.windows.0", "callerId"; null when a node is meant. */
  setting: string | null;
  nodeId: string | null;
  message: LocalizedText;
}

export interface ComplianceInput {
  mode: "agentless" | "progressive" | "predictive";
  schedule: CampaignSchedule;
  callerId: string | null;
  abandonTarget: number | null;
  legalWindows: LegalWindows;
  /** ISO countries of the campaign's contacts (their windows are checked against these countries' legal windows). */
  countries: readonly string[];
  /** The live version's graph of the campaign's flow; null when it has none. */
  flow: { kind: string; graph: Graph | null };
}

const DAY_NAMES: Record<number, LocalizedText> = {
  1: { en: "Mon", zh: "周一" },
  2: { en: "Tue", zh: "周二" },
  3: { en: "Wed", zh: "周三" },
  4: { en: "Thu", zh: "周四" },
  5: { en: "Fri", zh: "周五" },
  6: { en: "Sat", zh: "周六" },
  7: { en: "Sun", zh: "周日" },
};

/**
 * Everything that keeps a campaign from starting, all at once: a window wider than a contact country's
 * legal window, no caller id, an agentless flow the contact cannot opt out in, a predictive campaign
 * without an abandonment target, a flow that is not a published campaign flow. Pure: the caller loads
 * the campaign, its contacts' countries, the settings and the flow.
 */
export function checkCompliance(input: ComplianceInput): ComplianceIssue[] {
  return [...windowIssues(input), ...settingIssues(input), ...flowIssues(input)];
}

function windowIssues(input: ComplianceInput): ComplianceIssue[] {
  const issues: ComplianceIssue[] = [];
  for (const country of [...new Set(input.countries)].sort()) {
    const legal = input.legalWindows[country];
    if (legal === undefined) continue;
    input.schedule.windows.forEach((window, index) => {
      const tooEarly = (parseTimeOfDay(window.start) ?? 0) < (parseTimeOfDay(legal.start) ?? 0);
      const tooLate = (parseTimeOfDay(window.end) ?? 0) > (parseTimeOfDay(legal.end) ?? 0);
      if (!tooEarly && !tooLate) return;
      const days = { en: window.days.map((day) => DAY_NAMES[day]?.en).join(", "), zh: window.days.map((day) => DAY_NAMES[day]?.zh).join("、") };
      issues.push({
        code: "window-outside-legal-hours",
        setting: `schedule.windows.${index}`,
        nodeId: null,
        message: {
          en: `Calling window ${index + 1} (${days.en} ${window.start}–${window.end}) is wider than the legal calling hours for ${country} (${legal.start}–${legal.end} local time).`,
          zh: `呼叫时段 ${index + 1}（${days.zh} ${window.start}–${window.end}）超出了 ${country} 的法定呼叫时间（当地时间 ${legal.start}–${legal.end}）。`,
        },
      });
    });
  }
  return issues;
}

function settingIssues(input: ComplianceInput): ComplianceIssue[] {
  const issues: ComplianceIssue[] = [];
  if (input.callerId === null || input.callerId.trim() === "") {
    issues.push({
      code: "caller-id-missing",
      setting: "callerId",
      nodeId: null,
      message: { en: "No caller id: contacts must see the number that calls them.", zh: "未设置主叫号码：联系人必须能看到来电号码。" },
    });
  }
  if (input.mode === "predictive" && input.abandonTarget === null) {
    issues.push({
      code: "abandon-target-missing",
      setting: "abandonTarget",
      nodeId: null,
      message: {
        en: "A predictive campaign needs an abandonment target (the highest share of answered calls no agent takes).",
        zh: "预测式外呼必须设置放弃率目标（接通后无坐席接听的通话所占比例上限）。",
      },
    });
  }
  return issues;
}

function flowIssues(input: ComplianceInput): ComplianceIssue[] {
  if (input.flow.kind !== "campaign") {
    return [{ code: "flow-not-campaign", setting: "flowId", nodeId: null, message: { en: "The flow is not a campaign flow.", zh: "所选流程不是外呼活动流程。" } }];
  }
  const graph = input.flow.graph;
  if (graph === null) {
    return [{ code: "flow-not-published", setting: "flowId", nodeId: null, message: { en: "The flow has no published version.", zh: "所选流程尚无已发布的版本。" } }];
  }
  if (input.mode !== "agentless") return [];
  const entry = graph.nodes.find((node) => node.type === "campaign-start");
  const reachable = reachableFrom(graph, entry?.id ?? null);
  if (graph.nodes.some((node) => node.type === "opt-out" && reachable.has(node.id))) return [];
  return [
    {
      code: "no-opt-out-path",
      setting: null,
      nodeId: entry?.id ?? null,
      message: {
        en: "An agentless campaign's flow needs a path to an \"Opt out\" node: contacts must be able to refuse further calls.",
        zh: "无坐席外呼的流程必须有一条通往“拒绝再呼”节点的路径：联系人必须能够拒绝后续来电。",
      },
    },
  ];
}

function reachableFrom(graph: Graph, start: string | null): Set<string> {
  const seen = new Set<string>();
  const todo = start === null ? [] : [start];
  while (todo.length > 0) {
    const id = todo.pop();
    if (id === undefined || seen.has(id)) continue;
    seen.add(id);
    for (const edge of graph.edges) if (edge.source === id && !seen.has(edge.target)) todo.push(edge.target);
  }
  return seen;
}
