import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DevStack } from "@/workers/dev-stack";
import type { AriClient } from "@/workers/ari";
import { getCall } from "@/app/_server/calls/get-call";
import { readAgentDesk } from "@/app/_server/queues/agent-desk";
import { callerIn as callerInQueue, queueAgents, startQueueStack, startStandardCrm, talkBridgeOf, type QueueAgents } from "../support/queue-calls";
import type { LocalHttpServer } from "../support/local-http";
import { until } from "../support/until";

/**
 * Queued callback and recording with consent (issue #10) on real Temporal, the ARI simulator and PostgreSQL (the worker in
 * process, so the TTS texts can be told): the seed's after-sales IVR, "0" → queue "agents", which
 * offers a callback at once. Customers are called through the trunk "carrier" (a simulator endpoint
 * whose script says whether the customer answers).
 */
const CRM_KEY = "crm-key-callback";
const LONG = 240_000;
const TRUNK = "carrier";

let stack: DevStack;
let crm: LocalHttpServer;
let ari: AriClient;
let agents: QueueAgents;
const agent = (name: string) => agents.agent(name);
const callerIn = (status: string, from: string) => callerInQueue(stack, status, from);
const queuedCall = (callId: string) => stack.prisma.queuedCall.findUniqueOrThrow({ where: { id: callId } });
const agentRow = (name: string) => stack.prisma.agentProfile.findUniqueOrThrow({ where: { userId: agent(name).id } });
const sim = () => {
  const control = stack.simulator?.control;
  if (!control) throw new Error("needs the simulator");
  return control;
};

/** The TTS texts played in the bridges whose id starts with `prefix`, in order. */
async function textsInBridges(prefix: string): Promise<string[]> {
  const plays = await sim().log({ kind: "bridgePlayRequest" });
  return plays.flatMap((entry) => {
    const bridgeId = Reflect.get(entry, "bridgeId");
    const media = Reflect.get(entry, "media");
    if (typeof bridgeId !== "string" || !bridgeId.startsWith(prefix) || !Array.isArray(media)) return [];
    return media.map((uri) => {
      const url = String(uri).replace(/^sound:/, "");
      return stack.ttsText(url)?.text ?? String(uri);
    });
  });
}

const heardInHolding = (callId: string) => textsInBridges(`${callId}~leg~hold-`);

/** The caller asks for a callback to the number it calls from: key 1 in the announcement, 1 to confirm. */
async function requestCallback(callId: string): Promise<void> {
  await until("the callback offer announced", async () => ((await heardInHolding(callId)).some((t) => t.includes("如需回拨，请按1")) ? true : undefined), 60_000);
  await sim().press(callId, "1");
  await until("the number read back", async () => ((await heardInHolding(callId)).some((t) => t.startsWith("我们将回拨您的号码")) ? true : undefined), 30_000);
  await sim().press(callId, "1");
  await until("the caller hung up by the queue", async () => ((await sim().getCall(callId)).done ? true : undefined), 30_000);
}

/** The originated leg of this call that dialled the customer through the trunk. */
async function customerLegs(callId: string, number: string): Promise<string[]> {
  const originates = await sim().log({ kind: "originate" });
  return originates.filter((e) => e.appArgs === `transfer-leg,${callId}` && e.endpoint === `PJSIP/${number}@${TRUNK}`).map((e) => String(e.channelId));
}

beforeAll(async () => {
  crm = await startStandardCrm(CRM_KEY);
  ({ stack, ari } = await startQueueStack(crm, CRM_KEY, { queueHold: { mohClass: "default", announceEverySeconds: 2 }, outboundTrunk: TRUNK }));
  agents = queueAgents(stack);
  await stack.prisma.queue.create({
    data: {
      name: "agents",
      displayNameZh: "人工",
      displayNameEn: "agents",
      offerTimeoutSeconds: 8,
      maxWaitSeconds: 600,
      whenFull: { kind: "voicemail" },
      whenClosed: { kind: "hangup" },
      callbackEnabled: true,
      callbackAfterSeconds: 0,
      callbackKey: "1",
      callbackRetries: 1,
      callbackRetrySeconds: 2,
    },
  });
  await agents.make("bob", []);
  await agents.make("carol", []);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await crm?.close();
});

