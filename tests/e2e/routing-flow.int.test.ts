import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DevStack } from "@/workers/dev-stack";
import type { AriClient } from "@/workers/ari";
import { afterSalesWithCrm, callerIn as callerInQueue, clearQueues, hangUpIfUp, queueAgents, startQueueStackWithVipCrm, talkBridgeOf as talkBridgeOfCall, type QueueAgents } from "../support/queue-calls";
import type { LocalHttpServer } from "../support/local-http";
import { until } from "../support/until";

/**
 * The seed's after-sales IVR, "0" → queue "agents", which names a routing flow (README "Routing
 * flows"): real Temporal, the ARI simulator and PostgreSQL. The routing flow, not the IVR's transfer,
 * sets the priority (`customer_tier == "vip" ? 9 : 5`, the tier the IVR read from the CRM) and widens
 * the call to a second queue after a short wait.
 */
const CRM_KEY = "crm-key-routing";
const VIP = "13811113333";
const LONG = 180_000;
const at = (x: number) => ({ x, y: 0 });

let stack: DevStack;
let crm: LocalHttpServer;
let ari: AriClient;
let agents: QueueAgents;
let routingFlowId: string;
const agent = (name: string) => agents.agent(name);
const callerIn = (status: string, from: string) => callerInQueue(stack, status, from);
const talkBridgeOf = (callId: string) => talkBridgeOfCall(stack, ari, callId);
const queuedCall = (callId: string) => stack.prisma.queuedCall.findUnique({ where: { id: callId } });

/** Routing start → queue "agents" (priority by tier) → on timeout `afterTimeout`; full → voicemail. */
function routingGraph(queue: Record<string, unknown>, afterTimeout: { type: string; data: Record<string, unknown> }) {
  return {
    schemaVersion: 1,
    kind: "routing",
    name: "after-sales routing",
    variables: [{ name: "customer_tier", type: "string", initial: "standard" }],
    nodes: [
      { id: "start", type: "routing-start", position: at(0), data: {} },
      { id: "agents", type: "queue", position: at(200), data: { queue: "agents", priority: 'customer_tier == "vip" ? 9 : 5', skipIfNoAgents: false, ...queue } },
      { id: "then", type: afterTimeout.type, position: at(400), data: afterTimeout.data },
      { id: "voicemail", type: "voicemail", position: at(600), data: {} },
    ],
    edges: [
      { id: "e1", source: "start", sourcePort: "next", target: "agents" },
      { id: "e2", source: "agents", sourcePort: "timeout", target: "then" },
      { id: "e3", source: "agents", sourcePort: "full", target: "voicemail" },
      ...(afterTimeout.type === "widen" ? [{ id: "e4", source: "then", sourcePort: "timeout", target: "voicemail" }] : []),
    ],
  };
}

const hangUp = (callId: string) => hangUpIfUp(stack, callId);

beforeAll(async () => {
  ({ stack, crm, ari } = await startQueueStackWithVipCrm({ crmKey: CRM_KEY, vip: VIP, ariApp: "routing-flow-test", announceEverySeconds: 30 }));
  agents = queueAgents(stack);
  // Published before the queues exist (the IVR names an "after-sales" queue this test has no use for).
  await stack.publishFlow(afterSalesWithCrm(crm.url), { did: "4008001" });
  // The IVR's own transfers say priority 9 with skill vip, or 5: the routing flow decides instead.
  const routing = await stack.publishFlow(routingGraph({ waitSeconds: 600 }, { type: "hangup", data: {} }));
  routingFlowId = routing.flowId;
  await stack.prisma.skill.create({ data: { name: "vip", displayNameZh: "贵宾", displayNameEn: "VIP" } });
  await stack.prisma.skill.create({ data: { name: "sales", displayNameZh: "销售", displayNameEn: "Sales" } });
  const queue = (name: string, zh: string) =>
    stack.prisma.queue.create({ data: { name, displayNameZh: zh, displayNameEn: name, offerTimeoutSeconds: 6, maxWaitSeconds: 600, whenFull: { kind: "voicemail" }, whenClosed: { kind: "hangup" } } });
  await queue("agents", "人工");
  await queue("overflow", "溢出");
  await stack.prisma.queue.update({ where: { name: "agents" }, data: { routingFlowId } });
  await agents.make("alice", ["vip"]);
  await agents.make("carol", ["sales"]);
  await agents.make("dave", ["sales"]);
  await stack.prisma.agentSkill.updateMany({ where: { agentId: agent("dave").id }, data: { proficiency: 5 } });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await crm?.close();
});

beforeEach(() => clearQueues(stack, ari, agents));

