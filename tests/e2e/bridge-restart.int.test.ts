import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevStack, type DevStack } from "@/workers/dev-stack";
import { expectWelcomeMenuFollowed } from "../support/expect-welcome-menu";
import { placeWelcomeCalls, silencesAfterLoss, welcomeMenuFlow, WELCOME_MENU_SCRIPT } from "../support/lost-events";

/**
 * About 4 s of speech (2 s at the simulator's time scale): it ends inside the 3 s the bridge is dead,
 * however fast the prebuilt bridge starts again.
 */
const WELCOME = "Thank you for calling Example Telecom. Please listen carefully.";
const CALLS = 4;

describe("the ARI bridge killed with SIGKILL and restarted 3 s later during several calls", () => {
  let stack: DevStack;
  beforeAll(async () => {
    // The README's inbound dialplan: Stasis() retried every second (0.5 s here) while no bridge is connected;
    // 120 tries, not the README's 20: the bridge takes longer than 10 s to start again on a loaded machine.
    stack = await startDevStack({ bridge: "child-process", simulator: { timeScale: 0.5, stasisRetry: { attempts: 120, waitMs: 1_000, sorrySound: "ss-noservice" } } });
    await stack.publishFlow(welcomeMenuFlow(WELCOME), { did: "4500" });
  });
  afterAll(() => stack?.stop());

  it("every call continues within 2 s of the bridge being back and ends with its flow's outcome", { timeout: 180_000 }, async () => {
    const sim = stack.simulator;
    const first = stack.childBridge;
    if (!sim || !first) throw new Error("needs the simulator and a child-process bridge");

    const callIds = await placeWelcomeCalls(stack, { count: CALLS, to: "4500", fromPrefix: "1380000010" });
    await first.kill("SIGKILL");
    const killedAt = performance.timeOrigin + performance.now();
    await new Promise((r) => setTimeout(r, 3_000));
    const second = await stack.startChildBridge();
    expect(second.pid).not.toBe(first.pid);

    await expectWelcomeMenuFollowed(stack, callIds);

    const [back] = (await sim.control.log({ kind: "wsConnected" })).filter((e) => e.t > killedAt);
    if (!back) throw new Error("the restarted bridge never connected");
    const silences = await silencesAfterLoss(stack, callIds, back.t);
    // The fault really happened: prompts ended while no bridge listened.
    expect(silences.length).toBeGreaterThan(0);
    console.log(
      `bridge SIGKILL: back ${Math.round(back.t - killedAt)} ms after the kill; lost PlaybackFinished → next prompt after it was back (ms):`,
      silences.map((s) => s.resumedAfterMs),
    );
    for (const silence of silences) expect(silence.resumedAfterMs).toBeLessThan(2_000);
  });

  it("a call that arrives while the bridge is down is answered by its flow once the bridge is back", { timeout: 180_000 }, async () => {
    const sim = stack.simulator;
    const first = stack.childBridge;
    if (!sim || !first) throw new Error("needs the simulator and a child-process bridge");
    await first.kill("SIGKILL");
    const killedAt = performance.timeOrigin + performance.now();
    // Stasis() fails for this call (no application connected): the dialplan waits and tries again.
    const arriving = await stack.placeCall({ to: "4500", from: "13800000199", script: WELCOME_MENU_SCRIPT });
    await new Promise((r) => setTimeout(r, 3_000));
    await stack.startChildBridge();

    await expectWelcomeMenuFollowed(stack, [arriving]);
    const [back] = (await sim.control.log({ kind: "wsConnected" })).filter((e) => e.t > killedAt);
    if (!back) throw new Error("the restarted bridge never connected");
    const arrival = await sim.control.log({ channelId: arriving });
    expect(arrival.filter((e) => e.kind === "stasisFailed").length).toBeGreaterThanOrEqual(1);
    const entered = arrival.find((e) => e.kind === "stasisStart");
    if (!entered) throw new Error("the call that arrived during the restart never entered Stasis");
    console.log(`call arriving during the restart: in Stasis ${Math.round(entered.t - back.t)} ms after the bridge was back`);
    // At the dialplan's next Wait(1) after the bridge connected: 0.5 s at this time scale.
    expect(entered.t).toBeGreaterThan(back.t);
    expect(entered.t - back.t).toBeLessThan(2_000);
  });
});