beforeEach(async () => {
  for (const channel of await ari.channels.list()) await ari.channels.hangup(channel.id).catch(() => undefined);
  await until("no call in a queue", async () => ((await stack.prisma.queuedCall.count({ where: { status: { in: ["waiting", "offered", "connected"] } } })) === 0 ? true : undefined), 60_000);
  for (const name of agents.names()) await agents.queues.queueSetAgentState({ agentId: agent(name).id, state: "offline" });
  await sim().setEndpoint(TRUNK, "answer after 1s");
  await stack.prisma.queue.update({ where: { name: "agents" }, data: { callbackEnabled: true, recording: "off", offerTimeoutSeconds: 8 } });
});

describe("queued callback", () => {
  it("the caller keeps its place; the agent is rung first, hears who it is, then the customer is called and bridged", async () => {
    const first = await callerIn("waiting", "13800000101");
    const arrivedAt = (await queuedCall(first)).arrivedAt;
    await requestCallback(first);
    const marked = await queuedCall(first);
    expect(marked).toMatchObject({ status: "waiting", callbackNumber: "13800000101", callbackStatus: "waiting", callbackAttempt: 1, priority: 5 });
    expect(marked.arrivedAt).toEqual(arrivedAt);

    // A later caller does not overtake the callback.
    const later = await callerIn("waiting", "13800000102");
    await agents.set("bob", "available", "answer after 1s");
    const bridge = await until("agent and customer in one bridge", async () => {
      const bridges = await ari.bridges.list();
      return bridges.find((b) => b.id.startsWith(`${first}~leg~callback-`) && b.channels.length === 2);
    }, 60_000);
    const connected = await until("the callback row connected", async () => {
      const row = await queuedCall(first);
      return row.callbackStatus === "connected" ? row : undefined;
    });
    expect(connected).toMatchObject({ status: "connected", agentId: agent("bob").id });
    // The agent page shows it as a callback, with the number.
    expect((await readAgentDesk(agent("bob").id, stack.prisma))?.call).toMatchObject({ id: first, status: "connected", callbackNumber: "13800000101" });
    expect((await queuedCall(later)).status).toBe("waiting");

    // The agent was rung first and heard the announcement before the customer was dialled.
    const originates = (await sim().log({ kind: "originate" })).filter((e) => e.appArgs === `transfer-leg,${first}`);
    expect(originates.map((e) => e.endpoint)).toEqual([`PJSIP/${agent("bob").extension}`, `PJSIP/13800000101@${TRUNK}`]);
    const agentHeard = await textsInBridges(`${first}~leg~callback-`);
    expect(agentHeard).toEqual(["回拨客户 1 3 8 0 0 0 0 0 1 0 1，正在为您接通。"]);
    const [customerLeg] = await customerLegs(first, "13800000101");
    expect(bridge.channels).toContain(customerLeg);

    // The customer hangs up: the agent's leg goes, the agent to wrap-up.
    await sim().hangup(customerLeg ?? "");
    await until("bob in wrap-up", async () => ((await agentRow("bob")).state === "wrap_up" ? true : undefined), 30_000);
    const { result } = await stack.waitForCall(first);
    expect(result?.outcome).toBe("transferred");
    expect((await queuedCall(first)).status).toBe("ended");
    expect((await stack.getExecution(first))?.handover).toMatchObject({ kind: "queue", agentId: agent("bob").id, endedBy: "caller" });
    await until("no bridge of the callback", async () => ((await ari.bridges.list()).some((b) => b.id.startsWith(`${first}~leg~callback-`)) ? undefined : true));
    await sim().hangup(later);
  }, LONG);

  it("a customer who is busy is retried, then the callback is marked failed; the agent wraps up each time", async () => {
    await sim().setEndpoint(TRUNK, "busy");
    const callId = await callerIn("waiting", "13800000201");
    await requestCallback(callId);
    await agents.set("bob", "available", "answer after 1s");
    await until("bob in wrap-up after the first attempt", async () => ((await agentRow("bob")).state === "wrap_up" ? true : undefined), 60_000);
    await until("the first attempt marked retried", async () => ((await queuedCall(callId)).callbackStatus === "retried" ? true : undefined));
    expect((await queuedCall(callId)).status).toBe("ended");
    const retry = `${callId}~cb~2`;
    const requeued = await until("the retry's row, marked a callback", async () => {
      const row = await stack.prisma.queuedCall.findUnique({ where: { id: retry } });
      return row?.callbackStatus === null ? undefined : (row ?? undefined);
    }, 30_000);
    expect(requeued).toMatchObject({ callbackNumber: "13800000201", callbackAttempt: 2 });
    await agents.set("carol", "available", "answer after 1s");
    const { result } = await stack.waitForCall(callId);
    expect(result?.outcome).not.toBe("transferred");
    expect((await queuedCall(retry))).toMatchObject({ status: "ended", callbackStatus: "callback-failed" });
    // Ended rows let their agent go; the state log says who took the retry.
    expect(await stack.prisma.agentStateChange.count({ where: { agentId: agent("carol").id, callId: retry, state: "wrap_up" } })).toBe(1);
    expect(await customerLegs(callId, "13800000201")).toHaveLength(2);
    await until("carol in wrap-up", async () => ((await agentRow("carol")).state === "wrap_up" ? true : undefined), 30_000);
  }, LONG);
});

