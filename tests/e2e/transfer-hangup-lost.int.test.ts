import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevStack, type DevStack } from "@/workers/dev-stack";
import { logOf } from "../support/call-prompts";
import { ivrGraph } from "../support/graph-builder";
import { until } from "../support/until";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";

/**
 * A bridged transfer waits for either side to hang up. When the agent's hangup happens while the
 * bridge's WebSocket is cut, the reconcile after the reconnect must end the call (the caller would
 * otherwise sit in a bridge with nobody until the 60 s channel check).
 */
describe("the agent hangs up a bridged transfer while the bridge's WebSocket is cut", () => {
  let stack: DevStack;
  let proxy: TcpProxy;
  beforeAll(async () => {
    stack = await startDevStack({ bridge: false, simulator: { timeScale: 0.2 }, outboundTrunk: "carrier" });
    const sim = stack.simulator;
    if (!sim) throw new Error("needs the simulator");
    proxy = await startTcpProxy({ host: "127.0.0.1", port: sim.port });
    await stack.startBridge({ ariUrl: `http://${proxy.host}:${proxy.port}` });
    await stack.publishFlow(
      ivrGraph({
        name: "transfer to 2001",
        nodes: [
          { id: "start", type: "start", data: { defaultLanguage: "en-US" } },
          { id: "transfer", type: "transfer", data: { target: { kind: "number", number: "2001", timeoutSeconds: 10 } } },
          { id: "bye", type: "hangup" },
        ],
        edges: [
          ["start", "next", "transfer"],
          ["transfer", "failed", "bye"],
        ],
      }),
      { did: "8101" },
    );
  });
  afterAll(async () => {
    await stack?.stop();
    await proxy?.close();
  });

  it("hangs the caller up within 2 s of the link being back", { timeout: 120_000 }, async () => {
    const sim = stack.simulator;
    if (!sim) throw new Error("needs the simulator");
    const callId = await stack.placeCall({ to: "8101", from: "100", script: "expect hangup; timeout 60s" });
    const originate = await until("the originate", async () => (await sim.control.log({ kind: "originate" })).find((e) => e.appArgs === `transfer-leg,${callId}`));
    const legId = String(originate.channelId);
    await until("the leg to join the bridge", async () => (await sim.control.log({ channelId: legId, kind: "bridgeEnter" }))[0]);

    proxy.cut();
    const cutAt = performance.timeOrigin + performance.now();
    await sim.control.hangup(legId);
    await new Promise((r) => setTimeout(r, 3_000));
    // Nobody heard the agent's hangup: the caller is still on the line.
    expect((await sim.control.getCall(callId)).done).toBe(false);
    proxy.restore();

    const { result } = await stack.waitForCall(callId, 60_000);
    expect(result?.outcome).toBe("transferred");
    const [back] = (await sim.control.log({ kind: "wsConnected" })).filter((e) => e.t > cutAt);
    const [hangup] = await logOf(stack, callId, "hangupRequest");
    if (!back || !hangup) throw new Error("no reconnect or no hangup of the caller");
    console.log("agent hangup lost: caller hung up", Math.round(hangup.t - back.t), "ms after the link was back");
    expect(hangup.t - back.t).toBeLessThan(2_000);
  });
});
