import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevStack, type DevStack } from "@/workers/dev-stack";
import { createAriClient, type AriClient } from "@/workers/ari";
import { afterSalesWithCrm, callerIn, queueAgents, talkBridgeOf, type QueueAgents } from "../support/queue-calls";
import { allowLocalServer, sendJson, startLocalHttpServer, type LocalHttpServer } from "../support/local-http";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";
import { until } from "../support/until";

/**
 * The ARI bridge's WebSocket is cut while a queued call waits or talks: the events of that time are
 * lost for good (ARI does not replay them). The reconcile after the reconnect must settle the queue.
 */
const CRM_KEY = "crm-key-queue-lost";

describe("queue calls when the bridge loses events", () => {
  let stack: DevStack;
  let crm: LocalHttpServer;
  let proxy: TcpProxy;
  let ari: AriClient;
  let agents: QueueAgents;

  beforeAll(async () => {
    crm = await startLocalHttpServer((req, res) => {
      if (req.headers["x-api-key"] === CRM_KEY) return sendJson(res, 200, { data: { tier: "standard" } });
      sendJson(res, 403, { error: "forbidden" });
    });
    stack = await startDevStack({
      bridge: false,
      simulator: { timeScale: 1, openEndpoints: false, scriptTimeoutMs: 600_000 },
      secrets: { CRM_API_KEY: CRM_KEY, SHOP_API_TOKEN: "unused" },
      httpPolicy: allowLocalServer(crm, ["CRM_API_KEY", "SHOP_API_TOKEN"]),
      queueHold: { announceEverySeconds: 30 },
    });
    const sim = stack.simulator;
    if (!sim) throw new Error("needs the simulator");
    proxy = await startTcpProxy({ host: "127.0.0.1", port: sim.port });
    await stack.startBridge({ ariUrl: `http://${proxy.host}:${proxy.port}` });
    ari = createAriClient({ url: sim.url, username: "asterisk", password: "asterisk", app: "queue-lost-test" });
    await stack.publishFlow(afterSalesWithCrm(crm.url), { did: "4008001" });
    await stack.prisma.queue.create({ data: { name: "agents", displayNameZh: "人工", displayNameEn: "agents", offerTimeoutSeconds: 10, maxWaitSeconds: 600, whenFull: { kind: "voicemail" }, whenClosed: { kind: "hangup" } } });
    await stack.prisma.skill.create({ data: { name: "vip", displayNameZh: "贵宾", displayNameEn: "VIP" } });
    agents = queueAgents(stack);
    await agents.make("dora", []);
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
    await proxy?.close();
    await crm?.close();
  });

  it("the agent hangs up while the link is cut: the caller is hung up and the agent wraps up soon after it is back", { timeout: 180_000 }, async () => {
    await agents.set("dora", "available", "answer after 1s");
    const callId = await callerIn(stack, "connected", "13800000300");
    const bridge = await until("talking", () => talkBridgeOf(stack, ari, callId), 60_000);
    const leg = bridge.channels.find((id) => id !== callId) ?? "";
    proxy.cut();
    await stack.simulator?.control.hangup(leg);
    await new Promise((r) => setTimeout(r, 3_000));
    expect((await stack.simulator?.control.getCall(callId))?.done).toBe(false);
    proxy.restore();
    const backAt = Date.now();
    const { result } = await stack.waitForCall(callId, 60_000);
    expect(Date.now() - backAt).toBeLessThan(20_000);
    expect(result?.outcome).toBe("transferred");
    expect((await stack.getExecution(callId))?.handover).toMatchObject({ endedBy: "agent" });
    await until("dora in wrap-up", async () => ((await stack.prisma.agentProfile.findUniqueOrThrow({ where: { userId: agents.agent("dora").id } })).state === "wrap_up" ? true : undefined));
  });

  it("a waiting caller hangs up while the link is cut: out of the queue soon after it is back", { timeout: 180_000 }, async () => {
    await agents.set("dora", "offline");
    const callId = await callerIn(stack, "waiting", "13800000301");
    await until("on hold", async () => ((await stack.simulator?.control.getCall(callId))?.hearsMoh === "default" ? true : undefined));
    proxy.cut();
    await stack.simulator?.control.hangup(callId);
    await new Promise((r) => setTimeout(r, 3_000));
    expect((await stack.prisma.queuedCall.findUniqueOrThrow({ where: { id: callId } })).status).toBe("waiting");
    proxy.restore();
    const backAt = Date.now();
    await until("abandoned", async () => ((await stack.prisma.queuedCall.findUniqueOrThrow({ where: { id: callId } })).status === "abandoned" ? true : undefined), 30_000);
    expect(Date.now() - backAt).toBeLessThan(20_000);
    await until("no bridge left", async () => ((await ari.bridges.list()).length === 0 ? true : undefined));
  });
});
