// The lookup-customer node in real calls (Temporal, worker, bridge, simulator, PostgreSQL): by the
// caller's number, by an order number the caller types, and in a designer test call that pretends
// the customer instead of looking one up.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileGraph } from "@/flows-runtime/compiler/compile";
import { startDevStack, type DevStack } from "@/workers/dev-stack";
import { promptsHeard } from "../support/call-prompts";
import { ivrGraph, tts } from "../support/graph-builder";

const flow = ivrGraph({
  name: "customer greeting",
  nodes: [
    { id: "start", type: "start", data: { defaultLanguage: "en-US" } },
    { id: "by_caller", type: "lookup-customer", data: {} },
    { id: "is_vip", type: "branch", data: { conditions: [{ label: "VIP", expression: 'customer.tier == "VIP"' }] } },
    { id: "vip", type: "play", data: { media: [tts("Welcome back {{customer.name}}, VIP line")] } },
    { id: "order", type: "collect", data: { prompt: [tts("Type your order number")], variable: "orderNumber", maxLength: 12, maxRetries: 0 } },
    { id: "by_order", type: "lookup-customer", data: { by: "variable", variable: "orderNumber", match: "attribute", attribute: "orderNumber" } },
    { id: "owner", type: "play", data: { media: [tts("Order of {{customer.name}}, level {{customer.tier}}")] } },
    { id: "unknown", type: "play", data: { media: [tts("Unknown order")] } },
    { id: "bye", type: "hangup" },
  ],
  edges: [
    ["start", "next", "by_caller"],
    ["by_caller", "found", "is_vip"],
    ["by_caller", "notFound", "order"],
    ["is_vip", "condition:0", "vip"],
    ["is_vip", "else", "order"],
    ["vip", "next", "bye"],
    ["order", "next", "by_order"],
    ["order", "timeout", "bye"],
    ["order", "invalid", "bye"],
    ["by_order", "found", "owner"],
    ["by_order", "notFound", "unknown"],
    ["owner", "next", "bye"],
    ["unknown", "next", "bye"],
  ],
});

describe("the lookup-customer node in a real call", () => {
  let stack: DevStack;
  beforeAll(async () => {
    stack = await startDevStack({ simulator: { timeScale: 0.2 } });
    await stack.prisma.customerField.create({ data: { key: "orderNumber", labelZh: "订单号", labelEn: "Order number", type: "text" } });
    await stack.prisma.customer.create({ data: { name: "Wang Fang", memberLevel: "VIP", tags: ["VIP客户"], attributes: { orderNumber: "1001" }, phones: { create: [{ number: "+8613800138000" }] } } });
    await stack.prisma.customer.create({ data: { name: "Li Lei", memberLevel: "gold", attributes: { orderNumber: "20261202" }, phones: { create: [{ number: "+8613900139000" }] } } });
    await stack.publishFlow(flow, { did: "6201" });
  });
  afterAll(() => stack?.stop());

  it("finds a VIP by the caller's number in another form and greets them by name", async () => {
    const callId = await stack.placeCall({ to: "6201", from: "+86 138 0013 8000".replaceAll(" ", ""), script: "wait prompt; expect hangup" });
    expect((await stack.waitForCall(callId)).result?.outcome).toBe("completed");
    expect(await promptsHeard(stack, callId)).toEqual([["tts:Welcome back Wang Fang, VIP line"]]);
    const steps = (await stack.getExecution(callId))?.steps ?? [];
    expect(steps.map((step) => [step.nodeId, step.port, step.input])).toEqual([
      ["start", "next", null],
      ["by_caller", "found", "+8613800138000"],
      ["is_vip", "condition:0", null],
      ["vip", "next", null],
      ["bye", null, null],
    ]);
    expect(steps[1]?.varsChanged).toMatchObject({ customer: { before: null, after: { name: "Wang Fang", tier: "VIP", tags: ["VIP客户"], attributes: { orderNumber: "1001" } } } });
  });

  it("finds the customer by the order number an unknown caller types", async () => {
    const callId = await stack.placeCall({ to: "6201", from: "100", script: "wait prompt; press 20261202#; wait prompt; expect hangup" });
    expect((await stack.waitForCall(callId)).result?.outcome).toBe("completed");
    expect(await promptsHeard(stack, callId)).toEqual([["tts:Type your order number"], ["tts:Order of Li Lei, level gold"]]);
    const steps = (await stack.getExecution(callId))?.steps ?? [];
    expect(steps.map((step) => [step.nodeId, step.port])).toEqual([
      ["start", "next"],
      ["by_caller", "notFound"],
      ["order", "next"],
      ["by_order", "found"],
      ["owner", "next"],
      ["bye", null],
    ]);
    const unknown = await stack.placeCall({ to: "6201", from: "100", script: "wait prompt; press 999#; wait prompt; expect hangup" });
    expect((await stack.waitForCall(unknown)).result?.outcome).toBe("completed");
    expect((await promptsHeard(stack, unknown)).at(-1)).toEqual(["tts:Unknown order"]);
  });

  it("keeps the customer a test call pretends, without looking one up", async () => {
    const compiled = compileGraph(flow);
    if (!compiled.ok) throw new Error("flow does not compile");
    const live = await stack.prisma.flow.findFirstOrThrow({ where: { name: "customer greeting" } });
    const snapshot = await stack.prisma.testCallPlan.create({
      data: {
        flowId: live.id,
        plan: JSON.parse(JSON.stringify(compiled.plan)),
        graph: JSON.parse(JSON.stringify(flow)),
        pretend: { variables: [{ name: "customer", value: { name: "Pretend Person", tier: "VIP" } }] },
      },
    });
    // The caller's number belongs to nobody: a lookup would go to "not found".
    const testCall = await stack.placeCall({ to: "test", from: "555", args: ["test", snapshot.id], script: "wait prompt; expect hangup" });
    expect((await stack.waitForCall(testCall)).result?.outcome).toBe("completed");
    expect(await promptsHeard(stack, testCall)).toEqual([["tts:Welcome back Pretend Person, VIP line"]]);
    const step = (await stack.getExecution(testCall))?.steps.find((candidate) => candidate.nodeId === "by_caller");
    expect(step).toMatchObject({ port: "found", detail: { pretendedCustomer: true } });
  });
});
