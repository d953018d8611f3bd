import { describe, expect, it } from "vitest";
import { formatIssue } from "../../i18n/format-issue";
import { compileNode, executeNode, nodeIssues } from "../../testing/node-harness";
import { ScriptedRouting } from "../../testing/scripted-routing";
import { queueNodeDefinition } from "./definition";
import { queueNodeSchema } from "./schema";

const routingGraph = { kind: "routing" as const, variables: [{ name: "customer", type: "object" as const, initial: { tier: "normal" } }] };

describe("queue node", () => {
  it("fills defaults and has timeout, full and (with skip_if) no-agents exits", () => {
    const config = queueNodeSchema.parse({ queue: "after-sales" });
    expect(config).toEqual({
      queue: "after-sales",
      priority: "5",
      skills: [],
      waitSeconds: 60,
      skipIfNoAgents: true,
      hold: { mohClass: null, announceEverySeconds: 30, position: true, estimatedWait: false, comfortText: "" },
    });
    expect(queueNodeDefinition.ports(config).map((port) => [port.id, port.required])).toEqual([["timeout", true], ["full", true], ["no-agents", true]]);
    expect(queueNodeDefinition.ports({ ...config, skipIfNoAgents: false }).map((port) => port.id)).toEqual(["timeout", "full"]);
    expect(queueNodeDefinition.kinds).toEqual(["routing"]);
  });

  it("is summarised on the canvas by its queue, not by the priority", () => {
    const config = queueNodeSchema.parse({ queue: "after-sales", priority: 'customer.tier == "VIP" ? 9 : 5' });
    expect(queueNodeDefinition.summary?.(config)).toBe("after-sales");
    // Just dropped from the palette: no queue yet, and no priority in its place.
    expect(queueNodeDefinition.summary?.(queueNodeDefinition.defaults())).toBe("");
  });

  it("checks the priority expression's type and the queue's name", () => {
    const issues = nodeIssues("queue", { queue: "after-sales", priority: '"high"' }, routingGraph, { knownQueues: ["billing"] });
    expect(issues.map((issue) => [issue.code, issue.path, issue.message])).toEqual([
      ["unknown-queue", ["queue"], 'Queue "Test node": queue "after-sales" does not exist'],
      ["type-mismatch", ["priority"], 'Queue "Test node": "Priority (0–9)" must be a number, but this gives text'],
    ]);
    expect(nodeIssues("queue", { queue: "after-sales", priority: 'customer.tier == "VIP" ? 9 : 5' }, routingGraph, { knownQueues: ["after-sales"] })).toEqual([]);
  });

  it("refuses itself in an IVR flow, naming where it belongs", () => {
    const issues = nodeIssues("queue", { queue: "after-sales" }).filter((issue) => issue.code === "node-kind-mismatch");
    expect(issues.map((issue) => issue.message)).toEqual(['Queue "Test node" cannot be used in IVR flows: it belongs in routing flows']);
    expect(issues.map((issue) => formatIssue(issue, "zh-CN"))).toEqual(["排队“Test node” 不能用于IVR流程：它只能用于路由流程"]);
  });

  it("compiles the expressions", () => {
    const { compiled } = compileNode("queue", { queue: "q", priority: "9", skills: [{ skill: "vip", minProficiency: "3" }] });
    expect(compiled).toMatchObject({ queue: "q", priority: { kind: "literal", value: 9 }, skills: [{ skill: "vip", minProficiency: { kind: "literal", value: 3 } }], waitSeconds: 60 });
  });

  it("joins with the priority and skills its expressions give, bounded, and ends the call when answered", async () => {
    const routing = new ScriptedRouting({ waits: ["answered"] });
    const data = { queue: "after-sales", priority: 'customer.tier == "VIP" ? 12 : 5', skills: [{ skill: "vip", minProficiency: "customer.level" }], waitSeconds: 20 };
    const { result } = await executeNode("queue", data, { routing, vars: { customer: { tier: "VIP", level: 0 } } });
    expect(result).toEqual({ end: "transferred" });
    expect(routing.calls).toEqual([
      { kind: "join", request: { queue: "after-sales", priority: 9, skills: [{ skill: "vip", minProficiency: 1 }], skipIfNoAgents: true, hold: expect.objectContaining({ position: true }) } },
      { kind: "wait", seconds: 20 },
    ]);
  });

  it("takes the timeout, full and no-agents exits", async () => {
    expect((await executeNode("queue", { queue: "q" }, { routing: new ScriptedRouting() })).result).toEqual({ port: "timeout" });
    expect((await executeNode("queue", { queue: "q" }, { routing: new ScriptedRouting({ join: { q: "closed" } }) })).result).toEqual({ port: "full", error: "queue q is closed" });
    const none = new ScriptedRouting({ join: { q: "no-agents" } });
    expect((await executeNode("queue", { queue: "q" }, { routing: none })).result).toEqual({ port: "no-agents" });
    expect(none.calls.map((call) => call.kind)).toEqual(["join"]);
  });

  it("fails the step when the priority is not a number, or outside a routing flow", async () => {
    await expect(executeNode("queue", { queue: "q", priority: "customer.tier" }, { routing: new ScriptedRouting(), vars: { customer: { tier: "VIP" } } })).rejects.toThrow("priority of queue q is not a number");
    await expect(executeNode("queue", { queue: "q" })).rejects.toThrow("routing nodes run only in a routing flow");
  });
});
