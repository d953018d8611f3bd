import { describe, expect, it } from "vitest";
import { graphSchema, type Graph } from "../graph/schema";
import { checkCompliance, type ComplianceInput } from "./compliance";
import { campaignScheduleSchema, DEFAULT_LEGAL_WINDOWS } from "./schedule-schema";

function flowGraph(withOptOut: "reachable" | "unreachable" | "none"): Graph {
  return graphSchema.parse({
    schemaVersion: 1,
    kind: "campaign",
    nodes: [
      { id: "answered", type: "campaign-start", position: { x: 0, y: 0 }, data: {} },
      { id: "hello", type: "play", position: { x: 0, y: 0 }, data: {} },
      { id: "bye", type: "hangup", position: { x: 0, y: 0 }, data: {} },
      ...(withOptOut === "none" ? [] : [{ id: "stop", type: "opt-out", position: { x: 0, y: 0 }, data: {} }]),
    ],
    edges: [
      { id: "e1", source: "answered", sourcePort: "answered", target: "hello" },
      { id: "e2", source: "hello", sourcePort: "next", target: withOptOut === "reachable" ? "stop" : "bye" },
      ...(withOptOut === "none" ? [] : [{ id: "e3", source: "stop", sourcePort: "next", target: "bye" }]),
    ],
  });
}

const compliant: ComplianceInput = {
  mode: "agentless",
  schedule: campaignScheduleSchema.parse({ windows: [{ days: [1, 2, 3, 4, 5], start: "09:00", end: "20:00" }] }),
  callerId: "4008001234",
  abandonTarget: null,
  legalWindows: DEFAULT_LEGAL_WINDOWS,
  countries: ["CN", "US"],
  flow: { kind: "campaign", graph: flowGraph("reachable") },
};

describe("compliance check at start", () => {
  it("passes a campaign that keeps every rule", () => {
    expect(checkCompliance(compliant)).toEqual([]);
  });

  it("names every problem at once, each with its setting or node, in Chinese and English", () => {
    const issues = checkCompliance({
      ...compliant,
      mode: "predictive",
      callerId: " ",
      schedule: campaignScheduleSchema.parse({ windows: [{ days: [1], start: "09:00", end: "20:00" }, { days: [6, 7], start: "07:30", end: "21:30" }] }),
    });
    expect(issues.map((issue) => [issue.code, issue.setting ?? issue.nodeId])).toEqual([
      ["window-outside-legal-hours", "schedule.windows.1"],
      ["caller-id-missing", "callerId"],
      ["abandon-target-missing", "abandonTarget"],
    ]);
    expect(issues[0]?.message.zh).toBe("呼叫时段 2（周六、周日 07:30–21:30）超出了 CN 的法定呼叫时间（当地时间 08:00–21:00）。");
    expect(issues[0]?.message.en).toContain("wider than the legal calling hours for CN (08:00–21:00 local time)");
    for (const issue of issues) expect(issue.message.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it("checks windows only against the legal windows of the contacts' countries", () => {
    const early = { ...compliant, schedule: campaignScheduleSchema.parse({ windows: [{ days: [1], start: "07:00", end: "12:00" }] }) };
    expect(checkCompliance({ ...early, countries: ["US"] })).toEqual([]);
    expect(checkCompliance({ ...early, countries: ["US", "CN"] }).map((issue) => issue.code)).toEqual(["window-outside-legal-hours"]);
    expect(checkCompliance({ ...early, countries: ["US"], legalWindows: { US: { start: "08:00", end: "21:00" } } }).map((i) => i.code)).toEqual(["window-outside-legal-hours"]);
  });

  it("refuses an agentless flow whose opt-out node no path reaches, on its entry node; not when an agent talks", () => {
    for (const optOut of ["unreachable", "none"] as const) {
      const issues = checkCompliance({ ...compliant, flow: { kind: "campaign", graph: flowGraph(optOut) } });
      expect(issues.map((issue) => [issue.code, issue.nodeId])).toEqual([["no-opt-out-path", "answered"]]);
      expect(issues[0]?.message.zh).toContain("拒绝再呼");
    }
    expect(checkCompliance({ ...compliant, mode: "progressive", flow: { kind: "campaign", graph: flowGraph("none") } })).toEqual([]);
  });

  it("refuses an IVR flow or a flow never published", () => {
    expect(checkCompliance({ ...compliant, flow: { kind: "ivr", graph: flowGraph("reachable") } }).map((i) => i.code)).toEqual(["flow-not-campaign"]);
    expect(checkCompliance({ ...compliant, flow: { kind: "campaign", graph: null } }).map((i) => i.code)).toEqual(["flow-not-published"]);
  });
});
