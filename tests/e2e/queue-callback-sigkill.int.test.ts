import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DevStack } from "@/workers/dev-stack";
import type { AriClient } from "@/workers/ari";
import { callerIn, queueAgents, startQueueStack, startStandardCrm, type QueueAgents } from "../support/queue-calls";
import type { LocalHttpServer } from "../support/local-http";
import { until } from "../support/until";

/**
 * A queued callback survives a SIGKILLed worker (issue #10): the row is in PostgreSQL, the waiting
 * callback in the call's workflow history. The worker is a child process, so the prompts are told
 * apart by their order in the holding bridge (the callback's texts: queue-callback.int.test.ts).
 */
const CRM_KEY = "crm-key-callback-kill";
const TRUNK = "carrier";

describe("queued callback and a SIGKILLed worker", () => {
  let stack: DevStack;
  let crm: LocalHttpServer;
  let ari: AriClient;
  let agents: QueueAgents;

  beforeAll(async () => {
    crm = await startStandardCrm(CRM_KEY);
    ({ stack, ari } = await startQueueStack(crm, CRM_KEY, { worker: "child-process", queueHold: { announceEverySeconds: 2 }, outboundTrunk: TRUNK }));
    await stack.prisma.queue.create({
      data: { name: "agents", displayNameZh: "人工", displayNameEn: "agents", offerTimeoutSeconds: 8, whenFull: { kind: "voicemail" }, whenClosed: { kind: "hangup" }, callbackEnabled: true, callbackAfterSeconds: 0 },
    });
    agents = queueAgents(stack);
    await agents.make("bob", []);
    await stack.simulator?.control.setEndpoint(TRUNK, "answer after 1s");
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
    await crm?.close();
  });

  it("the restarted worker still calls the customer back", { timeout: 240_000 }, async () => {
    const sim = stack.simulator?.control;
    const first = stack.childWorker;
    if (!sim || !first) throw new Error("needs the simulator and a child-process worker");
    const callId = await callerIn(stack, "waiting", "13800000301");
    const playsInHolding = async () => (await sim.log({ kind: "bridgePlayRequest" })).filter((e) => String(Reflect.get(e, "bridgeId")).startsWith(`${callId}~leg~hold-`)).length;
    // The first announcement offers the callback (after 0 s); the next play is the number read back.
    await until("an announcement", async () => ((await playsInHolding()) >= 1 ? true : undefined), 60_000);
    const announcements = await playsInHolding();
    await sim.press(callId, "1");
    await until("the number read back", async () => ((await playsInHolding()) > announcements ? true : undefined), 30_000);
    await sim.press(callId, "1");
    await until("the caller hung up by the queue", async () => ((await sim.getCall(callId)).done ? true : undefined), 30_000);
    expect(await stack.prisma.queuedCall.findUniqueOrThrow({ where: { id: callId } })).toMatchObject({ status: "waiting", callbackStatus: "waiting", callbackNumber: "13800000301" });

    await first.kill("SIGKILL");
    await new Promise((r) => setTimeout(r, 3_000));
    await stack.startChildWorker();
    await agents.set("bob", "available", "answer after 1s");
    const bridge = await until("agent and customer bridged", async () => (await ari.bridges.list()).find((b) => b.id.startsWith(`${callId}~leg~callback-`) && b.channels.length === 2), 90_000);
    const customer = (await sim.log({ kind: "originate" })).find((e) => e.appArgs === `transfer-leg,${callId}` && e.endpoint === `PJSIP/13800000301@${TRUNK}`);
    expect(bridge.channels).toContain(String(customer?.channelId));
    await until("the callback row connected", async () => ((await stack.prisma.queuedCall.findUniqueOrThrow({ where: { id: callId } })).callbackStatus === "connected" ? true : undefined));
    await sim.hangup(String(customer?.channelId));
    const { result } = await stack.waitForCall(callId);
    expect(result?.outcome).toBe("transferred");
  });
});
