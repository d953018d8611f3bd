import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevStack, type DevStack } from "@/workers/dev-stack";
import { silencesAfterLoss, welcomeMenuFlow, WELCOME_MENU_SCRIPT, WELCOME_MENU_STEPS } from "../support/lost-events";
import { until } from "../support/until";

/** About 8.8 s of speech (4.4 s at the simulator's time scale): it ends while the bridge is dead. */
const WELCOME =
  "Thank you for calling Example Telecom. Please listen carefully, because our menu options have changed recently, and we want you to reach the right team.";
const CALLS = 4;

describe("the ARI bridge killed with SIGKILL and restarted 3 s later during several calls", () => {
  let stack: DevStack;
  beforeAll(async () => {
    stack = await startDevStack({ bridge: "child-process", simulator: { timeScale: 0.5 } });
    await stack.publishFlow(welcomeMenuFlow(WELCOME), { did: "4500" });
  });
  afterAll(() => stack?.stop());

  it("every call continues within 2 s of the bridge being back and ends with its flow's outcome", { timeout: 180_000 }, async () => {
    const sim = stack.simulator;
    const first = stack.childBridge;
    if (!sim || !first) throw new Error("needs the simulator and a child-process bridge");

    const callIds: string[] = [];
    for (let i = 0; i < CALLS; i += 1) {
      callIds.push(await stack.placeCall({ to: "4500", from: `1380000010${i}`, script: WELCOME_MENU_SCRIPT }));
      await new Promise((r) => setTimeout(r, 300));
    }
    await until("every welcome to start", async () => {
      const started = await Promise.all(callIds.map((id) => sim.control.log({ channelId: id, kind: "playbackStarted" })));
      return started.every((s) => s.length >= 1) ? true : undefined;
    });
    await first.kill("SIGKILL");
    const killedAt = performance.timeOrigin + performance.now();
    await new Promise((r) => setTimeout(r, 3_000));
    const second = await stack.startChildBridge();
    expect(second.pid).not.toBe(first.pid);

    const outcomes = await Promise.all(callIds.map((id) => stack.waitForCall(id, 90_000)));
    for (const { status, result } of outcomes) {
      expect(result?.outcome).toBe("completed");
      expect(status.hungUpBy).toBe("app");
      expect(status.script?.status).toBe("completed");
    }
    for (const callId of callIds) {
      const execution = await stack.getExecution(callId);
      expect(execution?.outcome).toBe("completed");
      expect(execution?.steps.map((s) => [s.nodeId, s.port, s.input])).toEqual(WELCOME_MENU_STEPS);
    }

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
});
