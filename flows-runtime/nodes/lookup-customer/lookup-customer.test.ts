import { describe, expect, it } from "vitest";
import { validateGraph } from "../../compiler/validate";
import type { GraphInput } from "../../graph/schema";
import type { CustomerProfile } from "../../interpreter/effects";
import { compileNode, executeNode, nodeIssues } from "../../testing/node-harness";
import { runScripted, testCallVariables } from "../../testing/run-scripted";
import { ScriptedRouting } from "../../testing/scripted-routing";
import { callerIdForms, normalizePhoneNumber } from "./phone-number";

const vip: CustomerProfile = { id: "c1", name: "王芳", tier: "VIP", tags: ["VIP客户"], timeZone: "Asia/Shanghai", language: "zh-CN", attributes: { orderNumber: "20261201" } };

describe("phone numbers", () => {
  it("normalise the forms a Chinese caller id takes to one number", () => {
    for (const raw of ["13800000000", "138 0000 0000", "+86 138-0000-0000", "8613800000000", "008613800000000", "＋8613800000000"]) {
      expect(normalizePhoneNumber(raw), raw).toEqual({ ok: true, number: "+8613800000000" });
    }
    expect(normalizePhoneNumber("010-6552 9988")).toEqual({ ok: true, number: "+861065529988" });
    expect(normalizePhoneNumber("+1 (415) 555-0100")).toEqual({ ok: true, number: "+14155550100" });
    expect(normalizePhoneNumber("4001")).toEqual({ ok: true, number: "4001" });
    for (const bad of ["", "12", "abc", "138x0000000", "+", "1".repeat(21)]) expect(normalizePhoneNumber(bad).ok, bad).toBe(false);
  });

  it("list the caller ids a stored number may arrive as", () => {
    expect(callerIdForms("+8613800000000")).toEqual(["+8613800000000", "8613800000000", "008613800000000", "13800000000"]);
    expect(callerIdForms("+861065529988")).toEqual(["+861065529988", "861065529988", "00861065529988", "01065529988"]);
    expect(callerIdForms("4001")).toEqual(["4001"]);
    for (const form of callerIdForms("+8613800000000")) expect(normalizePhoneNumber(form)).toEqual({ ok: true, number: "+8613800000000" });
  });
});

