import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevStack, type DevStack } from "@/workers/dev-stack";
import { createAriClient, type AriClient } from "@/workers/ari";
import { createQueueCallActivities } from "@/workers/queues/queue-call-activities";
import { afterSalesWithCrm, callerIn, queueAgents, talkBridgeOf, type QueueAgents } from "../support/queue-calls";
import { sendJson, allowLocalServer, startLocalHttpServer, type LocalHttpServer } from "../support/local-http";
import { until } from "../support/until";

/**
 * The worker (a child process: it runs the call workflows, the queue clock and the offer dispatcher)
 * is killed with SIGKILL while 20 callers wait and 5 talk. Nothing of the queue lived only in it.
 */
const CRM_KEY = "crm-key-queue-kill";
const WAITING = 20;
const TALKING = 5;
/** Agents signed in after the restart, one at a time: each must take the longest-waiting caller. */
const NEXT = 3;

/** The waiting calls in the matcher's order (priority, then arrival, then id) with what orders them. */
async function waitingOrder(stack: DevStack) {
  const rows = await stack.prisma.queuedCall.findMany({ where: { status: "waiting" }, select: { id: true, priority: true, arrivedAt: true } });
  return rows.sort((a, b) => b.priority - a.priority || a.arrivedAt.getTime() - b.arrivedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

describe("queue calls survive a SIGKILLed worker", () => {
  let stack: DevStack;
  let crm: LocalHttpServer;
  let ari: AriClient;
  let agents: QueueAgents;

  beforeAll(async () => {
    crm = await startLocalHttpServer((req, res) => {
      if (req.headers["x-api-key"] === CRM_KEY) return sendJson(res, 200, { data: { tier: "standard" } });
      sendJson(res, 403, { error: "forbidden" });
    });
    stack = await startDevStack({
      worker: "child-process",
      simulator: { timeScale: 1, openEndpoints: false, scriptTimeoutMs: 600_000 },
      secrets: { CRM_API_KEY: CRM_KEY, SHOP_API_TOKEN: "unused" },
      httpPolicy: allowLocalServer(crm, ["CRM_API_KEY", "SHOP_API_TOKEN"]),
      queueHold: { announceEverySeconds: 3 },
    });
    const simUrl = stack.simulator?.url;
    if (!simUrl) throw new Error("needs the simulator");
    ari = createAriClient({ url: simUrl, username: "asterisk", password: "asterisk", app: "queue-kill-test" });
    await stack.publishFlow(afterSalesWithCrm(crm.url), { did: "4008001" });
    await stack.prisma.queue.create({ data: { name: "agents", displayNameZh: "人工", displayNameEn: "agents", offerTimeoutSeconds: 10, maxWaitSeconds: 600, whenFull: { kind: "voicemail" }, whenClosed: { kind: "hangup" } } });
    await stack.prisma.skill.create({ data: { name: "vip", displayNameZh: "贵宾", displayNameEn: "VIP" } });
    agents = queueAgents(stack);
    for (let i = 0; i < TALKING; i += 1) await agents.make(`talker${i}`, []);
    for (let k = 0; k < NEXT; k += 1) await agents.make(`next${k}`, []);
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
    await crm?.close();
  });

  it("waiting calls still wait in order and the talking calls still talk on a restarted worker", { timeout: 300_000 }, async () => {
    const first = stack.childWorker;
    if (!first) throw new Error("needs a child-process worker");
    /** How often the music was started in each bridge so far (the simulator's log). */
    const mohStarts = async () => {
      const counts = new Map<string, number>();
      for (const entry of (await stack.simulator?.control.log({ kind: "bridgeMohStart" })) ?? []) {
        const bridgeId = Reflect.get(entry, "bridgeId");
        if (typeof bridgeId === "string") counts.set(bridgeId, (counts.get(bridgeId) ?? 0) + 1);
      }
      return counts;
    };
    for (let i = 0; i < TALKING; i += 1) await agents.set(`talker${i}`, "available", "answer after 1s");
    const talking = await Promise.all(Array.from({ length: TALKING }, (_, i) => callerIn(stack, "connected", `1380000010${i}`)));
    const bridges = await Promise.all(talking.map((id) => until(`${id} talking`, () => talkBridgeOf(stack, ari, id), 60_000)));
    // Callers arrive a little apart (several at a time through the IVR); the queue's order is whatever arrived first.
    await Promise.all(Array.from({ length: WAITING }, async (_, i) => {
      await new Promise((r) => setTimeout(r, i * 150));
      return callerIn(stack, "waiting", `138000002${String(i).padStart(2, "0")}`);
    }));
    const before = await waitingOrder(stack);
    expect(before).toHaveLength(WAITING);
    const waiting = before.map((row) => row.id);
    // Waiting means held: in the holding bridge (a worker killed between the enqueue's commit and its
    // result would only hold the caller once Temporal retries the enqueue, after its 10 s timeout).
    await Promise.all(waiting.map((id) => until(`${id} held`, async () => ((await stack.simulator?.control.getCall(id))?.bridgeId?.startsWith(`${id}~leg~hold-`) ? true : undefined), 30_000)));

    await first.kill("SIGKILL");
    // Time passes without a worker: announcements are due, the dispatcher and the clock are dead.
    await new Promise((r) => setTimeout(r, 4_000));
    for (const id of [...talking, ...waiting]) expect((await stack.simulator?.control.getCall(id))?.done, id).toBe(false);
    const mohBeforeRestart = await mohStarts();
    await stack.startChildWorker();

    // Still waiting in the same order (in their holding bridges, with music), still talking in the same bridges.
    await new Promise((r) => setTimeout(r, 6_000));
    expect(await waitingOrder(stack)).toEqual(before);
    // What the position announcement says: the first is next, the last has everyone else ahead.
    const { queuePosition } = createQueueCallActivities(stack.prisma, { mohClass: "default", announceEverySeconds: 3 });
    expect(await queuePosition(waiting[0] ?? "")).toBe(1);
    expect(await queuePosition(waiting[WAITING - 1] ?? "")).toBe(WAITING);
    const holdingBridges = await Promise.all(waiting.map(async (id) => (await stack.simulator?.control.getCall(id))?.bridgeId ?? "none"));
    for (const [i, id] of waiting.entries()) expect(holdingBridges[i]?.startsWith(`${id}~leg~hold-`), id).toBe(true);
    // The restarted worker holds every caller: after an announcement the music starts again in each one's bridge.
    await until("MOH restarted in every holding bridge", async () => {
      const after = await mohStarts();
      return holdingBridges.every((bridgeId) => (after.get(bridgeId) ?? 0) > (mohBeforeRestart.get(bridgeId) ?? 0)) ? true : undefined;
    }, 40_000);
    for (const [i, id] of talking.entries()) {
      expect((await talkBridgeOf(stack, ari, id))?.id, id).toBe(bridges[i]?.id);
      expect((await stack.prisma.queuedCall.findUniqueOrThrow({ where: { id } })).status, id).toBe("connected");
    }

    // In order: each agent that becomes free takes the caller who waited longest.
    for (let k = 0; k < NEXT; k += 1) {
      await agents.set(`next${k}`, "available", "answer after 1s");
      await until(`waiting caller ${k} talks`, () => talkBridgeOf(stack, ari, waiting[k] ?? ""), 60_000);
      expect((await stack.prisma.queuedCall.findUniqueOrThrow({ where: { id: waiting[k] ?? "" } })).agentId).toBe(agents.agent(`next${k}`).id);
    }
    expect((await waitingOrder(stack)).map((row) => row.id)).toEqual(waiting.slice(NEXT));

    // The talking calls still end properly: their agents go to wrap-up, the agents' legs go.
    for (const id of talking) await stack.simulator?.control.hangup(id);
    for (const id of talking) expect((await stack.waitForCall(id, 60_000)).result?.outcome, id).toBe("transferred");
    for (let i = 0; i < TALKING; i += 1) {
      await until(`talker${i} in wrap-up`, async () => ((await stack.prisma.agentProfile.findUniqueOrThrow({ where: { userId: agents.agent(`talker${i}`).id } })).state === "wrap_up" ? true : undefined));
    }
    for (const id of waiting) await stack.simulator?.control.hangup(id);
    await until("every caller out of the queue", async () =>
      (await stack.prisma.queuedCall.count({ where: { status: { in: ["waiting", "offered", "connected"] } } })) === 0 ? true : undefined,
    );
  });
});
