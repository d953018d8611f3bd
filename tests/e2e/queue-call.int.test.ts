import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sendAgentAction, temporalAgentActionSignal } from "@/app/_server/queues/send-agent-action";
import type { DevStack } from "@/workers/dev-stack";
import type { AriClient } from "@/workers/ari";
import { afterSalesWithCrm, callerIn as callerInQueue, clearQueues, hangUpIfUp, queueAgents, startQueueStackWithVipCrm, talkBridgeOf as talkBridgeOfCall, type QueueAgents } from "../support/queue-calls";
import type { LocalHttpServer } from "../support/local-http";
import { until } from "../support/until";

/**
 * The seed's after-sales IVR, "0" → the product's queue (issue #10, media): real Temporal, the ARI
 * simulator's agent endpoints and PostgreSQL. The CRM says 13811112222 is a VIP (queue "agents",
 * priority 9, skill "vip"); everyone else goes to "agents" with priority 5.
 */
const CRM_KEY = "crm-key-queue";
const VIP = "13811112222";
const PRESS_ZERO = "wait prompt; press 0";
const LONG = 180_000;

let stack: DevStack;
let crm: LocalHttpServer;
let ari: AriClient;
let agents: QueueAgents;
let queues: QueueAgents["queues"];
const agent = (name: string) => agents.agent(name);
const setAgent = (name: string, state: "available" | "offline", endpointScript?: string) => agents.set(name, state, endpointScript);
const callerIn = (status: string, from: string) => callerInQueue(stack, status, from);
const talkBridgeOf = (callId: string) => talkBridgeOfCall(stack, ari, callId);
const queuedCall = (callId: string) => stack.prisma.queuedCall.findUnique({ where: { id: callId } });
const agentRow = (name: string) => stack.prisma.agentProfile.findUniqueOrThrow({ where: { userId: agent(name).id } });

const hangUp = (callId: string) => hangUpIfUp(stack, callId);

beforeAll(async () => {
  ({ stack, crm, ari } = await startQueueStackWithVipCrm({ crmKey: CRM_KEY, vip: VIP, ariApp: "queue-call-test", announceEverySeconds: 2 }));
  agents = queueAgents(stack);
  queues = agents.queues;
  await stack.publishFlow(afterSalesWithCrm(crm.url), { did: "4008001" });
  await stack.prisma.skill.create({ data: { name: "vip", displayNameZh: "贵宾", displayNameEn: "VIP" } });
  const queue = (name: string, zh: string) =>
    stack.prisma.queue.create({ data: { name, displayNameZh: zh, displayNameEn: name, offerTimeoutSeconds: 6, maxWaitSeconds: 600, whenFull: { kind: "voicemail" }, whenClosed: { kind: "hangup" } } });
  await queue("agents", "人工");
  await queue("overflow", "溢出");
  await agents.make("alice", ["vip"]);
  await agents.make("bob", []);
  await agents.make("carol", []);
  await agents.make("erin", [], ["en"]);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await crm?.close();
});

beforeEach(async () => {
  // Every test starts with no call left, all agents signed out and the queues' defaults.
  await clearQueues(stack, ari, agents);
  await stack.prisma.queue.update({ where: { name: "agents" }, data: { maxWaitSeconds: 600, whenFull: { kind: "voicemail" }, offerTimeoutSeconds: 6 } });
});