describe("lookup-customer node", () => {
  it("compiles by caller (default), by a variable against phones or an attribute", () => {
    expect(compileNode("lookup-customer", {})).toMatchObject({ compiled: { source: "call.caller", match: { kind: "phone" } }, ports: ["found", "notFound"] });
    expect(compileNode("lookup-customer", { by: "variable", variable: "orderNumber", match: "attribute", attribute: "orderNumber" }).compiled).toEqual({
      source: "orderNumber",
      match: { kind: "attribute", key: "orderNumber" },
    });
  });

  it("names what is missing and an unknown variable", () => {
    const codes = (data: Record<string, unknown>) => nodeIssues("lookup-customer", data).map((issue) => [issue.code, issue.path.join(".")]);
    expect(codes({})).toEqual([]);
    expect(codes({ by: "variable" })).toEqual([["setting-required", "variable"]]);
    expect(codes({ by: "variable", variable: "phone", match: "attribute" })).toContainEqual(["setting-required", "attribute"]);
    expect(codes({ by: "variable", variable: "typed" }).map(([code]) => code)).toContain("unknown-variable");
    expect(codes({ by: "variable", variable: "__proto__" }).map(([code]) => code)).toContain("forbidden-name");
  });

  it("finds by the caller's number in any form and fills customer", async () => {
    const { result, vars, effects } = await executeNode("lookup-customer", {}, {
      script: { customers: { "+8613800138000": vip } },
    });
    expect(effects.customerLookups).toEqual([{ by: "phone", value: "+8613800138000" }]);
    expect(result).toEqual({ port: "found", input: "+8613800138000" });
    expect(vars.get("customer.tier")).toBe("VIP");
    expect(vars.get("customer.attributes.orderNumber")).toBe("20261201");
  });

  it("finds by an attribute the caller typed; not found keeps the declared default", async () => {
    const byOrder = { by: "variable", variable: "orderNumber", match: "attribute", attribute: "orderNumber" };
    const script = { customers: { "orderNumber=20261201": vip } };
    const found = await executeNode("lookup-customer", byOrder, { script, vars: { orderNumber: "20261201", customer: { tier: "normal" } } });
    expect(found.result).toEqual({ port: "found", input: "20261201" });
    expect(found.vars.get("customer.name")).toBe("王芳");
    const missing = await executeNode("lookup-customer", byOrder, { script, vars: { orderNumber: "999", customer: { tier: "normal" } } });
    expect(missing.result).toEqual({ port: "notFound", input: "999" });
    expect(missing.vars.get("customer")).toEqual({ tier: "normal" });
    const empty = await executeNode("lookup-customer", byOrder, { script, vars: { orderNumber: "", customer: null } });
    expect(empty.result).toEqual({ port: "notFound", input: "" });
    expect(empty.effects.customerLookups).toEqual([]);
  });

  it("goes on as not found with the reason when the lookup fails, and never looks up a number that is not one", async () => {
    const failed = await executeNode("lookup-customer", {}, { script: { customers: "fail" } });
    expect(failed.result).toEqual({ port: "notFound", input: "+8613800138000", error: "customer database unreachable" });
    const anonymous = await executeNode("lookup-customer", {}, { vars: { call: { caller: "anonymous" } } });
    expect(anonymous.result).toEqual({ port: "notFound", input: "anonymous" });
    expect(anonymous.effects.customerLookups).toEqual([]);
  });

  it('makes customer.tier == "VIP" type-check and route a call in a flow', async () => {
    const graph: GraphInput = {
      schemaVersion: 1,
      kind: "ivr",
      nodes: [
        { id: "start", type: "start", position: { x: 0, y: 0 }, data: {} },
        { id: "lookup", type: "lookup-customer", position: { x: 0, y: 100 }, data: {} },
        { id: "vip", type: "branch", position: { x: 0, y: 200 }, data: { conditions: [{ label: "VIP", expression: 'customer.tier == "VIP"' }] } },
        { id: "toVip", type: "transfer", position: { x: 0, y: 300 }, data: { target: { kind: "queue", queue: "vip", priority: 9, skills: [] } } },
        { id: "end", type: "hangup", position: { x: 200, y: 300 }, data: {} },
      ],
      edges: [
        { id: "e1", source: "start", sourcePort: "next", target: "lookup" },
        { id: "e2", source: "lookup", sourcePort: "found", target: "vip" },
        { id: "e3", source: "lookup", sourcePort: "notFound", target: "end" },
        { id: "e4", source: "vip", sourcePort: "condition:0", target: "toVip" },
        { id: "e5", source: "vip", sourcePort: "else", target: "end" },
        { id: "e6", source: "toVip", sourcePort: "failed", target: "end" },
      ],
    };
    const validation = validateGraph(graph);
    expect(validation.ok ? [] : validation.issues.map((issue) => issue.message)).toEqual([]);
    const vipCall = await runScripted(graph, { customers: { "+8613800138000": vip } });
    expect(vipCall.path).toEqual(["start", "lookup", "vip", "toVip"]);
    expect(vipCall.effects.transfers).toEqual([{ kind: "queue", queue: "vip", priority: 9, skills: [] }]);
    const stranger = await runScripted(graph, { customers: { "+8613900000000": vip } });
    expect(stranger.effects.transfers).toEqual([]);
  });

  it("runs in a routing flow, where the queue step's priority reads the tier it found", async () => {
    const graph: GraphInput = {
      schemaVersion: 1,
      kind: "routing",
      nodes: [
        { id: "start", type: "routing-start", position: { x: 0, y: 0 }, data: {} },
        { id: "lookup", type: "lookup-customer", position: { x: 0, y: 100 }, data: {} },
        { id: "agents", type: "queue", position: { x: 0, y: 200 }, data: { queue: "agents", priority: 'customer.tier == "VIP" ? 9 : 5', skipIfNoAgents: false } },
        { id: "end", type: "hangup", position: { x: 200, y: 300 }, data: {} },
      ],
      edges: [
        { id: "e1", source: "start", sourcePort: "next", target: "lookup" },
        { id: "e2", source: "lookup", sourcePort: "found", target: "agents" },
        { id: "e3", source: "lookup", sourcePort: "notFound", target: "agents" },
        { id: "e4", source: "agents", sourcePort: "timeout", target: "end" },
        { id: "e5", source: "agents", sourcePort: "full", target: "end" },
      ],
    };
    const validation = validateGraph(graph);
    expect(validation.ok ? [] : validation.issues.map((issue) => issue.message)).toEqual([]);
    const priorities = async (caller: string) => {
      const routing = new ScriptedRouting({ waits: ["answered"] });
      const run = await runScripted(graph, { customers: { "+8613800138000": vip } }, { routing, vars: { call: testCallVariables({ caller }) } });
      expect(run.path).toEqual(["start", "lookup", "agents"]);
      expect(run.effects.customerLookups).toEqual([{ by: "phone", value: `+86${caller}` }]);
      return routing.calls.flatMap((call) => (call.kind === "join" ? [call.request.priority] : []));
    };
    expect(await priorities("13800138000")).toEqual([9]);
    expect(await priorities("13900000000")).toEqual([5]);
  });
});
