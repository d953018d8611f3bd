import { describe, expect, it } from "vitest";
import { compileGraph } from "../../compiler/compile";
import { validateGraph } from "../../compiler/validate";
import type { GraphInput } from "../../graph/schema";
import { compileNode, executeNode } from "../../testing/node-harness";
import { campaignStartDefinition } from "./definition";

function campaignGraph(extraNodes: GraphInput["nodes"] = [], kind: GraphInput["kind"] = "campaign"): GraphInput {
  return {
    schemaVersion: 1,
    kind,
    variables: [],
    nodes: [
      { id: "start", type: "campaign-start", position: { x: 0, y: 0 }, data: { defaultLanguage: "en-US" } },
      { id: "offer", type: "menu", position: { x: 0, y: 100 }, data: { prompt: [{ kind: "tts", text: "Hello {{contact.name}}. Press 1 to confirm, 9 to never be called again." }], options: [{ key: "1" }, { key: "9" }] } },
      { id: "confirmed", type: "set-outcome", position: { x: 0, y: 200 }, data: { outcome: "confirmed" } },
      { id: "optout", type: "opt-out", position: { x: 200, y: 200 }, data: {} },
      { id: "bye", type: "hangup", position: { x: 0, y: 300 }, data: {} },
      ...extraNodes,
    ],
    edges: [
      { id: "e1", source: "start", sourcePort: "answered", target: "offer" },
      { id: "e2", source: "offer", sourcePort: "option:1", target: "confirmed" },
      { id: "e3", source: "offer", sourcePort: "option:9", target: "optout" },
      { id: "e4", source: "offer", sourcePort: "timeout", target: "bye" },
      { id: "e5", source: "offer", sourcePort: "invalid", target: "bye" },
      { id: "e6", source: "confirmed", sourcePort: "next", target: "bye" },
      { id: "e7", source: "optout", sourcePort: "next", target: "bye" },
    ],
  };
}

describe("campaign-start node", () => {
  it("leaves through answered and keeps a language already set", async () => {
    expect(compileNode("campaign-start", {}).compiled).toEqual({ defaultLanguage: "zh-CN" });
    const fresh = await executeNode("campaign-start", { defaultLanguage: "en-US" }, { vars: { call: { language: "" } } });
    expect(fresh.result).toEqual({ port: "answered" });
    expect(fresh.vars.get("call.language")).toBe("en-US");
    const set = await executeNode("campaign-start", { defaultLanguage: "en-US" }, { vars: { call: { language: "zh-CN" } } });
    expect(set.vars.get("call.language")).toBe("zh-CN");
  });

  it("declares the contact's and the attempt's variables", () => {
    expect(campaignStartDefinition.writes({ defaultLanguage: "zh-CN" }).map((v) => v.name)).toEqual(
      expect.arrayContaining(["call.caller", "contact", "campaign"]),
    );
  });

  it("starts a campaign flow that reuses the IVR's menu and hangup, reads contact.name, and compiles", () => {
    const result = validateGraph(campaignGraph());
    expect(result.ok ? [] : result.issues).toEqual([]);
    const compiled = compileGraph(campaignGraph());
    expect(compiled.ok && compiled.plan.steps[compiled.plan.entry]?.type).toBe("campaign-start");
  });

  it("refuses an IVR-only node in a campaign flow, and campaign nodes in an IVR flow", () => {
    const withRecord = validateGraph(campaignGraph([{ id: "rec", type: "record", position: { x: 0, y: 400 }, data: {} }]));
    expect(withRecord.ok ? [] : withRecord.issues.filter((issue) => issue.nodeId === "rec").map((issue) => issue.code)).toContain("node-kind-mismatch");
    const ivr = validateGraph(campaignGraph([], "ivr"));
    const mismatched = ivr.ok ? [] : ivr.issues.filter((issue) => issue.code === "node-kind-mismatch").map((issue) => issue.nodeId);
    expect(mismatched).toEqual(expect.arrayContaining(["start", "confirmed", "optout"]));
  });
});
