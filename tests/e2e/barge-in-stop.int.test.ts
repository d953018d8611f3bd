import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevStack, type DevStack } from "@/workers/dev-stack";
import { logOf } from "../support/call-prompts";
import { ivrGraph, sound, tts } from "../support/graph-builder";

/**
 * A barge-in prompt the caller interrupts is stopped lazily (with the next prompt's activity, or
 * before the flow waits for anything else), and the bridge does not signal its PlaybackFinished:
 * the caller must still never hear it go on while the flow waits or plays the next prompt.
 */
describe("an interrupted barge-in prompt", () => {
  let stack: DevStack;
  beforeAll(async () => {
    stack = await startDevStack({ simulator: { timeScale: 1 } });
    await stack.publishFlow(
      ivrGraph({
        name: "pin after barge-in",
        nodes: [
          { id: "start", type: "start" },
          // 16 s: still playing long after the key.
          { id: "intro", type: "play", data: { media: [sound("tt-monkeys")], bargeIn: true } },
          { id: "pin", type: "collect", data: { variable: "pin", maxLength: 4, terminator: "#", firstDigitTimeoutSeconds: 10, interDigitTimeoutSeconds: 5 } },
          { id: "thanks", type: "play", data: { media: [tts("Thank you.")] } },
          { id: "bye", type: "hangup" },
        ],
        edges: [
          ["start", "next", "intro"],
          ["intro", "next", "pin"],
          ["pin", "next", "thanks"],
          ["pin", "timeout", "bye"],
          ["pin", "invalid", "bye"],
          ["thanks", "next", "bye"],
        ],
      }),
      { did: "5311" },
    );
    await stack.publishFlow(
      ivrGraph({
        name: "prompt after barge-in",
        nodes: [
          { id: "start", type: "start" },
          { id: "intro", type: "play", data: { media: [sound("tt-monkeys")], bargeIn: true } },
          { id: "next", type: "play", data: { media: [tts("Next.")] } },
          { id: "bye", type: "hangup" },
        ],
        edges: [
          ["start", "next", "intro"],
          ["intro", "next", "next"],
          ["next", "next", "bye"],
        ],
      }),
      { did: "5312" },
    );
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it("is stopped before the flow waits for more digits, and the digits count", { timeout: 120_000 }, async () => {
    const callId = await stack.placeCall({ to: "5311", from: "1390001", script: "wait prompt; wait 500ms; press 1; wait 3s; press 234#; wait prompt; expect hangup; timeout 60s" });
    const { result } = await stack.waitForCall(callId, 60_000);
    expect(result?.outcome).toBe("completed");
    const [introPlay] = await logOf(stack, callId, "playRequest");
    const stops = await logOf(stack, callId, "playbackStop");
    const keys = (await logOf(stack, callId, "dtmf")).filter((e) => e.delivered === true);
    expect(stops.map((s) => s.playbackId)).toEqual([introPlay?.playbackId]);
    const second = keys.find((k) => k.digit === "2");
    if (!second || !stops[0]) throw new Error("no second key or no stop in the simulator log");
    // Stopped while the collection waited for the second key, not when the flow moved on.
    expect(stops[0].t).toBeLessThan(second.t);
    const execution = await stack.getExecution(callId);
    expect(execution?.steps.find((s) => s.nodeId === "pin")?.varsChanged).toMatchObject({ pin: { after: "1234" } });
  });

  it("is stopped before the next prompt plays", { timeout: 120_000 }, async () => {
    const callId = await stack.placeCall({ to: "5312", from: "1390002", script: "wait prompt; wait 500ms; press 1; wait prompt; wait prompt end; expect hangup; timeout 60s" });
    const { result } = await stack.waitForCall(callId, 60_000);
    expect(result?.outcome).toBe("completed");
    const plays = await logOf(stack, callId, "playRequest");
    const stops = await logOf(stack, callId, "playbackStop");
    expect(plays).toHaveLength(2);
    expect(stops.map((s) => s.playbackId)).toEqual([plays[0]?.playbackId]);
    expect(stops[0]?.t).toBeLessThanOrEqual(plays[1]?.t ?? 0);
  });
});
