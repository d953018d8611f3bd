import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevStack, type DevStack } from "@/workers/dev-stack";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";
import { expectWelcomeMenuFollowed } from "../support/expect-welcome-menu";
import { placeWelcomeCalls, silencesAfterLoss, welcomeMenuFlow } from "../support/lost-events";

/** About 17 s of speech (8.7 s at the simulator's time scale): it ends while the bridge's link is cut. */
const WELCOME =
  "Thank you for calling Example Telecom. Please listen carefully, because our menu options have changed recently. Calls may be recorded for quality and training purposes. Our offices are open from nine in the morning until six in the evening, Monday to Friday, and from ten until four on Saturdays.";
const CALLS = 4;
const CUT_MS = 10_000;

describe("the ARI bridge's WebSocket cut by the network for 10 s during several calls", () => {
  let stack: DevStack;
  let proxy: TcpProxy;
  beforeAll(async () => {
    stack = await startDevStack({ bridge: false, simulator: { timeScale: 0.5 } });
    const sim = stack.simulator;
    if (!sim) throw new Error("needs the simulator");
    proxy = await startTcpProxy({ host: "127.0.0.1", port: sim.port });
    await stack.startBridge({ ariUrl: `http://${proxy.host}:${proxy.port}` });
    await stack.publishFlow(welcomeMenuFlow(WELCOME), { did: "4600" });
  });
  afterAll(async () => {
    await stack?.stop();
    await proxy?.close();
  });

  it("every call continues within 2 s of the link being back and ends with its flow's outcome", { timeout: 180_000 }, async () => {
    const sim = stack.simulator;
    if (!sim) throw new Error("needs the simulator");

    const callIds = await placeWelcomeCalls(stack, { count: CALLS, to: "4600", fromPrefix: "1380000020" });
    proxy.cut();
    const cutAt = performance.timeOrigin + performance.now();
    await new Promise((r) => setTimeout(r, CUT_MS));
    proxy.restore();

    await expectWelcomeMenuFollowed(stack, callIds);

    const [back] = (await sim.control.log({ kind: "wsConnected" })).filter((e) => e.t > cutAt);
    if (!back) throw new Error("the bridge never reconnected");
    const silences = await silencesAfterLoss(stack, callIds, back.t);
    expect(silences.length).toBeGreaterThan(0);
    console.log("socket cut: lost PlaybackFinished → next prompt after the link was back (ms):", silences.map((s) => s.resumedAfterMs));
    for (const silence of silences) expect(silence.resumedAfterMs).toBeLessThan(2_000);
  });
});
