import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevStack, type DevStack } from "@/workers/dev-stack";
import { createAriClient, type AriClient } from "@/workers/ari";
import { afterSalesWithCrm, callerIn, queueAgents, talkBridgeOf, type QueueAgents } from "../support/queue-calls";
import { sendJson, allowLocalServer, startLocalHttpServer, type LocalHttpServer } from "../support/local-http";
import { until } from "../support/until";

/**
 * The worker (a child process: it runs the call workflows, the queue clock and the offer dispatcher)
 * is killed with SIGKILL while callers wait and one talks. Nothing of the queue lived only in it.
 */
const CRM_KEY = "crm-key-queue-kill";
const WAITING = 4;

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
    await agents.make("talker", []);
    await agents.make("next", []);
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
    await crm?.close();
  });

  it("waiting calls still wait in order and the talking call still talks on a restarted worker", { timeout: 300_000 }, async () => {
    const first = stack.childWorker;
    if (!first) throw new Error("needs a child-process worker");
    await agents.set("talker", "available", "answer after 1s");
    const talking = await callerIn(stack, "connected", "13800000100");
    const bridge = await until("talking", () => talkBridgeOf(stack, ari, talking), 60_000);
    const waiting: string[] = [];
    for (let i = 0; i < WAITING; i += 1) waiting.push(await callerIn(stack, "waiting", `1380000020${i}`));

    await first.kill("SIGKILL");
    // Time passes without a worker: announcements are due, the dispatcher and the clock are dead.
    await new Promise((r) => setTimeout(r, 4_000));
    for (const id of [talking, ...waiting]) expect((await stack.simulator?.control.getCall(id))?.done, id).toBe(false);
    await stack.startChildWorker();

    // Still waiting (in their holding bridges, with music), still talking in the same bridge.
    await new Promise((r) => setTimeout(r, 6_000));
    for (const id of waiting) {
      expect((await stack.prisma.queuedCall.findUniqueOrThrow({ where: { id } })).status, id).toBe("waiting");
      expect((await stack.simulator?.control.getCall(id))?.bridgeId?.startsWith(`${id}~leg~hold-`), id).toBe(true);
      // Between two announcements the music plays (an announcement stops it for a few seconds).
      await until(`${id} hears MOH`, async () => ((await stack.simulator?.control.getCall(id))?.hearsMoh === "default" ? true : undefined), 20_000);
    }
    expect((await talkBridgeOf(stack, ari, talking))?.id).toBe(bridge.id);
    expect((await stack.prisma.queuedCall.findUniqueOrThrow({ where: { id: talking } })).status).toBe("connected");

    // In order: each agent that becomes free takes the caller who waited longest.
    await agents.set("next", "available", "answer after 1s");
    await until("the first waiting caller talks", () => talkBridgeOf(stack, ari, waiting[0] ?? ""), 60_000);
    for (const id of waiting.slice(1)) expect((await stack.prisma.queuedCall.findUniqueOrThrow({ where: { id } })).status, id).toBe("waiting");

    // The talking call still ends properly: its agent goes to wrap-up, the agent's leg goes.
    await stack.simulator?.control.hangup(talking);
    const { result } = await stack.waitForCall(talking, 60_000);
    expect(result?.outcome).toBe("transferred");
    await until("talker in wrap-up", async () => ((await stack.prisma.agentProfile.findUniqueOrThrow({ where: { userId: agents.agent("talker").id } })).state === "wrap_up" ? true : undefined));
    for (const id of waiting) await stack.simulator?.control.hangup(id);
    await until("every caller out of the queue", async () =>
      (await stack.prisma.queuedCall.count({ where: { status: { in: ["waiting", "offered", "connected"] } } })) === 0 ? true : undefined,
    );
  });
});