describe("queue call path: caller presses 0 and talks to an agent", () => {
  it("an available agent answers: both in a mixing bridge, the agent's call carries the IVR variables; caller hangs up → agent in wrap-up", async () => {
    await setAgent("bob", "available", "answer after 1s");
    const callId = await stack.placeCall({ to: "4008001", from: "13800000000", script: PRESS_ZERO });
    const bridge = await until("caller and bob in a mixing bridge", () => talkBridgeOf(callId), 60_000);
    const connected = await until("connected row", async () => {
      const row = await queuedCall(callId);
      return row?.status === "connected" ? row : undefined;
    });
    expect(connected.agentId).toBe(agent("bob").id);
    expect(connected.callerNumber).toBe("13800000000");
    expect(connected.dialedNumber).toBe("4008001");
    expect(connected.workflowId).toBe(`call-${callId}`);
    expect(connected.variables).toMatchObject({ customer_tier: "standard", menu_choice: "0" });
    const agentLeg = bridge.channels.find((id) => id !== callId);
    expect(agentLeg).toBeDefined();
    expect((await stack.simulator?.control.getCall(agentLeg ?? ""))?.endpoint).toBe(`PJSIP/${agent("bob").extension}`);
    expect((await stack.simulator?.control.getCall(callId))?.hearsMoh).toBeNull();

    await stack.simulator?.control.hangup(callId);
    const { result } = await stack.waitForCall(callId);
    expect(result?.outcome).toBe("transferred");
    await until("bob in wrap-up", async () => ((await agentRow("bob")).state === "wrap_up" ? true : undefined));
    await until("agent leg hung up", async () => ((await stack.simulator?.control.getCall(agentLeg ?? ""))?.done ? true : undefined));
    expect((await queuedCall(callId))?.status).toBe("ended");
    const execution = await stack.getExecution(callId);
    expect(execution?.handover).toMatchObject({ kind: "queue", queue: "agents", agentId: agent("bob").id, endedBy: "caller" });
    const transferStep = execution?.steps.find((s) => s.nodeId === "to_agents");
    const events = JSON.stringify(transferStep?.detail);
    for (const event of ["queued", "offered", "connected", "ended"]) expect(events).toContain(`"event":"${event}"`);
    expect(await ari.bridges.list()).toEqual([]);
  }, LONG);

  it("waiting caller hears MOH and position announcements; hangs up → out of the queue at once", async () => {
    const callId = await callerIn("waiting", "13800000001");
    await until("caller hears MOH", async () => ((await stack.simulator?.control.getCall(callId))?.hearsMoh === "default" ? true : undefined));
    const bridgeId = (await stack.simulator?.control.getCall(callId))?.bridgeId;
    expect(bridgeId?.startsWith(`${callId}~leg~hold-`)).toBe(true);
    const announced = await until("a position announcement in the holding bridge", async () => {
      const plays = (await stack.simulator?.control.log({ kind: "bridgePlayRequest" })) ?? [];
      return plays.find((e) => JSON.stringify(e).includes(bridgeId ?? "-"));
    }, 30_000);
    expect(JSON.stringify(announced)).toContain("sound:");
    // The music comes back after the announcement.
    await until("MOH again", async () => ((await stack.simulator?.control.log({ kind: "bridgeMohStart" })) ?? []).filter((e) => JSON.stringify(e).includes(bridgeId ?? "-")).length >= 2 ? true : undefined, 30_000);
    const hungUpAt = Date.now();
    await stack.simulator?.control.hangup(callId);
    await until("abandoned", async () => ((await queuedCall(callId))?.status === "abandoned" ? true : undefined));
    expect(Date.now() - hungUpAt).toBeLessThan(15_000);
    await until("no bridge left", async () => ((await ari.bridges.list()).length === 0 ? true : undefined));
  }, LONG);

  it("caller hangs up while an agent rings: the agent is available again and the leg goes", async () => {
    await setAgent("bob", "available", "no answer");
    const callId = await callerIn("offered", "13800000002");
    const leg = await until("bob's leg ringing", async () => {
      const channels = await ari.channels.list();
      return channels.find((c) => c.id.startsWith(`${callId}~leg~`))?.id;
    });
    await stack.simulator?.control.hangup(callId);
    await until("bob available", async () => ((await agentRow("bob")).state === "available" ? true : undefined));
    expect((await queuedCall(callId))?.status).toBe("abandoned");
    await until("leg gone", async () => ((await stack.simulator?.control.getCall(leg))?.done ? true : undefined));
  }, LONG);

  it("the call's language (zh-CN) is matched: an en-only agent free beside it is not offered it, a zh agent is", async () => {
    await setAgent("erin", "available", "answer after 1s");
    // Waiting, not offered: the enqueue itself would have offered it to a free agent who meets it.
    const callId = await callerIn("waiting", "13800000051");
    expect((await queuedCall(callId))?.language).toBe("zh-CN");
    await new Promise((r) => setTimeout(r, 2_000));
    expect((await queuedCall(callId))?.status).toBe("waiting");
    expect((await agentRow("erin")).state).toBe("available");
    await setAgent("bob", "available", "answer after 1s");
    await until("bob talks", () => talkBridgeOf(callId), 60_000);
    expect((await queuedCall(callId))?.agentId).toBe(agent("bob").id);
    await hangUp(callId);
    await stack.waitForCall(callId);
  }, LONG);

  it("a VIP caller overtakes two normal callers when an agent becomes available", async () => {
    const first = await callerIn("waiting", "13800000011");
    const second = await callerIn("waiting", "13800000012");
    const vip = await callerIn("waiting", VIP);
    expect((await queuedCall(vip))?.priority).toBe(9);
    await setAgent("alice", "available", "answer after 1s");
    await until("VIP talks to alice", () => talkBridgeOf(vip), 60_000);
    expect((await queuedCall(vip))?.agentId).toBe(agent("alice").id);
    expect((await queuedCall(first))?.status).toBe("waiting");
    expect((await queuedCall(second))?.status).toBe("waiting");
    for (const id of [first, second, vip]) await hangUp(id);
    await until("all left", async () => ((await stack.prisma.queuedCall.count({ where: { id: { in: [first, second, vip] }, status: { in: ["waiting", "offered", "connected"] } } })) === 0 ? true : undefined));
  }, LONG);

  it("an agent declines on the agent page → the next agent answers", async () => {
    await setAgent("bob", "available", "no answer");
    const callId = await callerIn("offered", "13800000021");
    expect((await queuedCall(callId))?.agentId).toBe(agent("bob").id);
    await setAgent("carol", "available", "answer after 1s");
    const session = { userId: agent("bob").id, role: "agent" as const, locale: "zh-CN" as const, name: "bob", email: "bob@example.test" };
    await sendAgentAction(session, { action: "decline" }, { db: stack.prisma, signal: temporalAgentActionSignal(async () => stack.temporal.client) });
    await until("carol talks", () => talkBridgeOf(callId), 60_000);
    const row = await queuedCall(callId);
    expect(row?.agentId).toBe(agent("carol").id);
    expect(row?.declinedBy).toContain(agent("bob").id);
    expect((await agentRow("bob")).state).toBe("available");
    // Carol hangs up from the agent page: the caller goes too, carol to wrap-up.
    const carol = { ...session, userId: agent("carol").id, name: "carol", email: "carol@example.test" };
    await sendAgentAction(carol, { action: "hangup" }, { db: stack.prisma, signal: temporalAgentActionSignal(async () => stack.temporal.client) });
    const { result } = await stack.waitForCall(callId);
    expect(result?.outcome).toBe("transferred");
    expect((await stack.getExecution(callId))?.handover).toMatchObject({ agentId: agent("carol").id, endedBy: "agent-page" });
    await until("carol in wrap-up", async () => ((await agentRow("carol")).state === "wrap_up" ? true : undefined));
  }, LONG);

  it("an agent does not answer → 未接听, the next agent answers", async () => {
    await stack.prisma.queue.update({ where: { name: "agents" }, data: { offerTimeoutSeconds: 3 } });
    await setAgent("bob", "available", "no answer");
    const callId = await callerIn("offered", "13800000031");
    await setAgent("carol", "available", "answer after 1s");
    await until("carol talks", () => talkBridgeOf(callId), 60_000);
    const bob = await agentRow("bob");
    expect(bob.state).toBe("not_ready");
    expect(bob.stateReasonId).toBe("reason-no-answer");
    await hangUp(callId);
    await stack.waitForCall(callId);
  }, LONG);

  it("max wait → overflow to a second queue, where an agent answers", async () => {
    await stack.prisma.queue.update({ where: { name: "agents" }, data: { maxWaitSeconds: 3, whenFull: { kind: "queue", queue: "overflow" } } });
    const callId = await callerIn("waiting", "13800000041");
    const overflow = await stack.prisma.queue.findUniqueOrThrow({ where: { name: "overflow" } });
    const inOverflow = await until("in the overflow queue", async () => {
      const row = await queuedCall(`${callId}~overflow`);
      return row?.status === "waiting" ? row : undefined;
    }, 30_000);
    expect(inOverflow.queueId).toBe(overflow.id);
    expect((await queuedCall(callId))?.status).toBe("abandoned");
    await setAgent("carol", "available", "answer after 1s");
    await until("carol talks", () => talkBridgeOf(callId), 60_000);
    await hangUp(callId);
    const done = await stack.waitForCall(callId);
    expect(done.result?.outcome).toBe("transferred");
    const steps = (await stack.getExecution(callId))?.steps ?? [];
    const detail = JSON.stringify(steps.find((s) => s.nodeId === "to_agents")?.detail);
    expect(detail).toContain('"event":"max-wait"');
    expect(detail).toContain('"to":"overflow"');
    expect((await stack.getExecution(callId))?.handover).toMatchObject({ queue: "overflow", agentId: agent("carol").id });
  }, LONG);
});