describe("routing flow behind a queue", () => {
  it("a VIP caller (tier from the IVR) overtakes two normal callers by the flow's priority expression", async () => {
    const first = await callerIn("waiting", "13800000111");
    const second = await callerIn("waiting", "13800000112");
    const vip = await callerIn("waiting", VIP);
    expect((await queuedCall(first))?.priority).toBe(5);
    expect((await queuedCall(vip))?.priority).toBe(9);
    // Not the IVR's transfer (skill vip): the routing flow's queue step named no skill.
    expect((await queuedCall(vip))?.requiredSkills).toEqual([]);
    await agents.set("alice", "available", "answer after 1s");
    await until("the VIP talks to alice", () => talkBridgeOf(vip), 60_000);
    expect((await queuedCall(vip))?.agentId).toBe(agent("alice").id);
    expect((await queuedCall(first))?.status).toBe("waiting");
    expect((await queuedCall(second))?.status).toBe("waiting");
    await hangUp(vip);
    const done = await stack.waitForCall(vip);
    expect(done.result?.outcome).toBe("transferred");
    const execution = await stack.getExecution(vip);
    expect(execution?.handover).toMatchObject({ kind: "queue", queue: "agents", agentId: agent("alice").id });
    // The routing flow's steps are in the call's trace, under its flow.
    const routingSteps = (execution?.steps ?? []).filter((step) => step.nodeId.startsWith(`${routingFlowId}:`)).map((step) => step.nodeId);
    expect(routingSteps).toEqual([`${routingFlowId}:start`, `${routingFlowId}:agents`]);
    for (const id of [first, second]) await hangUp(id);
  }, LONG);

  it("after a short wait the flow widens the call to a second queue at its place, where an agent it could not have before answers", async () => {
    // Version 2: "agents" needs sales at 5 (carol has 3); after 5 s widen to "overflow" and proficiency 3.
    await stack.publishFlow(
      routingGraph({ waitSeconds: 5, skills: [{ skill: "sales", minProficiency: "5" }], hold: { announceEverySeconds: 2, position: true, estimatedWait: true, comfortText: "感谢您的耐心等待。" } }, { type: "widen", data: { queue: "overflow", minProficiency: 3, waitSeconds: 600 } }),
      { flowId: routingFlowId },
    );
    await agents.set("carol", "available", "answer after 1s");
    const callId = await callerIn("waiting", "13800000121");
    const waiting = await queuedCall(callId);
    expect(waiting?.requiredSkills).toEqual([{ skillId: expect.any(String), minProficiency: 5 }]);
    const bridge = await until("caller and carol in a mixing bridge", () => talkBridgeOf(callId), 60_000);
    expect(bridge.channels).toContain(callId);
    const row = await queuedCall(callId);
    const overflow = await stack.prisma.queue.findUniqueOrThrow({ where: { name: "overflow" } });
    // The same row: its place (arrival) kept, now in the second queue with the wider needs.
    expect(row).toMatchObject({ queueId: overflow.id, agentId: agent("carol").id, requiredSkills: [{ skillId: expect.any(String), minProficiency: 3 }] });
    expect(row?.arrivedAt.getTime()).toBe(waiting?.arrivedAt.getTime());
    // The announcement says the position, the estimate and the comfort message.
    // Position 1 × the queue's mean handling time (180 s without ended calls; the first test's few seconds) ÷ max(1, 0 agents with sales at 5).
    const announced = ((await stack.simulator?.control.log({ kind: "bridgePlayRequest" })) ?? [])
      .filter((entry) => String(entry.bridgeId).startsWith(`${callId}~leg~hold-`))
      .flatMap((entry) => (Array.isArray(entry.media) ? entry.media.map(String) : []))
      .map((uri) => stack.ttsText(uri.slice("sound:".length))?.text);
    expect(announced[0]).toMatch(/^您是下一位，请稍候。 预计等待约[13]分钟。 感谢您的耐心等待。$/);
    await hangUp(callId);
    const done = await stack.waitForCall(callId);
    expect(done.result?.outcome).toBe("transferred");
    const steps = (await stack.getExecution(callId))?.steps ?? [];
    expect(steps.filter((step) => step.nodeId.startsWith(`${routingFlowId}:`)).map((step) => [step.nodeId.slice(routingFlowId.length + 1), step.port])).toEqual([
      ["start", "next"],
      ["agents", "timeout"],
      ["then", null],
    ]);
    const detail = JSON.stringify(steps.find((step) => step.nodeId === "to_agents")?.detail);
    for (const event of ['"event":"queued"', '"event":"timeout"', '"event":"widened"', '"queue":"overflow"', '"event":"connected"']) expect(detail).toContain(event);
  }, LONG);

  describe("version 3: skip_if no agent, then overflow queue to queue", () => {
    beforeAll(async () => {
      await stack.publishFlow(
        {
          schemaVersion: 1,
          kind: "routing",
          variables: [],
          nodes: [
            { id: "start", type: "routing-start", position: at(0), data: {} },
            { id: "experts", type: "queue", position: at(200), data: { queue: "agents", skills: [{ skill: "sales", minProficiency: "5" }], waitSeconds: 5 } },
            { id: "anyone", type: "queue", position: at(400), data: { queue: "overflow", skipIfNoAgents: false, waitSeconds: 600 } },
            { id: "voicemail", type: "voicemail", position: at(600), data: {} },
          ],
          edges: [
            { id: "e1", source: "start", sourcePort: "next", target: "experts" },
            { id: "e2", source: "experts", sourcePort: "timeout", target: "anyone" },
            { id: "e3", source: "experts", sourcePort: "full", target: "voicemail" },
            { id: "e4", source: "experts", sourcePort: "no-agents", target: "voicemail" },
            { id: "e5", source: "anyone", sourcePort: "timeout", target: "voicemail" },
            { id: "e6", source: "anyone", sourcePort: "full", target: "voicemail" },
          ],
        },
        { flowId: routingFlowId },
      );
    });

    it("no agent who could serve is signed in: the voicemail step hands the call back to the IVR's failed path", async () => {
      const callId = await stack.placeCall({ to: "4008001", from: "13800000131", script: "wait prompt; press 0" });
      const execution = await until("the IVR went on after the transfer", async () => {
        const found = await stack.getExecution(callId);
        return found?.steps.some((step) => step.nodeId === "agents_busy") ? found : undefined;
      }, 60_000);
      const steps = execution.steps.map((step) => [step.nodeId.replace(`${routingFlowId}:`, "routing:"), step.port]);
      expect(steps).toEqual(expect.arrayContaining([["routing:experts", "no-agents"], ["routing:voicemail", null], ["to_agents", "failed"]]));
      expect(JSON.stringify(execution.steps.find((step) => step.nodeId === "to_agents")?.error)).toContain("routing flow: voicemail");
      expect(await queuedCall(callId)).toBeNull();
      await hangUp(callId);
      await stack.waitForCall(callId);
    }, LONG);

    it("an expert is signed in but busy: after the wait the call overflows to the next queue, where any agent answers", async () => {
      const applied = await agents.queues.queueSetAgentState({ agentId: agent("dave").id, state: "not_ready", reasonId: "reason-no-answer" });
      expect(applied.refused).toBeNull();
      await agents.set("carol", "available", "answer after 1s");
      const callId = await callerIn("waiting", "13800000141");
      expect((await queuedCall(callId))?.queueId).toBe((await stack.prisma.queue.findUniqueOrThrow({ where: { name: "agents" } })).id);
      await until("caller and carol in a mixing bridge", () => talkBridgeOf(callId), 60_000);
      // Left the first queue; a new stay in the second.
      expect((await queuedCall(callId))?.status).toBe("abandoned");
      expect(await queuedCall(`${callId}~1~overflow`)).toMatchObject({ status: "connected", agentId: agent("carol").id });
      await hangUp(callId);
      const done = await stack.waitForCall(callId);
      expect(done.result?.outcome).toBe("transferred");
      expect((await stack.getExecution(callId))?.handover).toMatchObject({ queue: "overflow", agentId: agent("carol").id });
    }, LONG);
  });

  describe("version 4: the routing flow looks the caller up itself", () => {
    beforeAll(async () => {
      await stack.publishFlow(
        {
          schemaVersion: 1,
          kind: "routing",
          variables: [],
          nodes: [
            { id: "start", type: "routing-start", position: at(0), data: {} },
            { id: "lookup", type: "lookup-customer", position: at(200), data: {} },
            { id: "agents", type: "queue", position: at(400), data: { queue: "agents", priority: 'customer.tier == "VIP" ? 9 : 5', skipIfNoAgents: false, waitSeconds: 600 } },
            { id: "voicemail", type: "voicemail", position: at(600), data: {} },
          ],
          edges: [
            { id: "e1", source: "start", sourcePort: "next", target: "lookup" },
            { id: "e2", source: "lookup", sourcePort: "found", target: "agents" },
            { id: "e3", source: "lookup", sourcePort: "notFound", target: "agents" },
            { id: "e4", source: "agents", sourcePort: "timeout", target: "voicemail" },
            { id: "e5", source: "agents", sourcePort: "full", target: "voicemail" },
          ],
        },
        { flowId: routingFlowId },
      );
      await stack.prisma.customer.create({ data: { name: "王芳", memberLevel: "VIP", phones: { create: { number: "+8613800000151" } } } });
    });

    it("a caller the customer base knows as VIP gets the priority from customer.tier, a stranger the default", async () => {
      const member = await callerIn("waiting", "13800000151");
      const stranger = await callerIn("waiting", "13800000152");
      expect((await queuedCall(member))?.priority).toBe(9);
      expect((await queuedCall(stranger))?.priority).toBe(5);
      for (const id of [member, stranger]) await hangUp(id);
      const routingSteps = async (callId: string) => {
        await stack.waitForCall(callId);
        const steps = (await stack.getExecution(callId))?.steps ?? [];
        return steps.filter((step) => step.nodeId.startsWith(`${routingFlowId}:`)).map((step) => [step.nodeId.slice(routingFlowId.length + 1), step.port]);
      };
      expect((await routingSteps(member)).slice(0, 2)).toEqual([["start", "next"], ["lookup", "found"]]);
      expect((await routingSteps(stranger)).slice(0, 2)).toEqual([["start", "next"], ["lookup", "notFound"]]);
    }, LONG);
  });
});