describe("recording with consent", () => {
  /** The caller hears the notice as it enters the queue; with `press`, it agrees. Then bob answers and the caller hangs up. */
  async function talkAfterNotice(from: string, press: boolean) {
    // The first ring waits for the notice and the key (README): the offer rings long enough for both.
    await stack.prisma.queue.update({ where: { name: "agents" }, data: { callbackEnabled: false, recording: "ask", offerTimeoutSeconds: 25 } });
    const callId = await callerIn("waiting", from);
    await until("the recording notice", async () => ((await heardInHolding(callId)).includes("为保证服务质量，本次通话将被录音，同意录音请按1。") ? true : undefined), 30_000);
    if (press) await sim().press(callId, "1");
    await agents.set("bob", "available", "answer after 1s");
    const bridge = await until("caller and bob talk", () => talkBridgeOf(stack, ari, callId), 60_000);
    await new Promise((r) => setTimeout(r, 1_500));
    await sim().hangup(callId);
    const { result } = await stack.waitForCall(callId);
    expect(result?.outcome).toBe("transferred");
    return { callId, bridgeId: bridge.id };
  }

  it("consent given (1): the mixing bridge is recorded and the recording is listed with the call", async () => {
    const { callId, bridgeId } = await talkAfterNotice("13800000401", true);
    const records = (await sim().log({ kind: "record" })).filter((e) => String(Reflect.get(e, "name")).includes(bridgeId));
    expect(records).toHaveLength(1);
    const row = await queuedCall(callId);
    expect(row.recordingName).toBe(String(Reflect.get(records[0] ?? {}, "name")));
    const stored = await ari.recordings.getStored(row.recordingName ?? "");
    expect(stored.name).toBe(row.recordingName);
    const execution = await stack.getExecution(callId);
    const detail = await getCall(execution?.id ?? "", stack.prisma);
    expect(detail.recordings.map((r) => r.name)).toEqual([row.recordingName]);
    expect(detail.recordings[0]?.fileUrl).toContain(`/api/calls/${encodeURIComponent(execution?.id ?? "")}/recordings/`);
  }, LONG);

  it("no consent: the call is not recorded", async () => {
    const { callId, bridgeId } = await talkAfterNotice("13800000402", false);
    expect((await sim().log({ kind: "record" })).filter((e) => String(Reflect.get(e, "name")).includes(bridgeId))).toEqual([]);
    expect((await queuedCall(callId)).recordingName).toBeNull();
    const execution = await stack.getExecution(callId);
    expect((await getCall(execution?.id ?? "", stack.prisma)).recordings).toEqual([]);
  }, LONG);
});
