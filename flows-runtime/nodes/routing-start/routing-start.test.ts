import { describe, expect, it } from "vitest";
import { validateGraph } from "../../compiler/validate";
import { formatIssue } from "../../i18n/format-issue";
import { executeNode } from "../../testing/node-harness";
import { routingStartDefinition } from "./definition";

const at = { x: 0, y: 0 };

describe("routing start node", () => {
  it("is the routing flow's entry and exposes call.*", () => {
    expect(routingStartDefinition.entry).toBe(true);
    expect(routingStartDefinition.writes({}).map((write) => write.name)).toContain("call.language");
  });

  it("goes on with the variables as the IVR left them", async () => {
    const { result, vars } = await executeNode("routing-start", {}, { vars: { customer: { tier: "VIP" }, call: { language: "zh-CN" } } });
    expect(result).toEqual({ port: "next" });
    expect(vars.get("customer.tier")).toBe("VIP");
  });

  it("validates a routing flow that reads the IVR's variables", () => {
    const result = validateGraph({
      schemaVersion: 1,
      kind: "routing",
      variables: [{ name: "customer", type: "object", initial: { tier: "normal" } }],
      nodes: [
        { id: "s", type: "routing-start", position: at, data: {} },
        { id: "q", type: "queue", position: at, data: { queue: "after-sales", priority: 'customer.tier == "VIP" ? 9 : 5', skipIfNoAgents: false } },
        { id: "w", type: "widen", position: at, data: { queue: "billing" } },
        { id: "v", type: "voicemail", position: at, data: {} },
        { id: "h", type: "hangup", position: at, data: {} },
      ],
      edges: [
        { id: "e1", source: "s", sourcePort: "next", target: "q" },
        { id: "e2", source: "q", sourcePort: "timeout", target: "w" },
        { id: "e3", source: "q", sourcePort: "full", target: "h" },
        { id: "e4", source: "w", sourcePort: "timeout", target: "v" },
      ],
    });
    expect(result.ok ? result.warnings : result.issues).toEqual([]);
  });

  it("refuses IVR nodes in a routing flow and routing nodes in an IVR, with the node and where it belongs", () => {
    const routing = validateGraph({
      schemaVersion: 1,
      kind: "routing",
      nodes: [
        { id: "s", type: "start", position: at, data: {} },
        { id: "m", type: "menu", label: "Main", position: at, data: { prompt: [{ kind: "tts", text: "hi" }], options: [{ key: "1" }] } },
      ],
      edges: [],
    });
    const ivr = validateGraph({
      schemaVersion: 1,
      kind: "ivr",
      nodes: [
        { id: "s", type: "start", position: at, data: {} },
        { id: "q", type: "queue", label: "VIP", position: at, data: { queue: "after-sales" } },
      ],
      edges: [{ id: "e1", source: "s", sourcePort: "next", target: "q" }],
    });
    const mismatches = (result: ReturnType<typeof validateGraph>) => (result.ok ? [] : result.issues.filter((issue) => issue.code === "node-kind-mismatch"));
    expect(mismatches(routing).map((issue) => [issue.nodeId, issue.message])).toEqual([
      ["s", 'Start "s" cannot be used in routing flows: it belongs in IVR flows'],
      ["m", 'Menu "Main" cannot be used in routing flows: it belongs in IVR or campaign flows'],
    ]);
    expect(mismatches(ivr).map((issue) => formatIssue(issue, "zh-CN"))).toEqual(["排队“VIP” 不能用于IVR流程：它只能用于路由流程"]);
  });
});
